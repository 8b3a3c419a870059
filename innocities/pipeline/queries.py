"""Reads for pipeline pages, each joined for its page and scoped through the access functions."""

from collections import defaultdict
from itertools import chain

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from innocities.accounts.models import User
from innocities.accounts.roles import roles_of
from innocities.core import fragments
from innocities.programmes.models import Gate

from .access import (
    visible_challenge_q,
    visible_challenges,
    visible_ideas,
    visible_project_q,
    visible_projects,
)
from .models import GateDecision, IdeaStatus, Project, ProjectMember, ProjectStatus, TeamRole

OPEN_STATUSES = [ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD]
MY_WORK_ROWS = 12
# What a list of projects never shows: long texts, and the phase's guidance (JSON decoded per row)
UNLISTED = (
    "summary",
    "problem",
    "expected_benefits",
    "phase__purpose",
    "phase__tools",
    "phase__checklist",
    "programme__description",
)


def _search(queryset, text, *fields):
    text = (text or "").strip()
    if not text:
        return queryset
    q = Q()
    for field in fields:
        q |= Q(**{f"{field}__icontains": text})
    return queryset.filter(q)


BOARD_CARDS = 24  # cards a column shows; the rest are one link away, counted
PHASE_PAGE = 96  # cards a page of one phase shows


def board(user, programme, *, q="", focus_area=None, status="", phase=None, page=1):
    """The programme's phases, each with its first visible projects (one phase page by page for
    ``phase``) and how many there are: two queries and a prefetch, however many projects there are."""
    projects = visible_projects(user).filter(programme=programme)
    projects = _search(projects, q, "title", "summary")
    if focus_area:
        projects = projects.filter(focus_area=focus_area)
    if status:
        projects = projects.filter(status=status)
    counts = dict(projects.order_by().values_list("phase__order").annotate(n=Count("pk")))
    phases = list(programme.method.phases.all())
    if phase is not None:
        phases = [p for p in phases if p.order == phase]
        shown = projects.filter(phase__order=phase)
    else:
        shown = projects.annotate(
            rank=Window(RowNumber(), partition_by=[F("phase_id")], order_by=[F("title").asc(), F("pk").asc()])
        ).filter(rank__lte=BOARD_CARDS)
    shown = (
        shown.select_related("focus_area", "organisation", "phase")
        .prefetch_related(
            Prefetch(
                "team",
                queryset=ProjectMember.objects.filter(role=TeamRole.LEAD).select_related("user"),
                to_attr="leads",
            )
        )
        .order_by("title", "pk")
    )
    if phase is not None:
        shown = shown[(page - 1) * PHASE_PAGE : page * PHASE_PAGE]
    by_order = defaultdict(list)
    for project in shown:
        by_order[project.phase.order].append(project)
    return [(p, by_order.get(p.order, []), counts.get(p.order, 0)) for p in phases]


def project_list(user, *, scope="mine", q="", status="", programme=None):
    projects = visible_projects(user)
    if scope != "all":
        projects = projects.filter(organisation_id__in=roles_of(user).full_org_ids | _team_project_orgs(user))
    projects = _search(projects, q, "title", "summary")
    if status:
        projects = projects.filter(status=status)
    if programme:
        projects = projects.filter(programme=programme)
    return (
        projects.select_related("organisation", "programme", "phase", "focus_area")
        .defer(*UNLISTED)
        .order_by("title", "pk")
    )


def _team_project_orgs(user):
    return set(ProjectMember.objects.filter(user=user).values_list("project__organisation_id", flat=True))


def challenge_list(user, *, scope="mine", q="", status="", programme=None):
    challenges = visible_challenges(user)
    if scope != "all":
        challenges = challenges.filter(organisation_id__in=roles_of(user).full_org_ids)
    challenges = _search(challenges, q, "title", "description")
    if status:
        challenges = challenges.filter(status=status)
    if programme:
        challenges = challenges.filter(programme=programme)
    # Ideas the reader may see, counted for the page's rows only (a subquery PostgreSQL runs after LIMIT)
    ideas = (
        visible_ideas(user)
        .filter(challenge=OuterRef("pk"))
        .order_by()
        .values("challenge")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        challenges.select_related("organisation", "programme", "focus_area")
        .annotate(idea_count=Coalesce(Subquery(ideas), 0))
        .order_by("-created_at", "-pk")
    )


def idea_list(user, *, scope="mine", q="", status="", programme=None):
    ideas = visible_ideas(user)
    if scope != "all":
        ideas = ideas.filter(organisation_id__in=roles_of(user).full_org_ids)
    ideas = _search(ideas, q, "title", "description")
    if status:
        ideas = ideas.filter(status=status)
    if programme:
        ideas = ideas.filter(programme=programme)
    return with_related_visibility(
        user, ideas.select_related("organisation", "programme", "challenge", "submitted_by", "project")
    ).order_by("-created_at")


