"""Starting a project from another organisation's public one (reuse)."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innocities.coproduction.models import HelixSector, Participation
from innocities.core import audit
from innocities.learning.access import visible_lessons
from innocities.learning.models import ToolUse
from innocities.pipeline import actions as pipeline
from innocities.pipeline.models import Visibility
from innocities.programmes.models import FocusArea
from innocities.sustainability.models import IndicatorKind, TrackedIndicator

from .models import Reuse


def reuse_package(origin) -> dict:
    """What a reuse carries over from ``origin``: the method tools its team used (rated in its lessons,
    or named on its activities), its partners' helix sectors, and the indicators it followed."""
    names = {
        t["key"]: t.get("name") or {"en": t["key"]}
        for phase in origin.method.phases.all()
        for t in phase.tools
    }
    tools: dict[str, dict] = {}
    # only public lessons: the package is shown to the reusing organisation and copied onto its project
    public_lessons = visible_lessons(AnonymousUser()).filter(project=origin)
    for key, name, usefulness in ToolUse.objects.filter(lesson__in=public_lessons).values_list(
        "key", "name", "usefulness"
    ):
        best = tools.get(key, {}).get("usefulness") or 0
        tools[key] = {"key": key, "name": name, "usefulness": max(best, usefulness)}
    for key in origin.activities.exclude(tool="").values_list("tool", flat=True).distinct():
        tools.setdefault(key, {"key": key, "name": names.get(key, {"en": key}), "usefulness": None})
    sectors = sorted(
        set(Participation.objects.filter(project=origin).values_list("actor__sector", flat=True))
    )
    indicators = list(
        TrackedIndicator.objects.filter(targets__project=origin)
        .distinct()
        .prefetch_related("goals")
        .order_by("name")
    )
    return {
        "tools": list(tools.values()),
        "sectors": sectors,
        "sector_labels": sector_labels(sectors),
        "indicators": indicators,
    }


def sector_labels(sectors) -> list[str]:
    return [str(HelixSector(s).label) for s in sectors if s in HelixSector.values]


def _own_copy(indicator, organisation, actor):
    """The organisation's own library entry for the indicator: the same Kolada, U4SSC or SSB id, or a
    copy of another organisation's own indicator (kept under the same id, marked as copied)."""
    found = TrackedIndicator.objects.filter(
        organisation=organisation, kind=indicator.kind, code=indicator.code
    ).first()
    if found:
        return found
    copy = TrackedIndicator.objects.create(
        organisation=organisation,
        kind=indicator.kind,
        code=indicator.code,
        name=indicator.name,
        unit=indicator.unit,
        direction=indicator.direction,
        dimension=indicator.dimension,
        u4ssc_benchmark=indicator.u4ssc_benchmark if indicator.kind == IndicatorKind.U4SSC else None,
    )
    copy.goals.set(indicator.goals.all())
    audit.record(actor=actor, verb="save_indicator", obj=copy, organisation=organisation)
    return copy


@transaction.atomic
def reuse_project(*, origin, organisation, programme, actor, lead=None, **fields):
    """A new project of ``organisation`` that starts from ``origin`` (another organisation's public
    project): its need and texts as edited in the form, its focus area where the organisation has the
    same one, its method tools, partners' sectors and indicators as the starting package, the origin
    credited."""
    if origin.visibility != Visibility.PUBLIC:
        raise ValidationError(_("Only a public project can be reused."))
    if origin.organisation_id == organisation.pk:
        raise ValidationError(_("This is your own organisation's project; start a new one instead."))
    if origin.focus_area_id and "focus_area" not in fields:
        fields["focus_area"] = (
            FocusArea.objects.filter(key=origin.focus_area.key, organisation__isnull=True).first()
            or FocusArea.objects.filter(key=origin.focus_area.key, organisation=organisation).first()
        )
    project = pipeline.create_project(
        organisation=organisation, programme=programme, actor=actor, lead=lead, **fields
    )
    package = reuse_package(origin)
    reuse = Reuse.objects.create(
        project=project,
        origin=origin,
        organisation=organisation,
        tools=package["tools"],
        sectors=package["sectors"],
        created_by=actor,
    )
    reuse.indicators.set([_own_copy(i, organisation, actor) for i in package["indicators"]])
    audit.record(actor=actor, verb="reuse_project", obj=project, organisation=organisation, origin=origin.pk)
    return project
