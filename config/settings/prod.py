"""Production behind HTTPS: everything `manage.py check --deploy` asks for, fixed on."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import FALLBACK_SECRET_KEY
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
REQUIRE_MFA_FOR_ADMINS = True
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
