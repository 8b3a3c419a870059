from django import template
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick

register = template.Library()


@register.filter
def tr(texts):
    """A data text (method, focus area) in the active language."""
    return pick(texts)


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


# Geometry of the profile chart (sustainability/_profile_chart.html): a 520-wide SVG, labels on the
# left, the zero line at x=370 and 60 px per impact step, one 22-px row per goal.
ZERO, STEP, ROW = 370, 60, 22


@register.filter
def chart_height(rows):
    return max(1, int(rows)) * ROW + 4


@register.filter
def row_y(index):
    return int(index) * ROW


@register.filter
def bar_x(impact):
    impact = int(impact or 0)
    return ZERO + min(impact, 0) * STEP


@register.filter
def bar_width(impact):
    return abs(int(impact or 0)) * STEP


@register.filter
def label_x(impact):
    impact = int(impact or 0)
    return ZERO + impact * STEP - 26 if impact < 0 else ZERO + impact * STEP + 6


@register.filter
def dimension_label(key):
    from innocities.sustainability.profile import DIMENSIONS

    return DIMENSIONS.get(key, _("Cross-cutting"))


@register.filter
def relevance_label(key):
    from innocities.sustainability.models import Relevance

    return Relevance(key).label
