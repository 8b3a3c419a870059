"""allauth's social account hooks for organisations' single sign-on (SOCIALACCOUNT_ADAPTER).

Every sign-in through an organisation's connection passes ``pre_social_login`` before anything is
written. It admits the person only when the connection is in use and the identity provider gave an
email address at one of the connection's domains; a provider therefore never speaks for addresses
it does not own. Then:

- someone already linked to this connection is signed in;
- an existing account with that address (any case) is linked and signed in, unless it is platform staff
  (password and second factor only) or a full member of another organisation but not of this one (the
  domain may have been claimed by the wrong organisation: such a person keeps their password sign-in);
- a new person gets an account with the provider's name, a verified address and a membership with the
  connection's role, without a signup form.

Refusals answer 403 with the reason, and nothing is written.
"""

import re

from allauth.account.internal.emailkit import valid_email_or_none
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthProcess
from django.conf import settings
from django.shortcuts import render, resolve_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from innocities.accounts.adapter import SIGN_ON_STATE_KEY
from innocities.accounts.models import User
from innocities.accounts.roles import FULL_ROLES

from . import actions
from . import sign_on as sso


def _refuse(request, reason: str, sign_on=None):
    response = render(
        request,
        "organisations/sign_on_refused.html",
        {"reason": reason, "sign_on": sign_on},
        status=403,
    )
    raise ImmediateHttpResponse(response)


def asserted_email(sociallogin) -> str:
    """The address the identity provider gave (its primary one), in lower case."""
    for address in sociallogin.email_addresses:
        if address.email:
            return address.email.strip().lower()
    return ""


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        sign_on = sso.sign_on_of_app(sociallogin.provider.app)
        if sign_on is None:
            _refuse(request, _("This sign-in service belongs to no organisation here."))
        if sociallogin.state.get("process") not in (None, AuthProcess.LOGIN):
            _refuse(request, _("Sign out first, then sign in with your organisation."), sign_on)
        if not sign_on.enabled:
            _refuse(request, _("%(organisation)s has switched this sign-in off.") % _names(sign_on), sign_on)
        email = asserted_email(sociallogin)
        if not email:
            _refuse(
                request,
                _(
                    "%(organisation)s's sign-in service did not give your email address, which InnoCities "
                    "needs. Ask your IT department to release it."
                )
                % _names(sign_on),
                sign_on,
            )
        domains = sso.domains_of(sign_on)
        if sso.domain_of(email) not in domains:
            _refuse(
                request,
                _(
                    "%(email)s is not an address this sign-in accepts: %(organisation)s signs in people with "
                    "addresses at %(domains)s. No account was made."
                )
                % {**_names(sign_on), "email": email, "domains": ", ".join(domains)},
                sign_on,
            )
        user = (
            sociallogin.user if sociallogin.is_existing else User.objects.filter(email__iexact=email).first()
        )
        if user is not None:
            self._check_existing(request, user, sign_on, linked=sociallogin.is_existing)
            if not sociallogin.is_existing:
                sociallogin.connect(request, user)
                actions.welcome_through_sign_on(user=user, sign_on=sign_on, email=email)
        sociallogin.state[SIGN_ON_STATE_KEY] = sign_on.organisation_id
        if not sociallogin.state.get("next"):
            sociallogin.state["next"] = resolve_url(settings.LOGIN_REDIRECT_URL)

    def _check_existing(self, request, user, sign_on, *, linked: bool) -> None:
        if not user.is_active:
            _refuse(request, _("This account is closed."), sign_on)
        if user.is_staff or user.is_superuser:
            _refuse(
                request,
                _(
                    "Platform staff sign in with their password and second factor, never through an "
                    "organisation."
                ),
                sign_on,
            )
        if linked:
            return
        memberships = dict(user.memberships.values_list("organisation_id", "role"))
        elsewhere = any(
            role in FULL_ROLES for org, role in memberships.items() if org != sign_on.organisation_id
        )
        if elsewhere and sign_on.organisation_id not in memberships:
            _refuse(
                request,
                _(
                    "%(email)s belongs to a member of another organisation, so %(organisation)s's sign-in "
                    "cannot be used for it. Sign in with your password, or ask your administrator."
                )
                % {**_names(sign_on), "email": user.email},
                sign_on,
            )

    def is_open_for_signup(self, request, sociallogin):
        """Only people ``pre_social_login`` admitted: an address at the connection's domains."""
        return sociallogin.state.get(SIGN_ON_STATE_KEY) is not None

    def is_auto_signup_allowed(self, request, sociallogin):
        return True

    def is_email_verified(self, provider, email):
        """The organisation's identity provider answers for its own domains' addresses."""
        sign_on = sso.sign_on_of_app(provider.app)
        return sign_on is not None and sso.domain_of(email) in sso.domains_of(sign_on)

    def populate_user(self, request, sociallogin, data):
        user = sociallogin.user
        email = (valid_email_or_none(data.get("email")) or "").lower()
        user.email = email
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        name = re.sub(r"\s+", " ", name or "").strip() or email.partition("@")[0]
        user.full_name = name[:150]
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        user.language = (get_language() or "")[:2]
        user.save(update_fields=["language"])
        sign_on = sso.sign_on_of_app(sociallogin.provider.app)
        actions.welcome_through_sign_on(user=user, sign_on=sign_on, email=user.email)
        return user


def _names(sign_on) -> dict:
    return {"organisation": sign_on.organisation.name}
