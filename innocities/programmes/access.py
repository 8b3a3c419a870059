"""The only way pages fetch programmes and methods."""

from django.db.models import Q
from django.http import Http404

from innocities.accounts.roles import roles_of

from .models import Method, Programme


def visible_programmes(user):
    """Programmes of the person's organisations and networks, and those they coordinate or steer."""
    roles = roles_of(user)
    if not getattr(user, "is_authenticated", False):
        return Programme.objects.none()
    q = Q(organisation_id__in=roles.full_org_ids)
    q |= Q(network__members__in=roles.full_org_ids) | Q(network_id__in=roles.operated_network_ids)
    q |= Q(organisation__networks__in=roles.operated_network_ids)
    q |= Q(pk__in=roles.coordinated_programme_ids | roles.steered_programme_ids)
    return Programme.objects.filter(pk__in=Programme.objects.filter(q).values("pk"))


def get_programme_for_user(user, slug) -> Programme:
    try:
        return visible_programmes(user).select_related("organisation", "network", "method").get(slug=slug)
    except Programme.DoesNotExist:
        raise Http404 from None


def visible_methods(user):
    """Shipped methods for everyone; a programme's own copy only for those who see the programme."""
    return Method.objects.filter(Q(owner_programme=None) | Q(owner_programme__in=visible_programmes(user)))


def get_method_for_user(user, pk) -> Method:
    try:
        return visible_methods(user).get(pk=int(pk))
    except (ValueError, TypeError, Method.DoesNotExist):
        raise Http404 from None
