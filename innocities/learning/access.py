"""The only way pages and the API fetch lessons. A lesson is seen by whoever its own visibility
allows (its organisation, its networks, everyone) and the project's team, and never by anyone who
may not see the project itself."""

from django.db.models import Q
from django.http import Http404

from innocities.pipeline.access import visible_copy_q, visible_project_q
from innocities.pipeline.models import ProjectMember, Visibility

from .models import Lesson

NARROWER = {Visibility.PRIVATE: 0, Visibility.NETWORK: 1, Visibility.PUBLIC: 2}


def _team_q(user) -> Q:
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(project_id__in=ProjectMember.objects.filter(user=user).values("project_id"))


def visible_lessons(user):
    return Lesson.objects.filter(
        (visible_copy_q(user) | _team_q(user)) & visible_project_q(user, "project__")
    )


def get_lesson_for_user(user, pk) -> Lesson:
    try:
        return (
            visible_lessons(user)
            .select_related("project", "organisation", "phase", "recorded_by")
            .get(pk=int(pk))
        )
    except (ValueError, TypeError, Lesson.DoesNotExist):
        raise Http404 from None


def effective_visibility(lesson: Lesson) -> str:
    """The narrower of the lesson's and its project's visibility: what the search index copies."""
    return min(lesson.visibility, lesson.project.visibility, key=lambda v: NARROWER.get(v, 0))


def document_q(user) -> Q:
    """For the search index's copies of lessons (``object_id`` is the lesson)."""
    if not getattr(user, "is_authenticated", False):
        return visible_copy_q(user)
    team = Lesson.objects.filter(project_id__in=ProjectMember.objects.filter(user=user).values("project_id"))
    return visible_copy_q(user) | Q(object_id__in=team.values("pk"))
