"""A person's own data: everything about them as JSON, and closing the account."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from innocities.core import audit


def personal_data(user) -> dict:
    """Everything the platform holds about a person, for them to download."""
    from innocities.coproduction.models import Participation
    from innocities.engagement.models import Block, Comment, Follow, Report, Support

    def rows(queryset, *fields):
        return [
            {f: (v.isoformat() if hasattr(v, "isoformat") else v) for f, v in zip(fields, row, strict=True)}
            for row in queryset.values_list(*fields)
        ]

    return {
        "exported_at": timezone.now().isoformat(),
        "person": {
            "email": user.email,
            "name": user.full_name,
            "job_title": user.title,
            "language": user.language,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": rows(EmailAddress.objects.filter(user=user), "email", "verified", "primary"),
        "memberships": rows(user.memberships.all(), "organisation__name", "role", "created_at"),
        "project_roles": rows(user.project_roles.all(), "project__title", "role"),
        "partner_participations": rows(
            Participation.objects.filter(person=user), "project__title", "actor__name", "role", "depth"
        ),
        "ideas": rows(
            user.ideas.all(),
            "title",
            "description",
            "status",
            "status_reason",
            "created_at",
            "organisation__name",
        ),
        "comments": rows(
            Comment.objects.filter(author=user), "idea__title", "text", "created_at", "hidden_reason"
        ),
        "supports": rows(Support.objects.filter(user=user), "idea__title", "created_at"),
        "follows": rows(Follow.objects.filter(user=user), "idea__title", "created_at"),
        "reports_filed": rows(
            Report.objects.filter(reporter=user),
            "idea__title",
            "comment__text",
            "reason",
            "created_at",
            "resolved_at",
        ),
        "blocked_by": rows(Block.objects.filter(user=user), "organisation__name", "reason", "created_at"),
        "notifications": rows(
            user.notifications.all(), "kind", "data", "created_at", "read_at", "emailed_at"
        ),
    }


@transaction.atomic
def close_account(*, user) -> None:
    """Close an account. Ideas and comments stay, as a public body may have to keep its records,
    but under a pseudonym; contact data, memberships, follows and notifications are removed."""
    from innocities.engagement.models import Follow

    audit.record(actor=user, verb="close_account", obj=user)
    EmailAddress.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    user.notifications.all().delete()
    user.memberships.all().delete()
    user.project_roles.all().delete()
    user.full_name = ""  # shown as "former user" in the reader's language
    user.email = f"closed-{user.pk}@invalid.invalid"
    user.title = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
