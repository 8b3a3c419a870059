"""Guards on accounts that production needs: the demo's published password, and second factors."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .models import Role
from .roles import roles_of

# The demo's logins are printed by `make run` and written in the README: known to everyone.
DEMO_PASSWORD = "innocities-demo"


class NotTheDemoPasswordValidator:
    """Nobody chooses the demo's published password (the demo loader sets it directly)."""

    def validate(self, password, user=None):
        if password == DEMO_PASSWORD:
            raise ValidationError(_("This password is published with the demo; choose another."))

    def get_help_text(self):
        return _("Not the demo's published password.")


def needs_second_factor(user) -> bool:
    """Platform staff and organisation administrators must sign in with a second factor (production)."""
    if not getattr(settings, "REQUIRE_MFA_FOR_ADMINS", False) or not user.is_authenticated:
        return False
    privileged = user.is_staff or user.is_superuser or Role.ADMIN in roles_of(user).by_org.values()
    return privileged and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


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
    """Sends staff and administrators without a second factor to set one up before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(_OPEN_PREFIXES) and needs_second_factor(request.user):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
