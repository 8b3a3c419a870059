"""The public catalogue and the one search box: pages anyone may open, signed in or not."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import http_date, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from innocities.core import fragments, registry
from innocities.core.paging import CappedPaginator
from innocities.core.views import create_once
from innocities.engagement.access import public_calls
from innocities.organisations.acting import acting_organisation
from innocities.organisations.models import Organisation
from innocities.pipeline.models import Challenge, Project
from innocities.programmes.models import Programme

from . import actions, feeds, opendata, queries, search, similar
from .forms import ChallengeFilterForm, ProjectFilterForm, ReuseForm, SearchForm
from .models import DatasetFile
from .sitemaps import SITEMAPS

PER_PAGE = 20
MAX_PAGES = queries.COUNT_UP_TO // PER_PAGE


def _page_number(request) -> int:
    try:
        return min(max(int(request.GET.get("page", 1)), 1), MAX_PAGES)
    except (TypeError, ValueError):
        return 1


def _query_without_page(request) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])


def _cleaned_query(filters: dict) -> str:
    """The filters that apply, as the query string every link of a cached list carries."""
    return urlencode(sorted((name, str(value)) for name, value in filters.items()))


def index(request):
    """Public projects of every organisation, solutions to reuse first, with the catalogue's filters.
    The list is the same for every visitor: kept per filters, page and language until work changes."""
    form = ProjectFilterForm(request.GET or None)
    filters = form.filters()
    query = _cleaned_query(filters)

    def context():
        projects = queries.filter_projects(queries.public_projects(), filters)
        rows = queries.reuse_first(projects).select_related("organisation", "phase", "focus_area")
        return {"page": CappedPaginator(rows, PER_PAGE).get_page(number), "query": query}

    number = _page_number(request)  # the same number keys the cache and picks the page
    results = fragments.rendered(
        request, "catalogue/_project_results.html", "catalogue:projects", queries.DEPENDS, context,
        vary=f"{query}|{number}",
    )  # fmt: skip
    return render(request, "catalogue/index.html", {"form": form, "results": results, "query": query})


def challenges(request):
    form = ChallengeFilterForm(request.GET or None)
    filters = form.filters()
    query = _cleaned_query(filters)

    def context():
        rows = queries.filter_challenges(queries.public_challenges(), filters)
        rows = rows.select_related("organisation", "focus_area").order_by("-created_at")
        return {"page": CappedPaginator(rows, PER_PAGE).get_page(number), "query": query}

    number = _page_number(request)
    results = fragments.rendered(
        request, "catalogue/_challenge_results.html", "catalogue:challenges", queries.DEPENDS, context,
        vary=f"{query}|{number}",
    )  # fmt: skip
    return render(request, "catalogue/challenges.html", {"form": form, "results": results, "query": query})


def project(request, pk):
    try:
        item = (
            queries.public_projects()
            .select_related("organisation", "programme", "phase", "focus_area")
            .get(pk=int(pk))
        )
    except (ValueError, TypeError, Project.DoesNotExist):
        raise Http404 from None
    return render(
        request,
        "catalogue/project.html",
        {
            "project": item,
            "decisions": queries.public_decisions(item),
            "goals": queries.latest_goals(item),
            "funding_sources": sorted({line.get_source_display() for line in item.funding.all()}),
            "matches": similar.similar_to_project(AnonymousUser(), item),
            "reused_by": queries.reused_by(request.user, item),
            "can_open": request.user.is_authenticated,
        },
    )


def challenge(request, pk):
    try:
        item = queries.public_challenges().select_related("organisation", "focus_area").get(pk=int(pk))
    except (ValueError, TypeError, Challenge.DoesNotExist):
        raise Http404 from None
    call = public_calls().filter(challenge=item).first()
    projects = queries.public_projects().filter(idea__challenge=item).select_related("phase")[:20]
    return render(
        request, "catalogue/challenge.html", {"challenge": item, "call": call, "projects": projects}
    )


def organisations(request):
    """Every organisation on the platform, with its number of public projects."""
    table = fragments.rendered(
        request,
        "catalogue/_organisation_table.html",
        "catalogue:organisation-table",
        queries.DEPENDS,
        lambda: {"organisations": queries.organisations_with_counts()},
    )
    return render(request, "catalogue/organisations.html", {"table": table})


def feed(request):
    """The Atom feed, kept per filters until work changes."""
    filters = ProjectFilterForm(request.GET or None).filters()

    def compute():
        response = feeds.LatestProjects()(request)
        return response.content, response["Content-Type"]

    # links are absolute, from the address asked for: one copy per scheme and host, as well as filters
    key = f"catalogue:feed:{request.scheme}:{request.get_host()}:{_cleaned_query(filters)}:{get_language()}"
    content, content_type = fragments.cached(key, queries.DEPENDS, compute)
    return HttpResponse(content, content_type=content_type)


def sitemap(request, section):
    """A section of the sitemap (a thousand addresses a page), kept until work changes; a page that is
    not there is the sitemap's own 404, computed and never kept."""
    if section not in SITEMAPS:
        raise Http404
    page = request.GET.get("p", "1")[:6]

    def compute():
        response = sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)
        response.render()
        return response.content, response["Content-Type"]

    key = f"catalogue:sitemap:{request.scheme}:{request.get_host()}:{section}:{page}"
    content, content_type = fragments.cached(key, queries.DEPENDS, compute)
    return HttpResponse(content, content_type=content_type)


