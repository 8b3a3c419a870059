"""A person's own data: everything about them as JSON, and closing the account.

Every module declares how the rows that name a person are exported and erased
(``core.registry.PersonalData``); this module only walks those declarations. A test fails when a
foreign key to the user model is claimed by no declaration.
"""

import json
import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, JSONField, Q, TextField
from django.db.models.functions import Cast
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


REDACTED = "[…]"


def _whole(needle: str) -> re.Pattern:
    """The needle as a whole word or address: "Ann" is redacted in "by Ann." but not in "Annual"."""
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", re.IGNORECASE)


def _redact(value, pattern: re.Pattern):
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_redact(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _redact(v, pattern) for k, v in value.items()}
    return value


def redact_everywhere(needle: str, *, exclude=None) -> int:
    """Replace a closed account's name or address wherever a text mentions it: free texts written by
    others ("Lars presented the pilot"), stored notification data, the audit log. A rare, deliberate
    scan of every text column; returns how many rows changed."""
    changed = 0
    if len(needle) < 3:  # too short to tell a name from a word
        return changed
    pattern = _whole(needle)
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, CharField | TextField | JSONField) and not f.choices and not f.unique
        ]
        for field in columns:
            rows = model._default_manager.all()
            if exclude is not None and model is type(exclude):
                rows = rows.exclude(pk=exclude.pk)
            if isinstance(field, JSONField):
                # SQLite keeps JSON with non-ASCII letters escaped (\u00f8): look for both spellings
                escaped = json.dumps(needle)[1:-1]
                rows = rows.annotate(_text=Cast(field.attname, TextField())).filter(
                    Q(_text__icontains=needle) | Q(_text__icontains=escaped)
                )
            else:
                rows = rows.filter(**{f"{field.attname}__icontains": needle})
            # the database finds candidates (a substring); only whole-word matches are rewritten
            for pk, value in rows.values_list("pk", field.attname):
                redacted = _redact(value, pattern)
                if redacted != value:
                    model._default_manager.filter(pk=pk).update(**{field.attname: redacted})
                    changed += 1
    return changed


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
    for needle in {user.full_name.strip(), user.email.strip()} - {""}:
        redact_everywhere(needle, exclude=user)
    audit.record(actor=user, verb="close_account", obj=user)
    user.full_name = ""  # shown as "former user" in the reader's language
    user.email = f"closed-{user.pk}@invalid.invalid"
    user.title = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
