"""Personal access tokens: made on the account page, kept as a SHA-256 digest (a token is 256 random
bits, so a plain digest is enough: there is nothing to guess), checked by the API."""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innocities.core import audit

from .models import ApiToken

PREFIX = "ict_"
LONGEST = timedelta(days=366)
SEEN_EVERY = timedelta(minutes=1)  # last use is written at most once a minute, not on every request


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(*, user, name: str, scope: str, expires_on) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it with its secret, which is never stored or shown again."""
    today = timezone.localdate()
    if expires_on <= today:
        raise ValidationError({"expires_on": _("Choose a day after today.")})
    if expires_on > today + LONGEST:
        raise ValidationError({"expires_on": _("A token lives at most a year; make a new one then.")})
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), scope=scope, expires_on=expires_on)
    token.prefix, token.digest = secret[: len(PREFIX) + 6], digest(secret)
    token.full_clean()
    token.save()
    audit.record(actor=user, verb="create_api_token", obj=token)
    return token, secret


@transaction.atomic
def revoke_token(*, token: ApiToken, actor) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor=actor, verb="revoke_api_token", obj=token)


def authenticate(secret: str) -> ApiToken | None:
    """The live token for ``secret`` with its person, or None; notes the use (at most once a minute)."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(digest=digest(secret)).first()
    if token is None or not token.is_live or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > SEEN_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
