"""InnoCities settings shared by every environment.

Read top to bottom: apps, request pipeline, data, accounts, security, languages, static files.
Everything that differs between machines comes from the environment through ``env.py``;
``local.py`` (make run), ``test.py`` and ``prod.py`` only override a handful of values.
"""

import hashlib
import ipaddress
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from pythonjsonlogger.core import RESERVED_ATTRS

from .env import BASE_DIR, database, env_addresses, env_bool, env_list, env_str

FALLBACK_SECRET_KEY = "insecure-development-key-change-me"
SECRET_KEY = env_str("SECRET_KEY", FALLBACK_SECRET_KEY)
# Rotating the key: the old ones here keep sessions and signed links valid until they expire.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Production settings (prod.py) turn this on: the demo and its published password are refused there.
PRODUCTION = False
DEMO_ALLOWED = env_bool("DEMO_ALLOWED", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Organisations' single sign-on: one SocialApp row for each connection (organisations.SignOn).
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "innocities.core",
    "innocities.accounts",
    "innocities.organisations",
    "innocities.programmes",
    "innocities.pipeline",
    "innocities.coproduction",
    "innocities.engagement",
    "innocities.evaluation",
    "innocities.sustainability",
    "innocities.capability",
    "innocities.learning",
    "innocities.notifications",
    "innocities.insight",
    "innocities.catalogue",
    "innocities.site",
    "innocities.api",
]

MIDDLEWARE = [
    # first: the request id, the access line and the latency cover every request, shed ones too
    "innocities.core.observability.RequestMiddleware",
    "innocities.core.shedding.ShedAbandonedRequests",  # next: a request nobody waits for costs nothing
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "innocities.api.main.ETags",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "innocities.core.boundaries.RefuseOversizedBodiesMiddleware",
    "innocities.core.boundaries.RefuseNulBytesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "innocities.accounts.security.RequireSecondFactorMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "innocities" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "innocities.site.context_processors.navigation",
            ],
        },
    },
]
FORM_RENDERER = "innocities.core.forms.FormRenderer"

# --- data ----------------------------------------------------------------------------------------
DATABASES = {"default": database(BASE_DIR / "var" / "innocities.sqlite3")}
# Optional: a streaming replica of the primary for the dashboards' reads (innocities/core/replica.py).
READ_FROM_REPLICA = bool(env_str("DATABASE_REPLICA_URL"))
if READ_FROM_REPLICA:
    DATABASES["replica"] = database(BASE_DIR / "var" / "innocities.sqlite3", env_str("DATABASE_REPLICA_URL"))
