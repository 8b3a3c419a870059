"""Engagement's figure for the dashboards: ideas citizens sent to open calls and how many became
projects. Two aggregate queries."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from innocities.core.tables import Cell, Row, Table


def _submitted(scope):
    return scope.ideas.filter(
        via_open_call=True,
        hidden_at__isnull=True,
        created_at__date__gte=scope.start,
        created_at__date__lte=scope.end,
    ).order_by()


def open_calls(scope) -> Table:
    totals = _submitted(scope).aggregate(
        ideas=Count("pk"),
        people=Count("submitted_by", distinct=True),
        projects=Count("pk", filter=Q(project__isnull=False)),
    )
    ideas, projects = totals["ideas"], totals["projects"]
    rows = [
        Row("ideas", _("Ideas sent to open calls"), [Cell(ideas)]),
        Row("people", _("People who sent them"), [Cell(totals["people"])]),
        Row("projects", _("Became projects"), [Cell(projects, "open-call-projects")]),
        Row(
            "share",
            _("Share that became projects"),
            [Cell(projects / ideas if ideas else None, "open-call-projects", kind="share")],
        ),
    ]
    return Table(columns=[_("In the period")], rows=rows, chart=None)


def drill(scope, ref: str):
    if ref == "open-call-projects":
        return scope.projects.filter(idea__in=_submitted(scope).values("pk"))
    return None
