"""Dashboards: the page, the projects behind a number, the workbook and a figure's CSV."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header

from innocities.accounts.roles import roles_of
from innocities.core import fragments
from innocities.core.paging import page_of
from innocities.core.replica import reads_from_replica
from innocities.core.uploads import safe_name
from innocities.organisations.models import Network, Organisation
from innocities.programmes.access import visible_programmes

from . import charts, dashboard, evidence, exports
from .periods import chosen
from .scope import KINDS, scope_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def index(request):
    """The dashboards the person may open."""
    roles = roles_of(request.user)
    organisations = Organisation.objects.filter(pk__in=roles.full_org_ids)
    networks = Network.objects.filter(
        Q(pk__in=roles.operated_network_ids) | Q(members__in=roles.full_org_ids)
    ).distinct()
    programmes = visible_programmes(request.user).select_related("organisation", "network")
    return render(
        request,
        "insight/index.html",
        {"organisations": organisations, "networks": networks, "programmes": programmes},
    )


def _period(request, kind, slug):
    scope = scope_for(request.user, kind, slug)
    first_year = getattr(scope.owner, "starts_on", None)
    form, period = chosen(request.GET, today=scope.today, first_year=first_year.year if first_year else 2015)
    return scope, form, period


def _board(request, kind, slug):
    scope, form, period = _period(request, kind, slug)
    return scope, form, period, dashboard.cached(scope, period)


def _period_query(period) -> str:
    if period.code == "custom":
        return f"period=custom&start={period.start.isoformat()}&end={period.end.isoformat()}"
    return f"period={period.code}"


@login_required
@reads_from_replica
def board(request, kind, slug):
    scope, form, period = _period(request, kind, slug)
    period_query = _period_query(period)

    def context():
        data = dashboard.cached(scope, period)
        journey = data.result("journey")
        return {
            "scope": scope,
            "board": data,
            "period_query": period_query,
            "journey": charts.journey(journey.table) if journey else None,
        }

    # the figures drawn once per reader, language and period: a page of tables costs its template
    body = fragments.rendered(
        request,
        "insight/_dashboard_body.html",
        dashboard.cache_key(scope, period, "dashboard-page"),
        dashboard.depends_on(scope),
        context,
        timeout=dashboard.TIMEOUT,
    )
    return render(
        request,
        "insight/dashboard.html",
        {
            "scope": scope,
            "kind_label": KINDS[kind],
            "form": form,
            "period": period,
            "previous": period.previous(),
            "body": body,
            "period_query": period_query,
            "may_download_research": evidence.may_download_research(request.user, scope),
        },
    )


@login_required
@reads_from_replica
def drill(request, kind, slug):
    """The projects behind one number of the dashboard."""
    scope, form, period = _period(request, kind, slug)
    key, ref = request.GET.get("figure", ""), request.GET.get("ref", "")
    figure = dashboard.figure(scope, key)
    if figure is None or figure.drill is None or len(ref) > 200:
        raise Http404
    projects = figure.drill(scope.within(period.start, period.end), ref)
    if projects is None:
        raise Http404
    rows = projects.select_related("organisation", "phase", "programme").order_by("title", "pk")
    # kept per reader, language and query (figure, reference, period, page) until the projects change
    body = fragments.rendered(
        request,
        "insight/_drill_body.html",
        dashboard.cache_key(scope, period, "dashboard-drill"),
        dashboard.depends_on(scope),
        lambda: {"page": page_of(request, rows, 50)},
        vary=f"{key}|{ref}|{_page_number(request)}",
        timeout=dashboard.TIMEOUT,
    )
    return render(
        request,
        "insight/drill.html",
        {
            "scope": scope,
            "figure": figure,
            "period": period,
            "body": body,
            "back": reverse("insight:dashboard", args=[kind, slug]) + "?" + _period_query(period),
        },
    )


def _page_number(request) -> str:
    """The page asked for, cleaned: what a kept drill-down varies by (never the raw query string)."""
    page = request.GET.get("page", "")
    return page if page.isascii() and page.isdigit() and len(page) < 7 else ""


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
@reads_from_replica
def workbook(request, kind, slug):
    scope, form, period, data = _board(request, kind, slug)
    name = safe_name(f"{scope.owner} {period.label}", "xlsx")
    return _download(exports.workbook(data), XLSX, name)


@login_required
@reads_from_replica
def figure_csv(request, kind, slug, key):
    scope, form, period, data = _board(request, kind, slug)
    result = data.result(key)
    if result is None:
        raise Http404
    name = safe_name(f"{scope.owner} {result.figure.label} {period.label}", "csv")
    return _download(exports.figure_csv(data, result), "text/csv; charset=utf-8", name)