DATABASE_ROUTERS = ["innocities.core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# One cache for every worker: cached fragments are invalidated by the action that changes them, in
# whichever worker it runs, and rate limits count across workers. Redis in production (several servers);
# without it, files under var/ that the workers of one machine share (`make run`).
def _release() -> str:
    """A digest of the code and templates: what one release caches, the next never reads (a value
    pickled by older code could fail to load). The same on every server running the same code."""
    digest = hashlib.sha256()
    for path in sorted((BASE_DIR / "innocities").rglob("*")):
        if path.suffix in {".py", ".html"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


CACHES = (
    {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL")}}
    if env_str("REDIS_URL")
    else {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": BASE_DIR / "var" / "cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
)
CACHES["default"]["KEY_PREFIX"] = env_str("RELEASE") or _release()

# Sessions are read from the shared cache and written through to the database (they survive its loss).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
REQUEST_QUEUE_LIMIT = float(env_str("REQUEST_QUEUE_LIMIT", "10"))  # seconds; nginx's proxy_read_timeout

# --- accounts ------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "innocities.accounts.security.NotTheDemoPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "pipeline:my_work"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[InnoCities] "
ACCOUNT_FORMS = {
    "login": "innocities.accounts.forms.LoginForm",
    "signup": "innocities.accounts.forms.SignupForm",
}
ACCOUNT_ADAPTER = "innocities.accounts.adapter.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Login rate limiting: five failed attempts per email and per address within five minutes.
# Registration: five accounts an hour from one address, against spam.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "reset_password": "5/10m/ip,3/10m/key",
    "signup": "10/h/ip",
}
# Single sign-on (organisations/sign_on.py): the connections live in the database (SocialApp rows made
# on an organisation's sign-on page). The adapter admits only addresses at a connection's domains, treats
# them as verified and never shows a signup form: the IdP's email is the account's.
SOCIALACCOUNT_ADAPTER = "innocities.organisations.adapter.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_QUERY_EMAIL = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # the adapter matches existing people itself, domain first
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
SOCIALACCOUNT_PROVIDERS = {}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Staff and organisation administrators must set up a second factor before anything else (on in prod.py).
REQUIRE_MFA_FOR_ADMINS = env_bool("REQUIRE_MFA_FOR_ADMINS", False)
MFA_TOTP_ISSUER = "InnoCities"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "InnoCities <noreply@innocities.local>")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or None  # EMAIL_BACKEND=…filebased.EmailBackend (test sites)

# Background work (notifications): the database queue, worked by `innocities serve`'s worker process.
# TASKS_BACKEND=immediate runs tasks in the request instead (tests, or a site without a worker).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_str("TASKS_BACKEND") == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")  # for links in emails
# Who runs this installation, named in the privacy notice and the accessibility statement.
SITE_OPERATOR = env_str("SITE_OPERATOR", "InnoCities")
SITE_CONTACT_EMAIL = env_str("SITE_CONTACT_EMAIL", "kontakt@innocities.example")
DATA_PROTECTION_EMAIL = env_str("DATA_PROTECTION_EMAIL")
DIGEST_HOUR = int(env_str("DIGEST_HOUR", "7"))  # local hour at which daily digests are emailed
OPEN_DATA_HOUR = int(env_str("OPEN_DATA_HOUR", "3"))
# /readyz fails when the oldest task waiting for the worker is older than this (seconds).
TASK_AGE_LIMIT = int(env_str("TASK_AGE_LIMIT", "300"))
# A task still marked running after this long (seconds) lost its worker: it goes back to the queue.
TASK_LEASE = int(env_str("TASK_LEASE", "3600"))
# The API's rate limits, requests a minute: per token, per signed-in person, per visitor's address.
API_RATE_LIMITS = {
    "token": int(env_str("API_RATE_LIMIT_TOKEN", "600")),
    "session": int(env_str("API_RATE_LIMIT_SESSION", "600")),
    "visitor": int(env_str("API_RATE_LIMIT_VISITOR", "120")),
}  # local hour at which the open data files are made again

# --- security ------------------------------------------------------------------------------------
# No inline scripts or styles anywhere: every script and stylesheet is a file served by the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- languages -----------------------------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("nb", _("Norwegian (bokmål)")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "innocities" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# --- static files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [
    BASE_DIR / "innocities" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/swagger-ui", BASE_DIR / "node_modules" / "swagger-ui-dist"),
]
# Uploaded files: every app server must see the same ones. FILE_STORAGE=filesystem (the default) keeps
# them under MEDIA_ROOT, which on several servers is one shared directory (NFS, CephFS, a cloud file
# share); FILE_STORAGE=s3 puts them in S3-compatible object storage through django-storages (AWS S3, MinIO,
# Ceph RGW, a Nordic cloud's object store). Files are never served as public URLs: every download goes
# through the app's access check (coproduction.views.attachment_download).
MEDIA_ROOT = Path(env_str("MEDIA_ROOT")) if env_str("MEDIA_ROOT") else BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"
FILE_STORAGE = env_str("FILE_STORAGE", "filesystem")
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env_str("S3_BUCKET"),
                "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
                "region_name": env_str("S3_REGION") or None,
                "access_key": env_str("S3_ACCESS_KEY_ID") or None,
                "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
                "location": env_str("S3_PREFIX"),
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
        if FILE_STORAGE == "s3"
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Where `innocities backup` writes its archive when no --output is given (else the current directory).
BACKUP_DIR = env_str("BACKUP_DIR")

# --- logs, metrics, error reports (innocities/core/observability.py, docs/operations.md) ---------------
# LOG_FORMAT=json: one JSON object a line (production's default, set in prod.py); console: readable lines.
LOG_FORMAT = env_str("LOG_FORMAT", "console")
# Who is mailed a report of each 500 in production: "Name <a@b.example>, Other <c@d.example>".
ADMINS = env_addresses("ADMINS")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # the sender of those reports
EMAIL_SUBJECT_PREFIX = "[InnoCities] "
# /metrics answers a bearer token equal to METRICS_TOKEN, or these addresses (networks too) when the
# request did not come through the proxy; anyone else gets 404.
METRICS_TOKEN = env_str("METRICS_TOKEN")
METRICS_ALLOWED_IPS = [
    str(ipaddress.ip_network(net, strict=False)) for net in env_list("METRICS_ALLOWED_IPS", "127.0.0.1,::1")
]


def logging_settings(log_format: str, *, mail_admins: bool = False) -> dict:
    """Every record through one console handler: JSON or readable lines, each with the request id;
    expected refusals (403, 404, 503, SuspiciousOperation) in one line; 500s mailed to ADMINS when
    ``mail_admins``. Django's own logging defaults (a console only under DEBUG, mail) are replaced."""
    if log_format not in ("json", "console"):
        raise ImproperlyConfigured(f"LOG_FORMAT is json or console, not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "innocities.core.observability.RequestIdFilter"},
            "expected_errors": {"()": "innocities.core.observability.QuietExpectedErrors"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": ["levelname", "name", "message", "request_id"],
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",  # ISO 8601 in UTC
                # Django puts the request on its records: its repr holds the query string, never written
                "reserved_attrs": [*RESERVED_ATTRS, "request", "server_time"],
            },
            "console": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id", "expected_errors"],
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "request_id"],
            },
        },
        "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
        "loggers": {
            "django": {"handlers": [], "propagate": True},
            "django.request": {
                "handlers": ["mail_admins"] if mail_admins else [],
                "filters": ["expected_errors"],
                "propagate": True,
            },
            # WeasyPrint tells each step of every PDF at INFO: only its warnings (a missing font, say) matter
            "weasyprint.progress": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }


LOGGING = logging_settings(LOG_FORMAT)
UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # attachments: 10 MB, type checked by content (core/uploads.py)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FORMAT_MODULE_PATH = ["innocities.formats"]
