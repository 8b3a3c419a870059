from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.core.idempotency import Earlier, once
from innocities.core.views import create_once, errors_onto, require, saved

from . import actions
from .access import get_organisation_for_user
from .forms import DataProtectionForm, MemberForm, MemberRoleForm, OrganisationForm, StrategicGoalForm


@login_required
def organisation_create(request):
    require(request.user, "organisations.create_organisation")
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            organisation = once(
                request, form, lambda: actions.create_organisation(actor=request.user, **form.cleaned_data)
            )
        if not form.errors:
            if not isinstance(organisation, Earlier):
                saved(
                    request,
                    _(
                        "The organisation was created. Its administrator sets a password through "
                        "“Forgot your password?”."
                    ),
                )
            return redirect(organisation)
    return render(request, "pipeline/form.html", {"form": form, "title": _("New organisation")})


@login_required
@require_POST
def member_add(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    require(request.user, "organisations.manage_organisation", organisation)
    form = MemberForm(request.POST)
    added = create_once(
        request,
        form,
        lambda: actions.set_membership(organisation=organisation, actor=request.user, **form.cleaned_data),
        message=_("The member was added."),
        then=organisation,
    )
    if added:
        return added
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Add a member"), "back": organisation},
        status=400,
    )


def _membership(request, slug, pk):
    """One membership of an organisation the person administers (404 for any other)."""
    organisation = get_organisation_for_user(request.user, slug)
    require(request.user, "organisations.manage_organisation", organisation)
    return get_object_or_404(organisation.memberships.select_related("user"), pk=pk)


@login_required
@require_POST
def member_role(request, slug, pk):
    membership = _membership(request, slug, pk)
    form = MemberRoleForm(request.POST)
    if form.is_valid():
        with errors_onto(form):
            actions.change_role(membership=membership, role=form.cleaned_data["role"], actor=request.user)
        if not form.errors:
            saved(request, _("The role was changed."))
            return redirect(membership.organisation)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Change the role"), "back": membership.organisation},
        status=400,
    )


@login_required
@require_POST
def member_remove(request, slug, pk):
    membership = _membership(request, slug, pk)
    try:
        actions.remove_member(membership=membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        saved(request, _("%(name)s no longer belongs to the organisation.") % {"name": membership.user})
    return redirect(membership.organisation)


@login_required
@require_POST
def data_protection(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    require(request.user, "organisations.manage_organisation", organisation)
    form = DataProtectionForm(request.POST)
    if form.is_valid():
        with errors_onto(form):
            actions.set_data_protection_contact(
                organisation=organisation,
                contact=form.cleaned_data["data_protection_contact"],
                actor=request.user,
            )
        if not form.errors:
            saved(request, _("The data protection contact was saved."))
            return redirect(organisation)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Data protection contact"), "back": organisation},
        status=400,
    )


@login_required
@require_POST
def goal_add(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    require(request.user, "organisations.manage_organisation", organisation)
    form = StrategicGoalForm(request.POST)
    added = create_once(
        request,
        form,
        lambda: actions.add_strategic_goal(
            organisation=organisation, actor=request.user, **form.cleaned_data
        ),
        message=_("The strategic goal was added."),
        then=organisation,
    )
    if added:
        return added
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Add a strategic goal"), "back": organisation},
        status=400,
    )
