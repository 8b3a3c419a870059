import logging

import requests
from allauth.socialaccount.providers.base.constants import AuthProcess
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from onelogin.saml2.errors import OneLogin_Saml2_Error

from innocities.core.idempotency import Earlier, once
from innocities.core.views import create_once, errors_onto, require, saved

from . import actions
from . import sign_on as sso
from .access import get_organisation_for_user
from .forms import (
    DataProtectionForm,
    MemberForm,
    MemberRoleForm,
    OrganisationForm,
    SignInForm,
    SignInRulesForm,
    SignOnForm,
    StrategicGoalForm,
)
from .models import SignOn, SignOnProtocol

logger = logging.getLogger(__name__)


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


@login_required
@require_http_methods(["GET", "POST"])
def sign_on(request, slug):
    """The organisation's single sign-on connection and sign-in rules: its administrators and platform
    staff. Shows what the organisation's IT department registers in its identity provider."""
    organisation = get_organisation_for_user(request.user, slug)
    require(request.user, "organisations.manage_sign_on", organisation)
    connection = SignOn.objects.select_related("social_app").filter(organisation=organisation).first()
    has_secret = bool(
        connection and connection.protocol == SignOnProtocol.OIDC and connection.social_app.secret
    )
    initial = sso.connection_values(connection) or {
        "display_name": _("Sign in with %(name)s") % {"name": organisation.name}
    }
    form = SignOnForm(initial=initial, has_secret=has_secret)
    rules_form = SignInRulesForm(
        initial={"require_sso": organisation.require_sso, "require_mfa": organisation.require_mfa}
    )
    if request.method == "POST":
        if request.POST.get("part") == "rules":
            rules_form = SignInRulesForm(request.POST)
            if rules_form.is_valid():
                with errors_onto(rules_form):
                    actions.set_sign_in_rules(
                        organisation=organisation, actor=request.user, **rules_form.cleaned_data
                    )
                if not rules_form.errors:
                    saved(request, _("The sign-in rules were saved."))
                    return redirect("organisations:sign_on", organisation.slug)
        else:
            form = SignOnForm(request.POST, has_secret=has_secret)
            if form.is_valid():
                with errors_onto(form):
                    actions.save_sign_on(organisation=organisation, actor=request.user, **form.cleaned_data)
                if not form.errors:
                    saved(request, _("The single sign-on connection was saved."))
                    return redirect("organisations:sign_on", organisation.slug)
    context = {
        "organisation": organisation,
        "connection": connection,
        "form": form,
        "rules_form": rules_form,
        "addresses": sso.service_addresses(request, organisation),
        "certificate_expires": sso.certificate_expiry(connection),
        "domains": sso.domains_of(connection) if connection else [],
    }
    failed = form.errors or rules_form.errors
    return render(request, "organisations/sign_on.html", context, status=400 if failed else 200)


@require_http_methods(["GET", "POST"])
def sign_in(request):
    """“Sign in with your organisation”: the connection whose domains hold the address (or the one of
    the organisation chosen) sends the person on to their identity provider. A POST, then a redirect."""
    sign_ons = list(sso.enabled_sign_ons())
    form = SignInForm(
        request.POST if request.method == "POST" else None,
        sign_ons=sign_ons,
        initial={"next": request.GET.get("next", "")},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            email = form.cleaned_data["email"]
            if email:
                connection = sso.sign_on_for_email(email)
                if connection is None:
                    form.add_error(
                        "email",
                        _(
                            "No organisation here signs in people with addresses at %(domain)s. Sign in with "
                            "your password, or ask your organisation's administrator."
                        )
                        % {"domain": sso.domain_of(email) or email},
                    )
            else:
                connection = form.sign_ons.get(form.cleaned_data["organisation"])
            if connection is not None:
                wanted = form.cleaned_data["next"]
                local = wanted.startswith("/") and url_has_allowed_host_and_scheme(wanted, allowed_hosts=None)
                response = _to_identity_provider(request, connection, email, wanted if local else None)
                if response is not None:
                    return response
                form.add_error(
                    None,
                    _("%(organisation)s's sign-in service could not be reached. Try again in a while.")
                    % {"organisation": connection.organisation.name},
                )
                status = 502
    response = render(
        request, "organisations/sign_in.html", {"form": form, "sign_ons": sign_ons}, status=status
    )
    response._csp_update = {"form-action": sso.form_action_sources(sign_ons)}  # the redirect to the IdP
    return response


def _to_identity_provider(request, connection, email, next_url):
    """allauth's redirect to the provider (state, PKCE, the SAML request); None when the provider's
    configuration cannot be read (its discovery or metadata address does not answer)."""
    provider = connection.social_app.get_provider(request)
    extra = (
        {"auth_params": {"login_hint": email}} if email and connection.protocol == SignOnProtocol.OIDC else {}
    )
    try:
        return provider.redirect(request, AuthProcess.LOGIN, next_url=next_url, **extra)
    except (requests.RequestException, OneLogin_Saml2_Error, ImproperlyConfigured, KeyError, ValueError):
        logger.exception("single sign-on of %s could not start", connection.organisation.slug)
        return None
