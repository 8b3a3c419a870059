"""Indicator library writes, progress against targets, and the U4SSC progress bands."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innocities.core import audit

from .models import Direction, IndicatorTarget, Measurement, TrackedIndicator

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


@transaction.atomic
def save_indicator(*, organisation, indicator: TrackedIndicator | None = None, actor, goals=(), **fields):
    indicator = indicator or TrackedIndicator(organisation=organisation)
    for name, value in fields.items():
        setattr(indicator, name, value.strip() if isinstance(value, str) else value)
    if (
        TrackedIndicator.objects.filter(organisation=organisation, kind=indicator.kind, code=indicator.code)
        .exclude(pk=indicator.pk)
        .exists()
    ):
        raise ValidationError({"code": _("This indicator is already in the library.")})
    indicator.full_clean()
    indicator.save()
    indicator.goals.set(goals)
    audit.record(actor=actor, verb="save_indicator", obj=indicator, organisation=organisation)
    return indicator


@transaction.atomic
def set_target(*, indicator, actor, project=None, **fields) -> IndicatorTarget:
    if project is not None and project.organisation_id != indicator.organisation_id:
        raise ValidationError({"project": _("Choose one of your organisation's projects.")})
    target = IndicatorTarget(indicator=indicator, project=project, **fields)
    target.full_clean()
    target.save()
    audit.record(actor=actor, verb="set_indicator_target", obj=target, organisation=indicator.organisation)
    return target


@transaction.atomic
def record_measurement(*, indicator, year: int, value, source: str = "", project=None, actor) -> Measurement:
    """Record (or correct) the value of a year, for the organisation or for one project."""
    if project is not None and project.organisation_id != indicator.organisation_id:
        raise ValidationError({"project": _("Choose one of your organisation's projects.")})
    measurement, _created = Measurement.objects.update_or_create(
        indicator=indicator, project=project, year=year, defaults={"value": value, "source": source.strip()}
    )
    audit.record(actor=actor, verb="record_measurement", obj=measurement, organisation=indicator.organisation)
    return measurement


@transaction.atomic
def set_dimension_map(*, network, mapping: dict[int, str], actor):
    """A network's own grouping of the 17 goals into the dimensions (sources disagree on 7, 10 and 17)."""
    from .models import DimensionMap

    allowed = {"ecological", "social", "economic", "cross_cutting"}
    if set(mapping) != set(range(1, 18)) or not set(mapping.values()) <= allowed:
        raise ValidationError(_("Place every one of the 17 goals in a dimension."))
    dimension_map, _created = DimensionMap.objects.update_or_create(
        network=network, defaults={"mapping": {str(k): v for k, v in mapping.items()}}
    )
    audit.record(actor=actor, verb="set_dimension_map", obj=dimension_map)
    return dimension_map
