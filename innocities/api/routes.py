"""The API's operations. Every read starts from the same access function as the page that shows the
object (``visible_projects``, ``visible_lessons``, …), so the API can show nothing the pages would
not; every write calls the same action as the page, after the same named permission."""

import hashlib
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from innocities.catalogue.forms import ProjectFilterForm
from innocities.catalogue.queries import DEPENDS, filter_projects, latest_goals, public_challenges
from innocities.core import fragments
from innocities.engagement.access import public_calls
from innocities.learning.access import get_lesson_for_user, visible_lessons
from innocities.organisations.models import Organisation
from innocities.pipeline import actions as pipeline
from innocities.pipeline.access import (
    get_challenge_for_user,
    get_idea_for_user,
    get_project_for_user,
    visible_challenges,
    visible_ideas,
    visible_projects,
)
from innocities.programmes.access import get_programme_for_user, visible_programmes
from innocities.programmes.models import Phase, Programme
from innocities.sustainability import actions as sustainability
from innocities.sustainability.access import get_indicator_for_user, indicator_organisations
from innocities.sustainability.models import TrackedIndicator

from . import schemas as s
from .pagination import Cursor, paginate

router = Router()


def _user(request):
    return request.user if request.user.is_authenticated else AnonymousUser()


def _for_visitors(request, key: str, compute):
    """What a visitor reads is the same for every visitor: kept per operation and validated parameters
    (never the raw query) until work changes. Tokens and sessions are answered fresh."""
    if request.user.is_authenticated:
        return compute()
    shape = hashlib.sha256(key.encode()).hexdigest()[:24]  # the parameters as a safe cache key
    return fragments.cached(f"api:{shape}:{get_language()}", DEPENDS, compute)


def _require(request, perm: str, obj) -> None:
    if not request.user.has_perm(perm, obj):
        raise HttpError(403, _("You may not do this."))


# --- organisations and programmes ---------------------------------------------------------------------


def _organisation(o: Organisation) -> dict:
    return {
        "slug": o.slug,
        "name": o.name,
        "kind": o.kind,
        "country": o.country,
        "description": o.description,
        "website": o.website,
        "language": o.language,
        "url": reverse("catalogue:organisation", args=[o.slug]),
    }


class OrganisationFilters(Schema):
    country: str | None = None
    kind: str | None = None


@router.get(
    "/organisations", response={200: s.Page[s.OrganisationOut], s.ERRORS: s.Problem}, tags=["organisations"]
)
def organisations(request, filters: Query[OrganisationFilters], cursor: Query[Cursor]):
    """Every organisation on the platform (organisations are public facts)."""
    rows = Organisation.objects.all()
    if filters.country:
        rows = rows.filter(country=filters.country)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    return paginate(request, rows, cursor, _organisation, filters.dict())


@router.get(
    "/organisations/{slug}", response={200: s.OrganisationOut, s.ERRORS: s.Problem}, tags=["organisations"]
)
def organisation(request, slug: str):
    return _organisation(get_object_or_404(Organisation, slug=slug[:80]))


def _programme(p: Programme, seen: bool = True) -> dict:
    """A programme; one the reader may not see (named only beside its public work) by name alone."""
    return {
        "slug": p.slug,
        "name": p.name,
        "organisation": p.organisation.slug,
        "network": p.network.slug if p.network_id and seen else None,
        "starts_on": p.starts_on if seen else None,
        "ends_on": p.ends_on if seen else None,
        "focus_areas": [a.key for a in p.focus_areas.all()],
    }


def _programmes(user):
    """The programmes a person may see, and for anyone those that hold public work (a programme has no
    visibility of its own: the public catalogue names it beside its public projects)."""
    public = Exists(visible_projects(AnonymousUser()).filter(programme=OuterRef("pk")))
    if getattr(user, "is_authenticated", False):
        return Programme.objects.filter(Q(pk__in=visible_programmes(user).values("pk")) | public)
    return Programme.objects.filter(public)


@router.get("/programmes", response={200: s.Page[s.ProgrammeOut], s.ERRORS: s.Problem}, tags=["programmes"])
def programmes(request, cursor: Query[Cursor]):
    user = _user(request)
    rows = _programmes(user).select_related("organisation", "network").prefetch_related("focus_areas")
    seen = set(visible_programmes(user).values_list("pk", flat=True)) if user.is_authenticated else set()
    return paginate(request, rows, cursor, lambda p: _programme(p, p.pk in seen))


