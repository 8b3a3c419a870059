"""The site's URLs plus the test suite's OpenID provider under /test-idp/ (config/test_idp.py).

Only tests/test_sso.py uses this URLconf (``pytest.mark.urls``); ``config.urls`` never mounts the provider,
and django-oauth-toolkit is installed by the test settings alone."""

from csp.decorators import csp_exempt
from django.urls import include, path
from oauth2_provider import urls as oauth2_urls

from config import test_idp
from config.urls import urlpatterns as site_urlpatterns

# The provider is another site: the InnoCities policy (form-action 'self') is not its own. Its consent
# form answers with a redirect back to InnoCities, which that policy would stop in a browser.
provider_patterns = [
    path("login/", csp_exempt()(test_idp.login_view), name="login"),
    path("authorize/", csp_exempt()(test_idp.IdPAuthorizationView.as_view()), name="authorize"),
    *[pattern for pattern in oauth2_urls.base_urlpatterns if pattern.name in {"token", "revoke-token"}],
    *oauth2_urls.oidc_urlpatterns,
]

urlpatterns = [
    *site_urlpatterns,
    path("test-idp/", include((provider_patterns, "oauth2_provider"))),
]
