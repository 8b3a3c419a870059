from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .security import DEMO_PASSWORD, SIGNED_ON_SESSION_KEY, must_sign_on

# The state key on a social login that names the organisation whose single sign-on it came through
# (set by the social account adapter, organisations/sign_on.py).
SIGN_ON_STATE_KEY = "innocities_organisation"


def sign_on_required_message() -> str:
    return _(
        "Your organisation signs you in through its own sign-in service: use “Sign in with your "
        "organisation” below."
    )


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

    def pre_login(self, request, user, **kwargs):
        """A member of an organisation that requires single sign-on signs in only through it: every way
        in that is not a social login (a password, a reset, an emailed code) stops here. The sign-in
        form refuses earlier, beside its fields (forms.LoginForm)."""
        social = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        if social is None and must_sign_on(user):
            messages.error(request, sign_on_required_message())
            return redirect("account_login")
        return super().pre_login(request, user, **kwargs)

    def post_login(self, request, user, **kwargs):
        """Remember which organisation's single sign-on the person came through (its identity provider
        answers for the second factor that organisation requires, security.needs_second_factor)."""
        social = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        organisation = social.state.get(SIGN_ON_STATE_KEY) if social is not None else None
        if organisation:
            request.session[SIGNED_ON_SESSION_KEY] = organisation
        else:
            request.session.pop(SIGNED_ON_SESSION_KEY, None)
        return super().post_login(request, user, **kwargs)

    def send_password_reset_mail(self, user, email, context):
        """A person who must sign in through their organisation gets no reset link (a password would
        not let them in): the mail tells them how to sign in instead. The page says the same either way."""
        if must_sign_on(user):
            context = {**context, "login_url": self.request.build_absolute_uri(reverse("account_login"))}
            return self.send_mail("account/email/sign_on_required", email, context)
        return super().send_password_reset_mail(user, email, context)