def with_related_visibility(user, ideas):
    """Mark whether the person may see each idea's challenge and project, so a page shows a related
    title only to those who could open it."""

    def joined(q, path):  # on the row joined to the idea, never a scan of everything visible
        return ExpressionWrapper(Q(**{f"{path}isnull": False}) & q, output_field=BooleanField())

    return ideas.annotate(
        challenge_visible=joined(visible_challenge_q(user, "challenge__"), "challenge__"),
        project_visible=joined(visible_project_q(user, "project__"), "project__"),
    )


def gate_history(project):
    return (
        GateDecision.objects.filter(project=project)
        .select_related("gate", "from_phase", "to_phase", "recorded_by", "annulled_by")
        .prefetch_related("decision_makers")
        .order_by("-decided_on", "-pk")
    )


def timeline(project, decisions):
    """Progress updates and gate decisions of a project, newest first."""
    updates = project.updates.select_related("author")
    entries = chain(
        (("update", u.written_on, u) for u in updates),
        (("decision", d.decided_on, d) for d in decisions),
    )
    return sorted(entries, key=lambda entry: (entry[1], entry[0] == "decision"), reverse=True)


def funding_totals(lines):
    """Granted and sought amounts per currency."""
    totals = defaultdict(lambda: {"granted": 0, "sought": 0})
    for line in lines:
        if line.state == "granted":
            totals[line.currency]["granted"] += line.amount
        elif line.state in {"planned", "applied"}:
            totals[line.currency]["sought"] += line.amount
    return dict(totals)


def _steering(user):
    roles = roles_of(user)
    steered = roles.coordinated_programme_ids | roles.steered_programme_ids
    managed = [org for org in roles.full_org_ids if roles.manages(org)]
    return roles, steered, managed


def steers(user) -> bool:
    _roles, steered, managed = _steering(user)
    return bool(steered or managed)


def my_steering_depends_on(user) -> list[str]:
    """What the person's gates and ideas to review are drawn from (``core.fragments`` names)."""
    roles, steered, managed = _steering(user)
    return [
        *fragments.readers(user),
        *(f"organisation:{o}" for o in managed),
        *(f"programme:{p}" for p in steered | roles.coordinated_programme_ids),
    ]


def my_steering(user):
    """What waits for a person who steers: gates to decide (longest in their phase first) and ideas
    to review (oldest first), each its first rows and a count.

    Each list starts from what makes it the person's (the organisations they manage, the programmes
    they steer), so its cost follows the person's share, not the installation."""
    roles, steered, managed = _steering(user)
    # the organisations and programmes are indexed and select the rows; visibility only filters them
    gates = visible_projects(user).filter(
        Q(organisation_id__in=managed) | Q(programme_id__in=steered),
        status__in=OPEN_STATUSES,
        phase_id__in=Gate.objects.values("phase_id"),  # a gate follows the phase: not the last one
    )
    ideas_to_review = (
        visible_ideas(user)
        .filter(
            Q(organisation_id__in=managed) | Q(programme_id__in=roles.coordinated_programme_ids),
            status__in=[IdeaStatus.NEW, IdeaStatus.UNDER_REVIEW],
        )
        .select_related("organisation", "challenge", "submitted_by")
        .order_by("created_at")
    )
    ideas_to_review = with_related_visibility(user, ideas_to_review)
    return {
        "gates_due": _first(gates, "in_phase_since", "title", "pk"),
        "gates_due_count": gates.count(),
        "ideas_to_review": ideas_to_review[:MY_WORK_ROWS],
        "ideas_to_review_count": ideas_to_review.count(),
    }


def my_projects(user):
    """The projects a person leads and those they work on, most recently changed first.

    A team seat makes its project visible (access.visible_projects), so no visibility test is needed:
    the person's own rows are sorted, never every project's title walked."""
    seats = ProjectMember.objects.filter(user=user)
    led = Project.objects.filter(pk__in=seats.filter(role=TeamRole.LEAD).values("project_id"))
    team = Project.objects.filter(pk__in=seats.exclude(role=TeamRole.LEAD).values("project_id"))
    return {
        "led_projects": _first(led, "-updated_at", "-pk"),
        "led_count": led.count(),
        "team_projects": _first(team, "-updated_at", "-pk"),
        "team_count": team.count(),
    }


def _first(projects, *order):
    """The first rows in order, chosen on narrow rows and only then joined: the sort never carries
    the joined columns of every candidate (one query still)."""
    page = projects.order_by(*order).values("pk")[:MY_WORK_ROWS]
    related = ("organisation", "programme", "phase", "focus_area")
    return Project.objects.filter(pk__in=page).select_related(*related).order_by(*order)


def decision_makers_for(project):
    """Who may be named as deciding at the project's gates: the programme's steering group and
    coordinators, and the organisation's administrators, coordinators and leadership."""
    programme = project.programme
    # three small indexed lists, not one OR over joins that PostgreSQL must de-duplicate
    return User.objects.filter(
        Q(pk__in=programme.steering_group.values("pk"))
        | Q(pk__in=programme.coordinators.values("pk"))
        | Q(
            pk__in=project.organisation.memberships.filter(
                role__in=["admin", "coordinator", "leadership"]
            ).values("user_id")
        )
    ).order_by("full_name")
