"""Reads for sustainability: assessments with everything their profile needs, and portfolios."""

from django.db.models import F, Prefetch, Window
from django.db.models.functions import Abs, RowNumber

from .models import Assessment, GoalAssessment


def with_details(assessments):
    return assessments.select_related("project", "phase", "project__organisation").prefetch_related(
        Prefetch("goals", queryset=GoalAssessment.objects.select_related("goal").prefetch_related("targets")),
        "actions",
        "actions__goal",
        "participants",
        "actors",
    )


def completed(project):
    return with_details(project.assessments.filter(completed_at__isnull=False)).order_by(
        "-assessed_on", "-pk"
    )


def current_assessment(project):
    """The latest completed assessment made in the project's current phase, or None."""
    return completed(project).filter(phase=project.phase).first()


def latest_completed(projects):
    """The latest completed assessment of each project, one row per assessed project, in SQL."""
    newest = Window(
        RowNumber(), partition_by=[F("project_id")], order_by=[F("assessed_on").desc(), F("pk").desc()]
    )
    return (
        Assessment.objects.filter(project__in=projects, completed_at__isnull=False)
        .annotate(newest=newest)
        .filter(newest=1)
    )


SHOWN = 30  # projects a portfolio names in each of its lists; the rest are counted


def portfolio(projects, phases):
    """The sustainability of a set of projects, from each one's latest completed assessment:
    a goals × phases heat map (mean impact and count), mean impact per dimension, balance classes,
    the trade-offs and knowledge gaps to act on, and the projects not yet assessed.

    Reads plain rows (project, goal, impact), never model objects, so its cost is the SQL's: about
    six goals a project; only the projects a list names are fetched whole."""
    from .models import AssessmentAction, Goal
    from .profile import DIMENSIONS, GoalRow, mappings_for_organisations, summarise

    rows = list(projects.order_by("title", "pk").values_list("pk", "organisation_id", "phase__order"))
    latest = dict(latest_completed(projects).order_by().values_list("pk", "project_id"))
    goals = {g.number: g for g in Goal.objects.all()}
    rated: dict[int, list] = {}
    for assessment_id, goal, relevance, impact, gap in (
        GoalAssessment.objects.filter(assessment__in=list(latest))
        .order_by()
        .values_list("assessment_id", "goal_id", "relevance", "impact", "knowledge_gap")
    ):
        if relevance != "not_relevant":
            rated.setdefault(latest[assessment_id], []).append((goal, impact, gap))
    reduced, closed = set(), set()
    for assessment_id, goal, kind in (
        AssessmentAction.objects.filter(assessment__in=list(latest), kind__in=["reduce", "close_gap"])
        .order_by()
        .values_list("assessment_id", "goal_id", "kind")
    ):
        (reduced if kind == "reduce" else closed).add((latest[assessment_id], goal))
    assessed = set(latest.values())
    mappings = mappings_for_organisations({o for pk, o, _order in rows if pk in assessed})
    cells: dict[tuple[int, int], list[int]] = {}
    by_dimension: dict[str, list[int]] = {d: [] for d in DIMENSIONS}
    balance: dict[str, int] = {}
    members: dict[str, list[int]] = {}
    trade_offs, gaps, not_assessed = [], [], []
    for pk, organisation_id, order in rows:
        if pk not in assessed:
            not_assessed.append(pk)
            balance["not_assessed"] = balance.get("not_assessed", 0) + 1
            members.setdefault("not_assessed", []).append(pk)
            continue
        mapping = mappings[organisation_id]
        result = summarise(
            [
                GoalRow(
                    goal=goals[goal],
                    relevance="",
                    impact=impact,
                    knowledge_gap=gap,
                    rationale="",
                    dimension=mapping.get(goal, "cross_cutting"),
                    addressed=(pk, goal) in reduced,
                )
                for goal, impact, gap in sorted(rated.get(pk, []))
            ],
            {goal for project, goal in closed if project == pk},
        )
        balance[result.balance] = balance.get(result.balance, 0) + 1
        members.setdefault(result.balance, []).append(pk)
        for row in result.rows:
            if row.rated:  # a knowledge gap is no 0: it stays out of the means
                cells.setdefault((row.goal.number, order), []).append(row.impact)
                if row.dimension in by_dimension:
                    by_dimension[row.dimension].append(row.impact)
        for kind, goal in result.flags:
            (trade_offs if kind == "negative" else gaps).append((pk, goal))
    named = {pk for pk, _goal in trade_offs[:SHOWN] + gaps[:SHOWN]} | set(not_assessed[:SHOWN])
    by_pk = projects.model.objects.select_related("phase").in_bulk(named)
    heat = [
        (
            goal,
            [
                (
                    phase,
                    _mean(cells.get((goal.number, phase.order))),
                    len(cells.get((goal.number, phase.order), [])),
                )
                for phase in phases
            ],
        )
        for goal in goals.values()
    ]
    return {
        "heat": heat,
        "dimensions": {d: _mean(values) for d, values in by_dimension.items()},
        "balance": balance,
        "trade_offs": [(by_pk[pk], goal) for pk, goal in trade_offs[:SHOWN] if pk in by_pk],
        "trade_offs_total": len(trade_offs),
        "trade_offs_more": max(len(trade_offs) - SHOWN, 0),
        "gaps": [(by_pk[pk], goal) for pk, goal in gaps[:SHOWN] if pk in by_pk],
        "gaps_total": len(gaps),
        "gaps_more": max(len(gaps) - SHOWN, 0),
        "not_assessed": [by_pk[pk] for pk in not_assessed[:SHOWN] if pk in by_pk],
        "not_assessed_total": len(not_assessed),
        "not_assessed_more": max(len(not_assessed) - SHOWN, 0),
        "members": members,  # the projects of each balance class, for the dashboards' drill-down
        "trade_off_projects": sorted({pk for pk, _goal in trade_offs}),
        "gap_projects": sorted({pk for pk, _goal in gaps}),
        "assessed": len(rows) - len(not_assessed),
        "total": len(rows),
    }


def projects_on_goal(projects, number):
    """The projects whose latest completed assessment rates the goal positive, and those rating it
    negative, strongest first: each its first ``SHOWN`` rows, how many there are and how many more."""
    rated = (
        GoalAssessment.objects.filter(
            goal=number,
            assessment__in=latest_completed(projects).order_by().values("pk"),
            knowledge_gap=False,
        )
        .exclude(relevance="not_relevant")
        .exclude(impact=0)
    )
    # one pass over the latest assessments (the costly part), strongest first; then the shown rows whole
    order = (Abs("impact").desc(), "assessment__project__title", "pk")
    found = list(rated.order_by(*order).values_list("pk", "impact"))
    sides = [[pk for pk, impact in found if impact > 0], [pk for pk, impact in found if impact < 0]]
    shown = rated.model.objects.select_related("assessment__project__organisation").in_bulk(
        [pk for side in sides for pk in side[:SHOWN]]
    )
    return [([shown[pk] for pk in side[:SHOWN]], len(side), max(len(side) - SHOWN, 0)) for side in sides]


def _mean(values):
    return round(sum(values) / len(values), 1) if values else None
