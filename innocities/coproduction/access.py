"""The only way pages fetch actors, activities and attachments.

Actors belong to their organisation alone. Activities go with their project's visibility;
attachments only to the organisation's own people and the project's team.
"""

from django.db.models import Q
from django.http import Http404

from innocities.accounts.roles import roles_of
from innocities.pipeline.access import visible_projects
from innocities.pipeline.models import ProjectMember

from .models import Activity, Actor, Attachment


def visible_actors(user):
    return Actor.objects.filter(organisation_id__in=roles_of(user).full_org_ids)


def get_actor_for_user(user, pk) -> Actor:
    try:
        return visible_actors(user).get(pk=int(pk))
    except (ValueError, TypeError, Actor.DoesNotExist):
        raise Http404 from None


def get_activity_for_user(user, pk) -> Activity:
    try:
        return Activity.objects.select_related("project", "phase", "organisation").get(
            pk=int(pk), project__in=visible_projects(user)
        )
    except (ValueError, TypeError, Activity.DoesNotExist):
        raise Http404 from None


def get_attachment_for_user(user, pk) -> Attachment:
    roles = roles_of(user)
    team = ProjectMember.objects.filter(user=user).values("project_id") if user.is_authenticated else []
    allowed = Q(organisation_id__in=roles.full_org_ids) | Q(activity__project_id__in=team)
    try:
        return Attachment.objects.select_related("activity").get(allowed, pk=int(pk))
    except (ValueError, TypeError, Attachment.DoesNotExist):
        raise Http404 from None
