"""Small helpers every view module uses."""

from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from innocities.organisations.models import Organisation


def require(user, perm: str, obj=None) -> None:
    """Refuse an action the person may not take on an object they can already see (403)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


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


@contextmanager
def errors_onto(form):
    """Run a write action for a valid form; if the action refuses, show why on the form.

    The errors go beside their fields where there is one; afterwards ``form.errors`` tells the
    view whether to redirect or re-render:

        with errors_onto(form):
            project = actions.create_project(...)
        if not form.errors:
            return redirect(project)
    """
    try:
        yield
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)


def saved(request, text) -> None:
    messages.success(request, text)
