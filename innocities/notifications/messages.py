"""What a notification says, composed in the reader's language."""

from django.utils.translation import gettext as _

from .models import Kind


def text(notification) -> str:
    data = notification.data
    if notification.kind == Kind.IDEA_STATUS:
        return _("“%(idea)s” is now: %(status)s.") % data
    if notification.kind == Kind.COMMENT:
        return _("%(author)s commented on “%(idea)s”.") % data
    if notification.kind == Kind.GATE_DECIDED:
        return _("%(gate)s on “%(project)s”: %(decision)s.") % data
    if notification.kind == Kind.EVALUATION_ASSIGNED:
        return _("You are asked to evaluate the ideas for “%(challenge)s”.") % data
    return ""
