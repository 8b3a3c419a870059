"""Evidence of what works (the page and the projects behind a group) and the anonymised research
dataset (its data dictionary and the CSV). Same access as the dashboard; the dataset only for the
network's operators and platform staff (404 for everyone else)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from innocities.core.paging import page_of

from . import evidence, research
from .scope import KINDS, scope_for


def _research_scope(request, kind, slug):
    scope = scope_for(request.user, kind, slug)
    if not evidence.may_download_research(request.user, scope):
        raise Http404
    return scope


@login_required
def evidence_page(request, kind, slug):
    scope = scope_for(request.user, kind, slug)
    data = evidence.cached(scope)
    return render(
        request,
        "insight/evidence.html",
        {
            "scope": scope,
            "kind_label": KINDS[kind],
            "overall": evidence.overall_shown(data),
            "factors": evidence.drawn(data),
            "minimum": evidence.MINIMUM,
            "may_download_research": evidence.may_download_research(request.user, scope),
        },
    )


@login_required
def evidence_projects(request, kind, slug):
    """The ended projects of one group of a factor."""
    scope = scope_for(request.user, kind, slug)
    factor_key, group_key = request.GET.get("factor", ""), request.GET.get("group", "")
    projects = evidence.projects_in(scope, factor_key, group_key)
    if projects is None:
        raise Http404
    factor = evidence.BY_KEY[factor_key]
    rows = projects.select_related("organisation", "programme", "phase").order_by("title", "pk")
    return render(
        request,
        "insight/evidence.html",
        {
            "scope": scope,
            "kind_label": KINDS[kind],
            "drill": {"factor": factor, "group": factor.label_of(group_key)},
            "page": page_of(request, rows, 50),
        },
    )


@login_required
def research_page(request, kind, slug):
    """The data dictionary of the research dataset, and the link to it."""
    scope = _research_scope(request, kind, slug)
    return render(
        request,
        "insight/research.html",
        {
            "scope": scope,
            "kind_label": KINDS[kind],
            "columns": research.COLUMNS,
            "rows": scope.projects.order_by().count(),
            "minimum": evidence.MINIMUM,
        },
    )


@login_required
def research_csv(request, kind, slug):
    scope = _research_scope(request, kind, slug)
    response = StreamingHttpResponse(research.csv_chunks(scope), content_type="text/csv; charset=utf-8")
    name = f"innocities-research-{kind}-{scope.owner.slug}-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "private, no-store"
    return response
