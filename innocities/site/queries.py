"""Reads for the composed pages: programmes with the counts of the projects a person may see."""

from django.db.models import Count, Q

from innocities.pipeline.access import visible_projects
from innocities.pipeline.models import ProjectStatus
from innocities.programmes.access import visible_programmes


def programme_list(user):
    """The programmes a person sees, with project counts by outcome (only projects they may see)."""
    projects = visible_projects(user).values("pk")
    return (
        visible_programmes(user)
        .select_related("organisation", "network", "method")
        .annotate(
            project_count=Count("projects", filter=Q(projects__in=projects), distinct=True),
            implemented_count=Count(
                "projects",
                distinct=True,
                filter=Q(
                    projects__in=projects,
                    projects__status__in=[ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED],
                ),
            ),
        )
    )


def phase_counts(user, programme):
    """How many of the programme's visible projects are in each phase and status."""
    rows = (
        visible_projects(user)
        .filter(programme=programme)
        .values("phase__order", "status")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["phase__order"], {})[row["status"]] = row["n"]
    return counts
