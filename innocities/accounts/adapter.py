from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Citizens register themselves for open calls. Staff join through their organisation's
    administrator; a registration gives no organisation membership, so it opens nothing private."""

    def is_open_for_signup(self, request):
        return True

    def get_login_redirect_url(self, request):
        """Staff start at their work; citizens at their ideas."""
        from django.urls import reverse

        if request.user.memberships.exists() or request.user.evaluations.exists():
            return reverse("pipeline:my_work")
        return reverse("engagement:my_ideas")
