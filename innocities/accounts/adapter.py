from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .security import DEMO_PASSWORD


class AccountAdapter(DefaultAccountAdapter):
    """Citizens register themselves for open calls. Staff join through their organisation's
    administrator; a registration gives no organisation membership, so it opens nothing private."""

    def is_open_for_signup(self, request):
        return True

    def get_signup_redirect_url(self, request):
        """A new citizen goes back to where they started (the open call), else to the open calls."""
        wanted = request.POST.get("next") or request.GET.get("next")
        if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
            return wanted
        return reverse("engagement:calls")

    def get_login_redirect_url(self, request):
        """The home page sends each person on to where their work starts (site/views_home.py)."""
        return reverse("home")

    def authenticate(self, request, **credentials):
        """Under production settings the demo's published password never signs anyone in."""
        if settings.PRODUCTION and credentials.get("password") == DEMO_PASSWORD:
            self.authentication_failed(request, **credentials)
            return None
        return super().authenticate(request, **credentials)
