"""What a notification says, composed in the reader's language from the codes stored with it."""

from django.utils.translation import gettext as _

from innocities.core.i18n import pick

from .models import Kind


def _status(data):
    from innocities.pipeline.models import IdeaStatus

    code = data.get("status_code")
    return IdeaStatus(code).label if code in IdeaStatus.values else data.get("status", "")


def _decision(data):
    from innocities.pipeline.models import Decision

    code = data.get("decision_code")
    return Decision(code).label if code in Decision.values else data.get("decision", "")


def text(notification) -> str:
    data = notification.data
    if notification.kind == Kind.IDEA_STATUS:
        line = _("“%(idea)s” is now: %(status)s.") % {"idea": data.get("idea", ""), "status": _status(data)}
        return f"{line} {data['reason']}" if data.get("reason") else line
    if notification.kind == Kind.COMMENT:
        return _("%(author)s commented on “%(idea)s”.") % data
    if notification.kind == Kind.GATE_DECIDED:
        gate = pick(data["gate_name"]) if isinstance(data.get("gate_name"), dict) else data.get("gate", "")
        return _("%(gate)s on “%(project)s”: %(decision)s.") % {
            "gate": gate,
            "project": data.get("project", ""),
            "decision": _decision(data),
        }
    if notification.kind == Kind.HIDDEN:
        return _("A moderator hid what you wrote on “%(idea)s”. Reason: %(reason)s") % data
    if notification.kind == Kind.EVALUATION_ASSIGNED:
        return _("You are asked to evaluate the ideas for “%(challenge)s”.") % data
    return ""
