"""What the public catalogue shows: only what anyone may see, through the owners' own access rules.

Every list starts from ``visible_projects`` / ``visible_challenges`` for a visitor who is not signed
in (public rows only), so the catalogue can never show more than those rules allow.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When

from innocities.core import fragments
from innocities.organisations.models import Organisation
from innocities.pipeline.access import visible_challenges, visible_projects
from innocities.pipeline.models import ChallengeStatus, FundingLine, GateDecision, ProjectStatus
from innocities.programmes.models import Programme
from innocities.sustainability.models import GoalAssessment

from .models import Reuse

VISITOR = AnonymousUser()
DONE = (ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED)
COUNT_UP_TO = 1000
# What the catalogue's cached pages show changes with any project (and the rows of projects: decisions,
# assessments, funding), and with challenges, calls, organisations and lessons ("catalogue").
DEPENDS = ["projects", "catalogue"]


def public_projects():
    return visible_projects(VISITOR)


def public_challenges():
    """Public challenges out of draft: one rule for the pages, search, sitemap, open data and the API."""
    return visible_challenges(VISITOR).exclude(status=ChallengeStatus.DRAFT)


def _contributes(**goal_filter):
    """Projects whose completed sustainability assessment rates a positive impact on the goal or target."""
    return Exists(
        GoalAssessment.objects.filter(
            assessment__project=OuterRef("pk"),
            assessment__completed_at__isnull=False,
            impact__gt=0,
            **goal_filter,
        )
    )


def filter_projects(projects, filters: dict):
    """Apply the catalogue's filters (a form's cleaned data; empty values ignored)."""
    lookups = {
        "country": "organisation__country",
        "kind": "organisation__kind",
        "organisation": "organisation__slug",
        "area": "focus_area__key",
        "phase": "phase__key",
    }
    for name, lookup in lookups.items():
        if filters.get(name):
            projects = projects.filter(**{lookup: filters[name]})
    status = filters.get("status")
    if status == "reuse":
        projects = projects.filter(status__in=DONE)
    elif status:
        projects = projects.filter(status=status)
    if filters.get("goal"):
        projects = projects.filter(_contributes(goal_id=int(filters["goal"])))
    if filters.get("target"):
        projects = projects.filter(_contributes(targets__code=filters["target"]))
    if filters.get("funding"):
        projects = projects.filter(
            Exists(FundingLine.objects.filter(project=OuterRef("pk"), source=filters["funding"]))
        )
    if filters.get("year"):
        projects = projects.filter(starts_on__year=int(filters["year"]))
    return projects


def reuse_first(projects):
    """Implemented and scaled work first ("solutions to reuse"), then the most recently changed."""
    done_first = Case(When(status__in=DONE, then=Value(0)), default=Value(1), output_field=IntegerField())
    return projects.annotate(done_first=done_first).order_by("done_first", "-updated_at", "-pk")


def filter_challenges(challenges, filters: dict):
    lookups = {
        "country": "organisation__country",
        "kind": "organisation__kind",
        "organisation": "organisation__slug",
        "area": "focus_area__key",
        "status": "status",
    }
    for name, lookup in lookups.items():
        if filters.get(name):
            challenges = challenges.filter(**{lookup: filters[name]})
    return challenges


def organisations_with_counts() -> list:
    """Every organisation with its number of public projects; kept until a project changes."""

    def compute():
        counts = dict(public_projects().order_by().values_list("organisation_id").annotate(n=Count("pk")))
        return [(o, counts.get(o.pk, 0)) for o in Organisation.objects.order_by("name")]

    return fragments.cached("catalogue:organisation-counts", DEPENDS, compute)


def public_programmes(organisation):
    """The organisation's programmes that hold public work (a programme has no visibility of its own:
    its name is shown only beside what is already public)."""
    return (
        Programme.objects.filter(
            Q(projects__in=public_projects().filter(organisation=organisation))
            | Q(challenges__in=public_challenges().filter(organisation=organisation)),
            organisation=organisation,
        )
        .distinct()
        .prefetch_related("focus_areas")
    )


def organisation_counts(organisation) -> dict:
    """The organisation's public projects by status."""
    rows = public_projects().filter(organisation=organisation).order_by().values_list("status")
    return dict(rows.annotate(n=Count("pk")))


def public_decisions(project):
    """A public project's gate decisions with their reasons, oldest first (annulled ones left out)."""
    return (
        GateDecision.objects.filter(project=project, annulled_at__isnull=True)
        .select_related("gate")
        .order_by("decided_on", "pk")
    )


def latest_goals(project) -> list:
    """The goals the project's latest completed assessment rates, with their impact (positive first)."""
    latest = project.assessments.filter(completed_at__isnull=False).order_by("-assessed_on", "-pk").first()
    if latest is None:
        return []
    rows = (
        latest.goals.filter(Q(impact__isnull=False) & ~Q(impact=0))
        .select_related("goal")
        .prefetch_related("targets")
    )
    return sorted(rows, key=lambda g: (-(g.impact or 0), g.goal_id))


def reused_by(user, project) -> int:
    """How many organisations started a project from this one, counting only the projects the
    reader may see (a private reuse is nobody else's business, not even as a number)."""
    from_here = Reuse.objects.filter(origin=project, project__in=visible_projects(user).values("pk"))
    return from_here.values("organisation_id").distinct().count()
