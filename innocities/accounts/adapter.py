from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Citizens register themselves for open calls. Staff join through their organisation's
    administrator; a registration gives no organisation membership, so it opens nothing private."""

    def is_open_for_signup(self, request):
        return True

    def get_signup_redirect_url(self, request):
        """A new citizen goes back to where they started (the open call), else to the open calls."""
        from django.urls import reverse
        from django.utils.http import url_has_allowed_host_and_scheme

        wanted = request.POST.get("next") or request.GET.get("next")
        if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
            return wanted
        return reverse("engagement:calls")

    def get_login_redirect_url(self, request):
        """Staff start at their work; citizens at their ideas."""
        from django.urls import reverse

        if request.user.memberships.exists() or request.user.evaluations.exists():
            return reverse("pipeline:my_work")
        return reverse("engagement:my_ideas")
