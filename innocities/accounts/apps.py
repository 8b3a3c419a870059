from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "innocities.accounts"
    label = "accounts"

    def ready(self):
        from allauth.account.signals import password_reset

        from . import extensions

        extensions.register()
        password_reset.connect(_verify_email_on_reset, dispatch_uid="innocities-verify-on-reset")


def _verify_email_on_reset(sender, request, user, **kwargs):
    """A password reset went through a link mailed to the address, which proves it is theirs.

    (allauth's signal is the only hook into its reset flow; nothing else happens here.)
    """
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
