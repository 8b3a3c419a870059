"""The test suite: fast hashing, in-memory email, plain static storage."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key", "signup": "10/h/ip"}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # one per test process
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SITE_URL = "https://innocities.example"
LANGUAGE_CODE = "en"  # tests read in English; the language switch test covers sv and nb
