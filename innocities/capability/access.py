"""The only way pages fetch capability rounds: a round is its organisation's staff's own.

Each function answers 404 for missing and forbidden alike, so another organisation's rounds never
show that they exist; invited partners are not staff and see none.
"""

from django.http import Http404

from innocities.accounts.roles import roles_of
from innocities.organisations.models import Organisation

from .models import SurveyRound


def organisations_for_user(user):
    """The organisations whose rounds the person may see: those they belong to as staff."""
    return Organisation.objects.filter(pk__in=roles_of(user).full_org_ids).order_by("name")


def get_organisation_for_user(user, slug) -> Organisation:
    organisation = organisations_for_user(user).filter(slug=slug).first() if slug else None
    if organisation is None:
        raise Http404
    return organisation


def default_organisation_for_user(user, slug=None) -> Organisation:
    """The organisation asked for by slug, else the person's first by name."""
    if slug:
        return get_organisation_for_user(user, slug)
    organisation = organisations_for_user(user).first()
    if organisation is None:
        raise Http404
    return organisation


def rounds_for_user(user):
    return SurveyRound.objects.filter(organisation_id__in=roles_of(user).full_org_ids)


def get_round_for_user(user, pk) -> SurveyRound:
    try:
        return rounds_for_user(user).select_related("organisation", "instrument").get(pk=int(pk))
    except (ValueError, TypeError, SurveyRound.DoesNotExist):
        raise Http404 from None
