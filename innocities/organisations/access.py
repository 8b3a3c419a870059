"""Organisations and networks are known by name to every signed-in person; their inner pages
show only what the person may see (members, programmes, private work) through the other access
functions."""

from django.http import Http404

from .models import Network, Organisation


def get_organisation_for_user(user, slug) -> Organisation:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    try:
        return Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def get_network_for_user(user, slug) -> Network:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    try:
        return Network.objects.get(slug=slug)
    except Network.DoesNotExist:
        raise Http404 from None
