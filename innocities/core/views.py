"""Small helpers every view module uses."""

from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, resolve_url

from .idempotency import Earlier, once
from .revisions import EditConflict


def require(user, perm: str, obj=None) -> None:
    """Refuse an action the person may not take on an object they can already see (403)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


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
        if isinstance(error, EditConflict) and hasattr(form, "show_conflict"):
            form.show_conflict(error)
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)


def saved(request, text) -> None:
    messages.success(request, text)


def create_once(request, form, create, *, message, then=None):
    """A create view's POST: a valid form creates once (``core.idempotency.once``: a repeated submit
    is sent to what the first created), says ``message`` and redirects to ``then`` (a page or an
    object; by default what was created). None when the form or the action refused: the view shows
    the form again with the reasons.

        response = create_once(request, form, lambda: actions.add_x(...), message=_("Added."), then=org)
        return response or render(request, "form.html", {"form": form}, status=400)
    """
    if not form.is_valid():
        return None
    with errors_onto(form):
        created = once(request, form, create, url=(lambda _created: resolve_url(then)) if then else None)
    if form.errors:
        return None
    if not isinstance(created, Earlier):
        saved(request, message)
    return redirect(then or created)
