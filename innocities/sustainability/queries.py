"""Reads for sustainability: assessments with everything their profile needs, and portfolios."""

from django.db.models import Prefetch

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


def latest_per_project(projects, *, for_profile_only=False):
    """The latest completed assessment of each project, with details: one query per kind of row.

    ``for_profile_only`` leaves out what a portfolio never shows (targets, participants, actors).
    """
    latest: dict[int, int] = {}
    rows = (
        Assessment.objects.filter(project__in=projects, completed_at__isnull=False)
        .order_by("project_id", "-assessed_on", "-pk")
        .values_list("project_id", "pk")
    )
    for project_id, pk in rows:
        latest.setdefault(project_id, pk)
    assessments = Assessment.objects.filter(pk__in=latest.values())
    if for_profile_only:
        assessments = assessments.select_related("project", "phase").prefetch_related(
            Prefetch("goals", queryset=GoalAssessment.objects.select_related("goal")), "actions"
        )
    else:
        assessments = with_details(assessments)
    return {a.project_id: a for a in assessments}


def portfolio(projects, phases):
    """The sustainability of a set of projects, from each one's latest completed assessment:
    a goals × phases heat map (mean impact and count), mean impact per dimension, balance classes,
    the trade-offs and knowledge gaps to act on, and the projects not yet assessed."""
    from .models import Goal
    from .profile import DIMENSIONS, mapping_for_organisation, profile

    projects = list(projects.select_related("phase", "organisation"))
    latest = latest_per_project([p.pk for p in projects], for_profile_only=True) if projects else {}
    mappings: dict[int, dict] = {}  # one mapping per organisation (its network may keep its own)
    cells: dict[tuple[int, int], list[int]] = {}
    by_dimension: dict[str, list[int]] = {d: [] for d in DIMENSIONS}
    balance: dict[str, int] = {}
    trade_offs, gaps, not_assessed = [], [], []
    for project in projects:
        assessment = latest.get(project.pk)
        if assessment is None:
            not_assessed.append(project)
            balance["not_assessed"] = balance.get("not_assessed", 0) + 1
            continue
        if project.organisation_id not in mappings:
            mappings[project.organisation_id] = mapping_for_organisation(project.organisation_id)
        result = profile(assessment, mappings[project.organisation_id], with_targets=False)
        balance[result.balance] = balance.get(result.balance, 0) + 1
        for row in result.rows:
            if row.rated:  # a knowledge gap is no 0: it stays out of the means
                cells.setdefault((row.goal.number, project.phase.order), []).append(row.impact)
                if row.dimension in by_dimension:
                    by_dimension[row.dimension].append(row.impact)
        for kind, goal in result.flags:
            (trade_offs if kind == "negative" else gaps).append((project, goal))
    goals = list(Goal.objects.all())
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
        for goal in goals
    ]
    return {
        "heat": heat,
        "dimensions": {d: _mean(values) for d, values in by_dimension.items()},
        "balance": balance,
        "trade_offs": trade_offs,
        "gaps": gaps,
        "not_assessed": not_assessed,
        "assessed": len(projects) - len(not_assessed),
        "total": len(projects),
    }


def _mean(values):
    return round(sum(values) / len(values), 1) if values else None
