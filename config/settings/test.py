"""The test suite: fast hashing, in-memory email, plain static storage."""

from .base import *  # noqa: F403
from .base import DATABASES

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


# The single sign-on tests' OpenID provider (config/test_idp.py): django-oauth-toolkit with OpenID
# Connect, an RSA key made for this run. Its URLs are mounted under /test-idp/ by config/urls_test.py,
# the URLconf tests/test_sso.py runs with; production settings never install it.
def _rsa_key_for_this_run() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


INSTALLED_APPS = [*INSTALLED_APPS, "oauth2_provider"]  # noqa: F405
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": _rsa_key_for_this_run(),
    "PKCE_REQUIRED": True,
    "SCOPES": {"openid": "OpenID Connect", "profile": "Your name", "email": "Your email address"},
    "OAUTH2_VALIDATOR_CLASS": "config.test_idp.Validator",
}
# A second alias for the read-replica router's test (tests/test_replica.py, which turns READ_FROM_REPLICA
# on): the same test database.
DATABASES["replica"] = {
    **DATABASES["default"],
    "TEST": {**DATABASES["default"].get("TEST", {}), "MIRROR": "default"},
}
