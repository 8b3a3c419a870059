from django import template
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick

register = template.Library()


@register.filter
def tr(texts):
    """A data text (method, focus area) in the active language."""
    return pick(texts)


@register.simple_tag(takes_context=True)
def render_panel(context, panel, data):
    """A module's panel (core.registry.Panel) rendered with the page's context and its own data."""
    with context.push(**data):
        return context.template.engine.get_template(panel.template).render(context)


@register.filter
def get(mapping, key):
    return (mapping or {}).get(key, 0)


@register.simple_tag(takes_context=True)
def query(context, **changes):
    """The current query string with some parameters changed (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + urlencode(sorted(params.items()))


AUDIT_VERBS = {
    "hide": _("Hid content"),
    "unhide": _("Showed content again"),
    "block_user": _("Blocked a person"),
    "dismiss_report": _("Dismissed a report"),
}


@register.filter
def audit_verb(verb):
    return AUDIT_VERBS.get(verb, verb)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
