"""Who calls the API: a personal access token (``Authorization: Bearer ict_…``), the browser's
session (with its CSRF token for writes), or nobody (public data only). Each caller is also held to a
rate limit: per token, per person, or per address for visitors."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from innocities.accounts import tokens
from innocities.accounts.models import TokenScope
from innocities.core import ratelimit

SAFE = {"GET", "HEAD", "OPTIONS"}
WINDOW = 60  # seconds
LIMITS = {  # requests a minute: per token, per signed-in person, per address of a visitor
    "token": settings.API_RATE_LIMITS["token"],
    "session": settings.API_RATE_LIMITS["session"],
    "visitor": settings.API_RATE_LIMITS["visitor"],
}


class Throttled(HttpError):
    def __init__(self):
        super().__init__(429, _("Too many requests: wait a minute and try again."))


def _limit(kind: str, key) -> None:
    if not ratelimit.allow(f"api-{kind}", key, limit=LIMITS[kind], seconds=WINDOW):
        raise Throttled


def _address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


class Caller(HttpBearer):
    """Bearer tokens in the API document; a session or no credentials at all are accepted too."""

    def __call__(self, request):
        return caller(request)

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return None


def caller(request):
    """The person behind the request (AnonymousUser for a visitor), or 401; writes need a token with
    write access or a session with its CSRF token."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    request.api_token = None
    if header:
        kind, _sep, secret = header.partition(" ")
        token = tokens.authenticate(secret.strip()) if kind.lower() == "bearer" else None
        if token is None:
            raise AuthenticationError(_("The token is not valid: it is unknown, expired or revoked."))
        if request.method not in SAFE and token.scope != TokenScope.WRITE:
            raise HttpError(403, _("This token may only read. Make one with write access for this."))
        _limit("token", token.pk)
        request.user, request.api_token = token.user, token
        return token.user
    if request.user.is_authenticated:
        if request.method not in SAFE and check_csrf(request) is not None:
            raise HttpError(403, _("The CSRF token is missing or wrong; send X-CSRFToken with the session."))
        _limit("session", request.user.pk)
        return request.user
    _limit("visitor", _address(request))
    if request.method not in SAFE:
        raise AuthenticationError(_("Sign in or send a token to change anything."))
    return AnonymousUser()
