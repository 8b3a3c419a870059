"""Which organisation a person acts for on a page: the one asked for, among those where a rule holds."""

from django.http import Http404

from .models import Organisation


def organisations_where(user, perm: str) -> list[Organisation]:
    """The person's organisations in which ``perm`` holds, by name."""
    if not user.is_authenticated:
        return []
    organisations = Organisation.objects.filter(memberships__user=user).order_by("name")
    return [organisation for organisation in organisations if user.has_perm(perm, organisation)]


def acting_organisation(request, perm: str) -> Organisation:
    """The organisation a person acts for: the one asked for, else their first where ``perm`` holds.

    The page can offer the others through ``request.acting_choices``.
    """
    wanted = request.POST.get("organisation") or request.GET.get("organisation")
    choices = organisations_where(request.user, perm)
    request.acting_choices = choices
    for organisation in choices:
        if not wanted or organisation.slug == wanted:
            return organisation
    raise Http404
