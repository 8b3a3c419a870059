"""Co-production's figures for the dashboards: which helix sectors take part and how deeply (IAP2), and
the people the workshops and activities reached in the period. A fixed number of aggregate queries."""

from django.db.models import Avg, Count, Exists, Max, OuterRef, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from innocities.core.tables import Cell, Row, Table

from .models import SECTOR_FIELDS, Activity, Depth, HelixSector, Participation


def _ids(scope):
    return scope.projects.order_by().values("pk")


def _taking_part(**where):
    """Whether the project has a participation (matching ``where``): read per project through its index,
    never a list of every participation in the installation."""
    return Exists(Participation.objects.filter(project=OuterRef("pk"), **where))


def helix(scope) -> Table:
    found = {
        row["actor__sector"]: row
        for row in Participation.objects.filter(project__in=_ids(scope))
        .order_by()
        .values("actor__sector")
        .annotate(projects=Count("project", distinct=True), depth=Avg("depth"))
    }
    alone = scope.projects.exclude(_taking_part()).order_by().count()
    rows = [
        Row(
            sector.value,
            sector.label,
            [
                Cell(found.get(sector.value, {}).get("projects", 0), f"sector:{sector.value}"),
                Cell(found.get(sector.value, {}).get("depth"), f"sector:{sector.value}", kind="mean"),
            ],
        )
        for sector in HelixSector
    ]
    rows.append(Row("none", _("Projects with no participating actor"), [Cell(alone, "sector:"), Cell(None)]))
    return Table(columns=[_("Projects taking part"), _("Mean depth (IAP2, 1–5)")], rows=rows)


def _deepest(scope):
    deepest = (
        Participation.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(m=Max("depth"))
        .values("m")
    )
    return scope.projects.order_by().annotate(deepest=Subquery(deepest))


def depth(scope) -> Table:
    counts = dict(_deepest(scope).values("deepest").annotate(n=Count("pk")).values_list("deepest", "n"))
    rows = [
        Row(str(d.value), f"{d.value}. {d.label}", [Cell(counts.get(d.value, 0), f"depth:{d.value}")])
        for d in Depth
    ]
    rows.append(Row("none", _("No participation recorded"), [Cell(counts.get(None, 0), "depth:")]))
    return Table(columns=[_("Projects")], rows=rows)


def _held(scope):
    return Activity.objects.filter(
        project__in=_ids(scope), held_on__gte=scope.start, held_on__lte=scope.end
    ).order_by()


def reach(scope) -> Table:
    totals = _held(scope).aggregate(
        activities=Count("pk"),
        projects=Count("project", distinct=True),
        **{sector: Sum(field) for sector, field in SECTOR_FIELDS.items()},
    )
    rows = [
        Row("activities", _("Workshops and activities held"), [Cell(totals["activities"], "activities")]),
        Row("projects", _("Projects holding them"), [Cell(totals["projects"], "activities")]),
    ]
    for sector in HelixSector:
        rows.append(
            Row(
                sector.value,
                _("Participants: %(sector)s") % {"sector": sector.label},
                [Cell(totals.get(sector.value) or 0, "activities")],
            )
        )
    return Table(columns=[_("In the period")], rows=rows, chart=None)


def drill(scope, ref: str):
    kind, _sep, rest = ref.partition(":")
    projects = scope.projects
    if kind == "sector":
        if not rest:
            return projects.exclude(_taking_part())
        return projects.filter(_taking_part(actor__sector=rest))
    if kind == "depth":
        chosen = _deepest(scope)
        chosen = (
            chosen.filter(deepest=int(rest))
            if (rest.isascii() and rest.isdigit() and len(rest) < 10)
            else chosen.filter(deepest=None)
        )
        return projects.filter(pk__in=chosen.values("pk"))
    if kind == "activities":
        return projects.filter(pk__in=_held(scope).values("project_id"))
    return None
