"""Production behind HTTPS: everything `manage.py check --deploy` asks for, fixed on."""

import sentry_sdk
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ADMINS, FALLBACK_SECRET_KEY, FILE_STORAGE, logging_settings
from .env import env_str

PRODUCTION = True
DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY or SECRET_KEY == FALLBACK_SECRET_KEY or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "Production needs its own SECRET_KEY of at least 40 characters (see .env.example); "
        "the development fallback is published in the source."
    )
if not env_str("REDIS_URL"):
    raise ImproperlyConfigured(
        "Production needs REDIS_URL: the app servers share one cache for fragments and rate limits."
    )
if not env_str("DATABASE_URL").startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured(
        "Production needs DATABASE_URL naming its PostgreSQL database (postgres://user:password@host/name); "
        "the embedded SQLite file is for one machine and `make run`."
    )
if FILE_STORAGE == "s3" and not env_str("S3_BUCKET"):
    raise ImproperlyConfigured("FILE_STORAGE=s3 needs S3_BUCKET (and S3_ENDPOINT_URL outside AWS).")
if FILE_STORAGE != "s3" and not env_str("MEDIA_ROOT"):
    raise ImproperlyConfigured(
        "Production needs MEDIA_ROOT, a directory every app server shares for uploaded files (outside the "
        "checkout, covered by backups), or FILE_STORAGE=s3 for object storage."
    )
REQUIRE_MFA_FOR_ADMINS = True
SECURE_SSL_REDIRECT = True
# The load balancer and monitoring ask the app servers directly over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# Logs as one JSON object a line; each 500 mailed to ADMINS when there are any (docs/operations.md).
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = logging_settings(LOG_FORMAT, mail_admins=bool(ADMINS))
# Optional: errors to Sentry as well, without personal data: no person, cookies, client addresses, request
# bodies, query strings or local variables.
SENTRY_DSN = env_str("SENTRY_DSN")


def _without_query_string(event, hint):
    event.get("request", {}).pop("query_string", None)
    return event


if SENTRY_DSN:
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=env_str("RELEASE") or None,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=_without_query_string,
    )
