"""A person's own data: everything about them as JSON, and closing the account.

Every module declares how the rows that name a person are exported and erased
(``core.registry.PersonalData``); this module only walks those declarations. A test fails when a
foreign key to the user model is claimed by no declaration.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innocities.core import audit, registry

from .models import Membership, Role


def personal_data(user) -> dict:
    """Everything the platform holds about a person, for them to download."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "person": {
            "email": user.email,
            "name": user.full_name,
            "job_title": user.title,
            "language": user.language,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
    }
    for entry in registry.personal_data():
        if entry.export is not None:
            data[entry.section] = entry.export(user)
    return data


def _last_admin_of(user) -> list[str]:
    """Organisations in which the person is the only administrator."""
    names = []
    for membership in Membership.objects.filter(user=user, role=Role.ADMIN).select_related("organisation"):
        others = Membership.objects.filter(organisation=membership.organisation, role=Role.ADMIN).exclude(
            user=user
        )
        if not others.filter(user__is_active=True).exists():
            names.append(membership.organisation.name)
    return names


@transaction.atomic
def close_account(*, user) -> None:
    """Close an account. Records a public body must keep (ideas, comments, decisions) stay under a
    pseudonym; contact data, memberships, seats, follows, notifications, preferences and second
    factors go. A project the person led is handed to its coordinator; an organisation must keep an
    administrator, so its last one is asked to name another first."""
    orphaned = _last_admin_of(user)
    if orphaned:
        raise ValidationError(
            _("You are the only administrator of %(organisations)s: make someone else administrator first.")
            % {"organisations": ", ".join(orphaned)}
        )
    registry.run("account_closing", user=user, successor=None)
    for entry in registry.personal_data():
        if entry.erase is not None:
            entry.erase(user, None)
    audit.record(actor=user, verb="close_account", obj=user)
    user.full_name = ""  # shown as "former user" in the reader's language
    user.email = f"closed-{user.pk}@invalid.invalid"
    user.title = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
