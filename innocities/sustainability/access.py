"""The only ways to fetch sustainability's protected objects: an assessment goes with its project, an
indicator with its organisation. Missing and forbidden answer 404 alike."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from innocities.accounts.roles import roles_of
from innocities.organisations.models import Organisation
from innocities.pipeline.access import get_project_for_user

from . import queries
from .models import Assessment, TrackedIndicator


def get_assessment_for_user(user, pk) -> Assessment:
    """An assessment of a project the person may see."""
    assessment = get_object_or_404(queries.with_details(Assessment.objects.all()), pk=pk)
    get_project_for_user(user, assessment.project_id)
    return assessment


def indicator_organisations(user):
    """The organisations whose indicator library the person may read: their own, as staff."""
    return Organisation.objects.filter(pk__in=roles_of(user).full_org_ids).order_by("name")


def get_indicator_organisation_for_user(user, slug: str | None) -> Organisation:
    """The organisation asked for (or the person's first), among those whose indicators they may read."""
    organisations = indicator_organisations(user)
    organisation = organisations.filter(slug=slug).first() if slug else organisations.first()
    if organisation is None:
        raise Http404
    return organisation


def get_indicator_for_user(user, pk) -> TrackedIndicator:
    indicator = get_object_or_404(TrackedIndicator.objects.select_related("organisation"), pk=pk)
    if not roles_of(user).is_full_member(indicator.organisation_id):
        raise Http404
    return indicator
