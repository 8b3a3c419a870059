from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """People join through their organisation's administrator, not by signing up themselves."""

    def is_open_for_signup(self, request):
        return False
