"""What accounts declares to the house: the personal data on e-mail addresses, memberships, second
factors, single sign-on links and the admin's log, and the menu entries a person's account has."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.contrib.admin.models import LogEntry

from innocities.core import registry

from .models import ApiToken
from .roles import watch_roles


def _delete(queryset_of):
    return lambda user, successor: queryset_of(user).delete()


PERSONAL_DATA = [
    registry.PersonalData(
        model="accounts.ApiToken",
        fields=("user",),
        section="api_tokens",
        export=lambda u: registry.rows(
            ApiToken.objects.filter(user=u),
            "name",
            "prefix",
            "scope",
            "expires_on",
            "created_at",
            "last_used_at",
            "revoked_at",
        ),  # fmt: skip
        erase=_delete(lambda u: ApiToken.objects.filter(user=u)),
    ),
    registry.PersonalData(
        model="mfa.Authenticator",
        fields=("user",),
        section="second_factors",
        export=lambda u: registry.rows(
            Authenticator.objects.filter(user=u), "type", "created_at", "last_used_at"
        ),
        erase=_delete(lambda u: Authenticator.objects.filter(user=u)),
    ),
    registry.PersonalData(
        model="admin.LogEntry",
        fields=("user",),
        section="admin_log",
        export=lambda u: registry.rows(
            LogEntry.objects.filter(user=u), "action_time", "object_repr", "action_flag"
        ),
    ),
    registry.PersonalData(
        model="account.EmailAddress",
        fields=("user",),
        section="email_addresses",
        export=lambda u: registry.rows(EmailAddress.objects.filter(user=u), "email", "verified", "primary"),
        erase=_delete(lambda u: EmailAddress.objects.filter(user=u)),
    ),
    registry.PersonalData(
        model="socialaccount.SocialAccount",
        fields=("user",),
        section="single_sign_on",
        # which organisation's identity provider signed the person in, and as whom (its own id)
        export=lambda u: registry.rows(
            SocialAccount.objects.filter(user=u), "provider", "uid", "date_joined", "last_login"
        ),
        erase=_delete(lambda u: SocialAccount.objects.filter(user=u)),
    ),
    registry.PersonalData(
        model="accounts.Membership",
        fields=("user",),
        section="memberships",
        export=lambda u: registry.rows(u.memberships.all(), "organisation__name", "role", "created_at"),
        erase=_delete(lambda u: u.memberships.all()),
    ),
]


def register() -> None:
    watch_roles()
    for entry in PERSONAL_DATA:
        registry.add_personal_data(entry)
