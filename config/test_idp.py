"""The test suite's OpenID provider: django-oauth-toolkit with OpenID Connect, mounted under /test-idp/ by
``config/urls_test.py`` (tests/test_sso.py runs with that URLconf; production never installs it).

The provider keeps its own directory of people (``DIRECTORY``: user name → password and the claims it
asserts), so what it says about a person is independent of the site's accounts. Signing in at the
provider makes a technical account ``<user name>@idp.invalid`` for django-oauth-toolkit's grants; tests
reach the provider at 127.0.0.1 and the site at localhost, so the two keep separate session cookies.
"""

from html import escape

from django.contrib.auth import get_user_model, login
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.utils.http import url_has_allowed_host_and_scheme
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.views import AuthorizationView

TECHNICAL_DOMAIN = "idp.invalid"
# user name → {"password": ..., "claims": {"email": ..., "name": ...}}; filled by the tests.
DIRECTORY: dict[str, dict] = {}


class Validator(OAuth2Validator):
    """Asserts the directory's claims for the person signed in at the provider."""

    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "email": "email", "email_verified": "email"}

    def get_additional_claims(self, request):
        username = request.user.email.partition("@")[0]
        return dict(DIRECTORY.get(username, {}).get("claims", {}))


LOGIN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>{error}
<form method="post" action="">
<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">
<input type="hidden" name="next" value="{next}">
<label>User name <input name="username"></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Sign in</button>
</form></body></html>"""


def login_view(request):
    """The provider's own sign-in form, against ``DIRECTORY``."""
    wanted = request.POST.get("next") or request.GET.get("next") or "/test-idp/"
    if not (wanted.startswith("/") and url_has_allowed_host_and_scheme(wanted, allowed_hosts=None)):
        wanted = "/test-idp/"
    error = ""
    if request.method == "POST":
        username = request.POST.get("username", "")
        entry = DIRECTORY.get(username)
        if entry is not None and entry["password"] == request.POST.get("password"):
            user, _created = get_user_model().objects.get_or_create(
                email=f"{username}@{TECHNICAL_DOMAIN}", defaults={"full_name": username}
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return HttpResponseRedirect(wanted)
        error = "<p role='alert'>Wrong user name or password.</p>"
    page = LOGIN_PAGE.format(error=error, csrf=get_token(request), next=escape(wanted))
    return HttpResponse(page, status=400 if error else 200)


class IdPAuthorizationView(AuthorizationView):
    """django-oauth-toolkit's consent page, signing in at the provider's own form."""

    login_url = "/test-idp/login/"
