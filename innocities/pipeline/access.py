"""The only way pages and the API fetch challenges, ideas and projects.

Each ``visible_*`` gives the queryset a person may see; each ``get_*_for_user`` answers 404 for
missing and forbidden alike, so another organisation's private work never shows it exists.
"""

from django.db.models import Q
from django.http import Http404

from innocities.accounts.roles import roles_of

from .models import Challenge, Idea, Project, ProjectMember, Visibility


def _visible_q(user, path: str = "") -> Q:
    """The rows the person may see; ``path`` ("challenge__") applies it to a related row."""
    roles = roles_of(user)
    q = Q(**{f"{path}visibility": Visibility.PUBLIC})
    if roles.network_org_ids:
        q |= Q(
            **{f"{path}visibility": Visibility.NETWORK, f"{path}organisation_id__in": roles.network_org_ids}
        )
    if roles.full_org_ids:
        q |= Q(**{f"{path}organisation_id__in": roles.full_org_ids})
    return q


def visible_challenge_q(user, path: str) -> Q:
    """Whether the related challenge at ``path`` is one the person may see, as a condition on the
    joined row (no subquery over every visible challenge)."""
    return _visible_q(user, path)


def visible_project_q(user, path: str) -> Q:
    """The same for a related project (team seats included)."""
    q = _visible_q(user, path)
    if getattr(user, "is_authenticated", False):
        q |= Q(**{f"{path}pk__in": ProjectMember.objects.filter(user=user).values("project_id")})
    return q


def visible_copy_q(user, *, team: bool = False) -> Q:
    """For rows that copy a challenge's, idea's or project's ``visibility`` and ``organisation_id``
    and name it by ``object_id`` (the search index): the same rule as ``visible_*``, team seats
    included for projects."""
    q = _visible_q(user)
    if team and getattr(user, "is_authenticated", False):
        q |= Q(object_id__in=ProjectMember.objects.filter(user=user).values("project_id"))
    return q


def visible_challenges(user):
    return Challenge.objects.filter(_visible_q(user))


def visible_ideas(user):
    return Idea.objects.filter(_visible_q(user))


def visible_projects(user):
    q = _visible_q(user)
    if getattr(user, "is_authenticated", False):
        # Anyone named in a project's team sees it: this is how invited partners see their projects.
        q |= Q(pk__in=ProjectMember.objects.filter(user=user).values("project_id"))
    return Project.objects.filter(q)


def _get(queryset, pk):
    try:
        return queryset.get(pk=int(pk))
    except (ValueError, TypeError, queryset.model.DoesNotExist):
        raise Http404 from None


def get_challenge_for_user(user, pk) -> Challenge:
    return _get(visible_challenges(user).select_related("organisation", "programme"), pk)


def get_idea_for_user(user, pk) -> Idea:
    return _get(visible_ideas(user).select_related("organisation", "programme", "challenge"), pk)


def get_project_for_user(user, pk) -> Project:
    return _get(visible_projects(user).select_related("organisation", "programme", "phase", "method"), pk)
