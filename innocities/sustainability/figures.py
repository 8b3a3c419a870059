"""Sustainability's figures for the dashboards: how many projects are assessed, their balance between
the three dimensions and the trade-offs and knowledge gaps to act on (from the portfolio, so the two
pages agree), and the benefits projects expect and realise."""

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innocities.core.tables import Cell, Row, Table
from innocities.pipeline.figures import implemented_on
from innocities.pipeline.models import ProjectStatus

from .models import IndicatorTarget, Measurement
from .profile import BALANCE
from .queries import portfolio

SHOWN = 30


def sdg(scope) -> Table:
    data = portfolio(scope.projects, [])
    total, assessed = data["total"], data["assessed"]
    rows = [
        Row("projects", _("Projects"), [Cell(total, "all")]),
        Row("assessed", _("With a completed assessment"), [Cell(assessed, "assessed")]),
        Row(
            "coverage",
            _("Assessment coverage"),
            [Cell(assessed / total if total else None, "assessed", kind="share")],
        ),
    ]
    for key, label in BALANCE.items():
        rows.append(
            Row(
                f"balance:{key}",
                _("Balance: %(class)s") % {"class": label},
                [Cell(data["balance"].get(key, 0), f"balance:{key}")],
            )
        )
    rows.append(
        Row(
            "trade_offs",
            _("Projects with trade-offs to act on"),
            [Cell(len(data["trade_off_projects"]), "trade_offs")],
        )
    )
    rows.append(Row("gaps", _("Projects with knowledge gaps"), [Cell(len(data["gap_projects"]), "gaps")]))
    table = Table(columns=[_("Projects")], rows=rows, chart=None)
    portfolio_page = {
        "programme": "sustainability:programme_portfolio",
        "organisation": "sustainability:organisation_portfolio",
    }.get(scope.kind)
    if portfolio_page:
        table.links.append(
            (
                _("The trade-offs and knowledge gaps, goal by goal, in the portfolio"),
                reverse(portfolio_page, args=[scope.owner.slug]),
            )
        )
    return table


def _measured_after(scope):
    """Measurements of implemented projects dated in or after the year they were implemented."""
    return (
        Measurement.objects.filter(
            project__in=scope.projects.filter(status__in=[ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED])
            .order_by()
            .values("pk")
        )
        .annotate(implemented=Subquery(implemented_on()))
        .filter(implemented__year__lte=F("year"))
    )


def _with_targets():
    return Exists(IndicatorTarget.objects.filter(project=OuterRef("pk")))


def benefits(scope) -> Table:
    projects = scope.projects.order_by()
    counts = projects.aggregate(
        expected=Count("pk", filter=~Q(expected_benefits="")),
        implemented=Count("pk", filter=Q(status__in=[ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED])),
    )
    with_targets = projects.filter(_with_targets()).count()
    measured = _measured_after(scope).aggregate(n=Count("project", distinct=True))["n"]
    implemented = counts["implemented"]
    rows = [
        Row("expected", _("With expected benefits written"), [Cell(counts["expected"], "expected")]),
        Row("targets", _("With indicator targets"), [Cell(with_targets, "targets")]),
        Row("implemented", _("Implemented or scaled"), [Cell(implemented, "implemented")]),
        Row(
            "measured",
            _("Implemented, with an outcome measured after implementation"),
            [Cell(measured, "measured")],
        ),
        Row(
            "measured_share",
            _("Share of implemented projects with a measured outcome"),
            [Cell(measured / implemented if implemented else None, "measured", kind="share")],
        ),
    ]
    return Table(columns=[_("Projects")], rows=rows, chart=None)


def realised(scope) -> Table:
    """Expected against realised: each project target beside the latest value measured for it."""
    latest = Measurement.objects.filter(
        indicator=OuterRef("indicator"), project=OuterRef("project")
    ).order_by("-year")
    targets = (
        IndicatorTarget.objects.filter(project__in=scope.projects.order_by().values("pk"))
        .annotate(
            latest=Subquery(latest.values("value")[:1]), latest_year=Subquery(latest.values("year")[:1])
        )
        .order_by("project__title", "indicator__name", "pk")
    )
    total = targets.count()
    rows = []
    for target in targets.select_related("project", "indicator")[:SHOWN]:
        span = target.target_value - target.baseline_value
        progress = None
        if target.latest is not None and span:
            progress = float((target.latest - target.baseline_value) / span)
        rows.append(
            Row(
                str(target.pk),
                f"{target.project.title} – {target.indicator.name} ({target.indicator.unit})",
                [
                    Cell(target.baseline_value, f"project:{target.project_id}", kind="mean"),
                    Cell(target.target_value, f"project:{target.project_id}", kind="mean"),
                    Cell(target.latest, f"project:{target.project_id}", kind="mean"),
                    Cell(progress, f"project:{target.project_id}", kind="share"),
                ],
            )
        )
    table = Table(
        columns=[_("Baseline"), _("Target"), _("Latest measured"), _("Share of the way")],
        rows=rows,
        chart=None,
    )
    if total > SHOWN:
        table.notes.append(
            _("The first %(shown)s of %(total)s targets, by project; each project's page has the rest.")
            % {"shown": SHOWN, "total": total}
        )
    return table


def drill(scope, ref: str):
    kind, _sep, rest = ref.partition(":")
    projects = scope.projects
    if kind == "all":
        return projects
    if kind == "assessed":
        return projects.filter(assessments__completed_at__isnull=False).distinct()
    if kind in {"balance", "trade_offs", "gaps"}:
        data = portfolio(projects, [])
        chosen = {"trade_offs": data["trade_off_projects"], "gaps": data["gap_projects"]}.get(kind)
        if chosen is None:
            chosen = data["members"].get(rest, [])
        return projects.filter(pk__in=chosen)
    if kind == "expected":
        return projects.exclude(expected_benefits="")
    if kind == "targets":
        return projects.filter(_with_targets())
    if kind == "implemented":
        return projects.filter(status__in=[ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED])
    if kind == "measured":
        return projects.filter(pk__in=_measured_after(scope).values("project_id"))
    if kind == "project" and (rest.isascii() and rest.isdigit() and len(rest) < 10):
        return projects.filter(pk=int(rest))
    return None
