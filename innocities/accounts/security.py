"""Guards on accounts that production needs: the demo's published password, second factors, and the
sign-in rules an organisation sets for its people (single sign-on only, a second factor)."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from innocities.core import fragments

from .models import Membership, Role
from .roles import roles_of

# The demo's logins are printed by `make run` and written in the README: known to everyone.
DEMO_PASSWORD = "innocities-demo"

# The organisation (its pk) whose single sign-on the person came through in this session, kept by the
# account adapter after each login (organisations/sign_on.py puts it on the social login's state).
SIGNED_ON_SESSION_KEY = "innocities_signed_on_organisation"


class NotTheDemoPasswordValidator:
    """Nobody chooses the demo's published password (the demo loader sets it directly)."""

    def validate(self, password, user=None):
        if password == DEMO_PASSWORD:
            raise ValidationError(_("This password is published with the demo; choose another."))

    def get_help_text(self):
        return _("Not the demo's published password.")


def must_sign_on(user) -> bool:
    """A full member of an organisation that requires single sign-on signs in through it, never with a
    password. Platform staff keep their password and second factor (no identity provider speaks for them);
    partners invited from elsewhere are not bound by the organisation's rule."""
    if user is None or not getattr(user, "pk", None) or user.is_staff or user.is_superuser:
        return False
    return bool(roles_of(user).sso_org_ids)


def organisations_asking_for_a_second_factor(user_pk) -> frozenset[int]:
    """The organisations the person belongs to (any role) that require a second factor. Read by the
    person's id alone, so a page that never loads the person costs no query for it; kept in the shared
    cache like their roles (a membership change touches ``person:<pk>``, an organisation's rule
    ``roles``)."""
    return fragments.cached(
        f"second-factor-organisations:{user_pk}",
        [f"person:{user_pk}", "roles"],
        lambda: frozenset(
            Membership.objects.filter(user_id=user_pk, organisation__require_mfa=True).values_list(
                "organisation_id", flat=True
            )
        ),
    )


def needs_second_factor(user, signed_on=None) -> bool:
    """Whether the person must set up a second factor before anything else.

    Under production settings platform staff and organisation administrators must; an organisation that
    requires a second factor asks it of every member. A person who signed in through an organisation's
    single sign-on (``signed_on``, that organisation's pk) has met that organisation's requirement: its
    identity provider is responsible for the second factor."""
    if not user.is_authenticated:
        return False
    admins = getattr(settings, "REQUIRE_MFA_FOR_ADMINS", False)
    if admins and (user.is_staff or user.is_superuser):
        required = True
    else:
        asking = set(organisations_asking_for_a_second_factor(user.pk))
        if admins:
            asking |= {org for org, role in roles_of(user).by_org.items() if role == Role.ADMIN}
        asking.discard(signed_on)
        required = bool(asking)
    return required and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


# Pages a person without a second factor may still reach: setting one up, signing out, languages, files.
_OPEN_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/i18n/",
    "/static/",
    "/favicon.ico",
)


class RequireSecondFactorMiddleware:
    """Sends people who must use a second factor and have none to set one up before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_one_up(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_set_one_up(request) -> bool:
        # Without a session cookie nobody is signed in: the session is not even opened (no Vary: Cookie).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES or request.path.startswith(_OPEN_PREFIXES):
            return False
        person = request.session.get(SESSION_KEY)
        if person is None:
            return False
        signed_on = request.session.get(SIGNED_ON_SESSION_KEY)
        if not getattr(settings, "REQUIRE_MFA_FOR_ADMINS", False) and not (
            organisations_asking_for_a_second_factor(person) - {signed_on}
        ):
            return False  # decided without loading the person
        return needs_second_factor(request.user, signed_on)