def _method(method) -> dict:
    phases = Phase.objects.filter(method=method).select_related("gate").prefetch_related("gate__criteria")
    out = []
    for phase in phases.order_by("order"):
        gate = getattr(phase, "gate", None)
        out.append(
            {
                "key": phase.key,
                "order": phase.order,
                "name": phase.name,
                "purpose": phase.purpose,
                "tools": [{"key": t["key"], "name": t.get("name") or {}} for t in phase.tools],
                "gate": {
                    "key": gate.key,
                    "name": gate.name,
                    "question": gate.question or {},
                    "criteria": [{"text": c.text, "must": c.kind == "must"} for c in gate.criteria.all()],
                }
                if gate
                else None,
            }
        )
    return {"name": method.name, "version": method.version, "phases": out}


@router.get("/programmes/{slug}", response={200: s.ProgrammeDetail, s.ERRORS: s.Problem}, tags=["programmes"])
def programme(request, slug: str):
    """A programme you may see, with its method: the phases, their tools, the gates and their criteria."""
    item = get_programme_for_user(_user(request), slug[:80])
    return {**_programme(item), "description": item.description, "method": _method(item.method)}


# --- challenges and ideas -------------------------------------------------------------------------------


def _challenge(c) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "description": c.description,
        "evidence": c.evidence,
        "status": c.status,
        "visibility": c.visibility,
        "language": c.language,
        "organisation": c.organisation.slug,
        "programme": c.programme.slug,
        "focus_area": c.focus_area.key if c.focus_area_id else None,
        "created_at": c.created_at,
    }


def _challenges(user):
    """What a person may see; a visitor, the public challenges out of draft (as the catalogue shows)."""
    return visible_challenges(user) if user.is_authenticated else public_challenges()


@router.get(
    "/challenges", response={200: s.Page[s.ChallengeOut], s.ERRORS: s.Problem}, tags=["challenges and ideas"]
)
def challenges(request, cursor: Query[Cursor]):
    def compute():
        rows = _challenges(_user(request)).select_related("organisation", "programme", "focus_area")
        return paginate(request, rows, cursor, _challenge)

    return _for_visitors(request, f"challenges:{cursor.cursor}:{cursor.limit}", compute)


@router.get(
    "/challenges/{challenge_id}",
    response={200: s.ChallengeOut, s.ERRORS: s.Problem},
    tags=["challenges and ideas"],
)
def challenge(request, challenge_id: int):
    user = _user(request)
    if not user.is_authenticated:
        return _challenge(
            get_object_or_404(_challenges(user).select_related("organisation", "programme"), pk=challenge_id)
        )
    return _challenge(get_challenge_for_user(user, challenge_id))


def _idea(i) -> dict:
    return {
        "id": i.pk,
        "title": i.title,
        "description": i.description,
        "status": i.status,
        "status_reason": i.status_reason,
        "visibility": i.visibility,
        "language": i.language,
        "organisation": i.organisation.slug,
        "programme": i.programme.slug,
        "challenge": i.challenge_id,
        "via_open_call": i.via_open_call,
        "created_at": i.created_at,
    }


def _ideas(user):
    return visible_ideas(user).filter(hidden_at__isnull=True)  # hidden by a moderator: on its own page only


@router.get("/ideas", response={200: s.Page[s.IdeaOut], s.ERRORS: s.Problem}, tags=["challenges and ideas"])
def ideas(request, cursor: Query[Cursor]):
    rows = _ideas(_user(request)).select_related("organisation", "programme")
    return paginate(request, rows, cursor, _idea)


@router.get("/ideas/{idea_id}", response={200: s.IdeaOut, s.ERRORS: s.Problem}, tags=["challenges and ideas"])
def idea(request, idea_id: int):
    item = get_idea_for_user(_user(request), idea_id)
    if item.hidden_at:
        raise Http404
    return _idea(item)


@router.post("/ideas", response={201: s.IdeaOut, s.ERRORS: s.Problem}, tags=["challenges and ideas"])
def submit_idea(request, data: s.IdeaIn):
    """Submit an idea to one of your organisations' programmes or challenges (the page's action)."""
    organisation = get_object_or_404(Organisation, slug=data.organisation[:80])
    _require(request, "pipeline.add_idea", organisation)
    fields = {"title": data.title, "description": data.description, "visibility": data.visibility}
    if data.language:
        fields["language"] = data.language
    if data.challenge is not None:
        fields["challenge"] = get_challenge_for_user(request.user, data.challenge)
    elif data.programme:
        fields["programme"] = get_programme_for_user(request.user, data.programme[:80])
    else:
        raise HttpError(422, _("Give a challenge or a programme."))
    item = pipeline.submit_idea(organisation=organisation, actor=request.user, **fields)
    return Status(201, _idea(item))


