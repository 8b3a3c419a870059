"""Progress against indicator targets in the U4SSC bands (the writes are in actions.py)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy

from .models import Direction, IndicatorTarget

# The U4SSC snapshot's bands: share of the way from baseline to target.
BANDS = [
    (Decimal("0.95"), "achieved", gettext_lazy("At least 95 %")),
    (Decimal("0.66"), "on_track", gettext_lazy("66–95 %")),
    (Decimal("0.33"), "behind", gettext_lazy("33–66 %")),
    (Decimal("-1e9"), "far_behind", gettext_lazy("Under 33 %")),
]


def progress(target: IndicatorTarget, latest: Decimal | None):
    """(share of the way from baseline to target, band key, band label), or None without a value."""
    if latest is None:
        return None
    span = target.target_value - target.baseline_value
    if span == 0:
        share = Decimal(1)
    else:
        share = (Decimal(latest) - target.baseline_value) / span
    if (
        target.indicator.direction == Direction.LOWER
        and span > 0
        or (target.indicator.direction == Direction.HIGHER and span < 0)
    ):
        share = Decimal(0)  # a target set in the wrong direction counts as no progress
    for threshold, key, label in BANDS:
        if share >= threshold:
            return round(share * 100), key, label
    return None