def organisation(request, slug):
    item = get_object_or_404(Organisation, slug=slug[:80])

    def context():
        projects = queries.public_projects().filter(organisation=item)
        counts = queries.organisation_counts(item)
        return {
            "organisation": item,
            "done": list(
                queries.reuse_first(projects.filter(status__in=queries.DONE)).select_related("phase")[:20]
            ),
            "recent": list(
                projects.exclude(status__in=queries.DONE).select_related("phase").order_by("-updated_at")[:20]
            ),
            "counts": counts,
            "public_total": sum(counts.values()),
            "programmes": list(queries.public_programmes(item)),
            "challenges": list(
                queries.public_challenges().filter(organisation=item).order_by("-created_at")[:10]
            ),
            "calls": list(public_calls().filter(organisation=item).select_related("challenge")[:10]),
        }

    body = fragments.rendered(
        request,
        "catalogue/_organisation_body.html",
        f"catalogue:organisation:{item.pk}",
        queries.DEPENDS,
        context,
    )
    return render(request, "catalogue/organisation.html", {"organisation": item, "body": body})


@login_required
def reuse(request, pk):
    """Start a project in the reader's organisation from another organisation's public project."""
    try:
        origin = (
            queries.public_projects().select_related("organisation", "focus_area", "method").get(pk=int(pk))
        )
    except (ValueError, TypeError, Project.DoesNotExist):
        raise Http404 from None
    organisation = acting_organisation(request, "pipeline.add_project")
    form = ReuseForm(
        request.POST or None,
        organisation=organisation,
        programmes=Programme.objects.filter(organisation=organisation),
        initial={
            "title": origin.title,
            "summary": origin.summary,
            "problem": origin.problem,
            "expected_benefits": origin.expected_benefits,
            "language": origin.language,
            "visibility": "private",
        },
    )
    if request.method == "POST":
        response = create_once(
            request,
            form,
            lambda: actions.reuse_project(
                origin=origin, organisation=organisation, actor=request.user, **form.cleaned_data
            ),
            message=_("The project was started from %(origin)s, credited to %(organisation)s.")
            % {"origin": origin.title, "organisation": origin.organisation.name},
        )
        if response:
            return response
    return render(
        request,
        "catalogue/reuse.html",
        {
            "form": form,
            "origin": origin,
            "organisation": organisation,
            "package": actions.reuse_package(origin),
        },
        status=400 if form.errors else 200,
    )


@login_required
def similar_fragment(request):
    """The "similar work elsewhere" list for a text being written (htmx, after a pause in typing). The
    draft is posted, so that its words never stand in an address (and in the logs of every proxy)."""
    data = request.POST if request.method == "POST" else request.GET
    organisation = Organisation.objects.filter(slug=data.get("organisation", "")[:80]).first()
    matches = similar.draft_matches(request.user, organisation, data)
    return render(request, "catalogue/_similar_list.html", {"matches": matches, "checked": True})


def search_page(request):
    kinds = [(s.kind, s.label) for s in registry.searchables()]
    form = SearchForm(request.GET or None, kinds=kinds)
    results, page = None, None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = search.cached_search(
            request.user,
            form.cleaned_data["q"],
            kind=form.cleaned_data["kind"],
            page=_page_number(request),
            per_page=PER_PAGE,
        )
        page = Paginator(range(min(results.count, queries.COUNT_UP_TO)), PER_PAGE).get_page(
            _page_number(request)
        )
    labels = dict(kinds)
    return render(
        request,
        "catalogue/search.html",
        {
            "form": form,
            "results": results,
            "page": page,
            "labels": labels,
            "kind_counts": [(k, labels[k], (results.kinds if results else {}).get(k, 0)) for k, _l in kinds],
            "query": _query_without_page(request),
            "signed_in": request.user.is_authenticated,
        },
    )


def open_data(request):
    """The datasets anyone may download, their licences, and the DCAT-AP catalogue portals harvest."""
    made = opendata.files()
    datasets = [
        {
            "dataset": d,
            "licence_name": opendata.LICENCE_NAMES[d.licence],
            "files": [(fmt, made.get((d.key, fmt))) for fmt in opendata.FORMATS],
        }
        for d in opendata.DATASETS
    ]
    return render(request, "catalogue/open_data.html", {"datasets": datasets})


def dataset(request, key, fmt):
    if key not in opendata.BY_KEY or fmt not in opendata.FORMATS:
        raise Http404
    file = DatasetFile.objects.filter(dataset=key, format=fmt).first()
    if file is None:
        raise Http404
    etag = f'"{file.digest}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponse(status=304, headers={"ETag": etag})
    response = HttpResponse(file.content, content_type=f"{opendata.FORMATS[fmt]}; charset=utf-8")
    response["ETag"] = etag
    response["Content-Disposition"] = f'attachment; filename="innocities-{key}.{fmt}"'
    response["Last-Modified"] = http_date(file.generated_at.timestamp())
    return response


def dcat(request):
    body = fragments.cached("catalogue:dcat", ["open-data"], lambda: opendata.dcat(request))
    return JsonResponse(
        body, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
