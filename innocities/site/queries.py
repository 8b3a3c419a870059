"""Reads for the composed pages: programmes with the counts of the projects a person may see."""

from django.core.paginator import Paginator
from django.db.models import Count, Q

from innocities.pipeline.access import visible_projects
from innocities.pipeline.models import ProjectStatus
from innocities.programmes.access import visible_programmes

PROGRAMMES_PAGE = 24


def programme_list(user, page_number=None):
    """A page of the programmes a person sees, each with the counts of the projects they may see in it
    (one grouped query over the page's programmes, not over every visible project)."""
    programmes = (
        visible_programmes(user).select_related("organisation", "network", "method").order_by("name", "pk")
    )
    page = Paginator(programmes, PROGRAMMES_PAGE).get_page(page_number)
    counts = {
        row["programme"]: row
        for row in visible_projects(user)
        .filter(programme__in=[p.pk for p in page])
        .order_by()
        .values("programme")
        .annotate(
            total=Count("pk"),
            implemented=Count("pk", filter=Q(status__in=[ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED])),
        )
    }
    for programme in page:
        row = counts.get(programme.pk, {})
        programme.project_count, programme.implemented_count = row.get("total", 0), row.get("implemented", 0)
    return page


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
