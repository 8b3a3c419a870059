"""Template filters for the sustainability pages: the profile chart's geometry, labels, signed impacts."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick

register = template.Library()

MINUS = "\u2212"  # a true minus sign, not the hyphen-minus

# Geometry of the profile chart (sustainability/_profile_chart.html): a 640-wide SVG shown at most at
# its own size, so 16-px text stays 16 px. Goal names on the left (to x=330), the zero line at x=460,
# 60 px per impact step (bars from 340 to 580), the signed value right-aligned at x=636; 30 px a row.
ZERO, STEP, ROW, VALUE_X = 460, 60, 30, 636


@register.filter
def signed(value, decimals=None):
    """An impact with its sign always shown and a true minus: +2, 0, −1, +0.5 (decimal comma where
    the language has one). Empty for no value, so templates can say what is missing themselves."""
    if value is None or value == "":
        return ""
    if decimals is None and isinstance(value, float) and not value.is_integer():
        decimals = 1
    number = float(value)
    text = number_format(abs(number), decimals) if decimals is not None else str(abs(int(number)))
    if number > 0:
        return f"+{text}"
    if number < 0:
        return f"{MINUS}{text}"
    return text


@register.filter
def chart_height(rows):
    return max(1, int(rows)) * ROW + 6


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
    """The x of the signed value: one right-aligned column, so labels never run into the goal names."""
    return VALUE_X


@register.filter
def dimension_label(key):
    from .. import profile

    return profile.DIMENSIONS.get(key, _("Cross-cutting"))


@register.filter
def relevance_label(key):
    from ..models import Relevance

    return Relevance(key).label


@register.filter
def text_language(texts):
    """The language a data text is actually shown in (for lang="…" when it falls back to English)."""
    from django.utils.translation import get_language

    shown = pick(texts)
    wanted = (get_language() or "sv").split("-")[0]
    if isinstance(texts, dict):
        if texts.get(wanted) == shown:
            return wanted
        return next((code for code, text in texts.items() if text == shown), wanted)
    return wanted