# --- projects --------------------------------------------------------------------------------------


def _project(p) -> dict:
    return {
        "id": p.pk,
        "title": p.title,
        "summary": p.summary,
        "organisation": p.organisation.slug,
        "programme": p.programme.slug,
        "phase": {"key": p.phase.key, "order": p.phase.order, "name": p.phase.name},
        "status": p.status,
        "visibility": p.visibility,
        "language": p.language,
        "focus_area": p.focus_area.key if p.focus_area_id else None,
        "starts_on": p.starts_on,
        "ends_on": p.ends_on,
        "updated_at": p.updated_at,
    }


class ProjectFilters(Schema):
    country: str | None = None
    kind: str | None = None
    organisation: str | None = None
    area: str | None = None
    phase: str | None = None
    status: str | None = None
    goal: str | None = None
    target: str | None = None
    funding: str | None = None
    year: str | None = None


@router.get("/projects", response={200: s.Page[s.ProjectOut], s.ERRORS: s.Problem}, tags=["projects"])
def projects(request, filters: Query[ProjectFilters], cursor: Query[Cursor]):
    """The projects you may see (a visitor: the public ones), with the public catalogue's filters;
    ``status=reuse`` gives the implemented and scaled ones."""
    form = ProjectFilterForm({k: v for k, v in filters.dict().items() if v is not None})
    if not form.is_valid():
        raise HttpError(422, "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()))
    params = {k: v for k, v in filters.dict().items() if v is not None}

    def compute():
        rows = filter_projects(visible_projects(_user(request)), form.filters())
        rows = rows.select_related("organisation", "programme", "phase", "focus_area")
        return paginate(request, rows, cursor, _project, params)

    return _for_visitors(
        request, f"projects:{sorted(params.items())}:{cursor.cursor}:{cursor.limit}", compute
    )


@router.get("/projects/{project_id}", response={200: s.ProjectDetail, s.ERRORS: s.Problem}, tags=["projects"])
def project(request, project_id: int):
    """A project with its gate decisions and their reasons, and its SDG profile."""
    return _for_visitors(request, f"project:{project_id}", lambda: _project_detail(request, project_id))


def _project_detail(request, project_id: int) -> dict:
    item = get_project_for_user(_user(request), project_id)
    decisions = item.gate_decisions.filter(annulled_at__isnull=True).select_related(
        "gate", "from_phase", "to_phase"
    )
    goals = latest_goals(item)
    return {
        **_project(item),
        "problem": item.problem,
        "expected_benefits": item.expected_benefits,
        "receiving_unit": item.receiving_unit,
        "decisions": [
            {
                "id": d.pk,
                "gate": d.gate.key,
                "gate_name": d.gate.name,
                "decision": d.decision,
                "reasoning": d.reasoning,
                "conditions": d.conditions,
                "decided_on": d.decided_on,
                "from_phase": d.from_phase.key,
                "to_phase": d.to_phase.key,
            }
            for d in decisions.order_by("decided_on", "pk")
        ],
        "sdg_profile": [
            {
                "goal": g.goal_id,
                "impact": g.impact,
                "knowledge_gap": g.knowledge_gap,
                "targets": [t.code for t in g.targets.all()],
            }
            for g in goals
        ],
    }


@router.post(
    "/projects/{project_id}/progress", response={201: s.ProgressOut, s.ERRORS: s.Problem}, tags=["projects"]
)
def report_progress(request, project_id: int, data: s.ProgressIn):
    """Report progress on a project you work on (the page's action)."""
    item = get_project_for_user(request.user, project_id)
    _require(request, "pipeline.report_progress", item)
    update = pipeline.add_progress_update(
        project=item, text=data.text, written_on=data.written_on or date.today(), actor=request.user
    )
    return Status(
        201, {"id": update.pk, "project": item.pk, "written_on": update.written_on, "text": update.text}
    )


# --- open calls and lessons -----------------------------------------------------------------------


def _call(c) -> dict:
    today = timezone.localdate()
    return {
        "id": c.pk,
        "challenge": c.challenge_id,
        "title": c.challenge.title,
        "invitation": c.invitation,
        "organisation": c.organisation.slug,
        "opens_on": c.opens_on,
        "closes_on": c.closes_on,
        "open": c.closed_at is None and c.opens_on <= today <= c.closes_on,
    }


@router.get("/calls", response={200: s.Page[s.CallOut], s.ERRORS: s.Problem}, tags=["open calls"])
def calls(request, cursor: Query[Cursor]):
    """Open calls that have opened (public to everyone)."""
    return paginate(request, public_calls().select_related("challenge", "organisation"), cursor, _call)


@router.get("/calls/{call_id}", response={200: s.CallOut, s.ERRORS: s.Problem}, tags=["open calls"])
def call(request, call_id: int):
    return _call(get_object_or_404(public_calls().select_related("challenge", "organisation"), pk=call_id))


def _lesson(lesson) -> dict:
    return {
        "id": lesson.pk,
        "project": lesson.project_id,
        "organisation": lesson.organisation.slug,
        "occasion": lesson.occasion,
        "phase": lesson.phase.key,
        "what_worked": lesson.what_worked,
        "what_did_not": lesson.what_did_not,
        "advice": lesson.advice,
        "visibility": lesson.visibility,
        "language": lesson.language,
        "recorded_on": lesson.recorded_on,
        "tools": [{"key": t.key, "name": t.name, "usefulness": t.usefulness} for t in lesson.tools.all()],
    }


@router.get("/lessons", response={200: s.Page[s.LessonOut], s.ERRORS: s.Problem}, tags=["lessons"])
def lessons(request, cursor: Query[Cursor]):
    def compute():
        rows = (
            visible_lessons(_user(request)).select_related("organisation", "phase").prefetch_related("tools")
        )
        return paginate(request, rows, cursor, _lesson)

    return _for_visitors(request, f"lessons:{cursor.cursor}:{cursor.limit}", compute)


@router.get("/lessons/{lesson_id}", response={200: s.LessonOut, s.ERRORS: s.Problem}, tags=["lessons"])
def lesson(request, lesson_id: int):
    return _lesson(get_lesson_for_user(_user(request), lesson_id))


# --- indicators and measurements --------------------------------------------------------------------


def _indicator(i) -> dict:
    return {
        "id": i.pk,
        "organisation": i.organisation.slug,
        "kind": i.kind,
        "code": i.code,
        "name": i.name,
        "unit": i.unit,
        "direction": i.direction,
        "dimension": i.dimension,
    }


@router.get("/indicators", response={200: s.Page[s.IndicatorOut], s.ERRORS: s.Problem}, tags=["indicators"])
def indicators(request, cursor: Query[Cursor]):
    """The indicator libraries of your own organisations (none for a visitor)."""
    user = _user(request)
    if not user.is_authenticated:
        return paginate(request, TrackedIndicator.objects.none(), cursor, _indicator)
    rows = TrackedIndicator.objects.filter(organisation__in=indicator_organisations(user))
    return paginate(request, rows.select_related("organisation"), cursor, _indicator)


@router.get(
    "/indicators/{indicator_id}/measurements",
    response={200: s.Page[s.MeasurementOut], s.ERRORS: s.Problem},
    tags=["indicators"],
)
def measurements(request, indicator_id: int, cursor: Query[Cursor]):
    indicator = get_indicator_for_user(_user(request), indicator_id)
    rows = indicator.measurements.all()
    return paginate(
        request,
        rows,
        cursor,
        lambda m: {"year": m.year, "value": m.value, "project": m.project_id, "source": m.source},
    )


@router.post(
    "/indicators/{indicator_id}/measurements",
    response={201: s.MeasurementOut, s.ERRORS: s.Problem},
    tags=["indicators"],
)
def record_measurement(request, indicator_id: int, data: s.MeasurementIn):
    """Record (or correct) a year's value, for the organisation or one of its projects (the page's action)."""
    indicator = get_indicator_for_user(request.user, indicator_id)
    project = None
    if data.project is not None:
        project = get_project_for_user(request.user, data.project)
        _require(request, "sustainability.measure_benefits", project)
    else:
        _require(request, "sustainability.manage_indicators", indicator.organisation)
    m = sustainability.record_measurement(
        indicator=indicator,
        year=data.year,
        value=data.value,
        source=data.source,
        project=project,
        actor=request.user,
    )
    return Status(201, {"year": m.year, "value": m.value, "project": m.project_id, "source": m.source})
