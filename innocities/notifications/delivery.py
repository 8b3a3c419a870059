"""Who hears of an event, and sending the email: each notification is emailed at most once."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from innocities.core import registry

from .messages import text
from .models import Frequency, Notification, Preference


def deliver(event: str, ids: dict) -> list[Notification]:
    """Create the event's notifications, never twice (the task then emails those who want it at once)."""
    declared = registry.event(event)
    found = declared.resolve(ids)
    if found is None:
        return []
    people = set(found.people)
    for audience in registry.audiences(event):
        people |= set(audience.people(ids))
    people -= found.exclude
    kind, key, data, url = declared.kind, found.key, found.data, found.url
    created = []
    for user_id in sorted(p for p in people if p):
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(recipient_id=user_id, kind=kind, key=key, data=data, url=url)
                )
        except IntegrityError:
            continue  # this person was already told of this event
    return created


def to_email_now(created: list[Notification]) -> list[int]:
    """Which of the new notifications are emailed at once: the recipient's preference is "immediately"
    (the default when they never chose)."""
    recipients = {n.recipient_id for n in created}
    chosen = dict(Preference.objects.filter(user_id__in=recipients).values_list("user_id", "email"))
    return [
        n.pk for n in created if chosen.get(n.recipient_id, Frequency.IMMEDIATELY) == Frequency.IMMEDIATELY
    ]


def email(*, notification_ids: list[int]) -> int:
    """Email one person the given notifications that were not emailed yet; returns how many were sent.

    The rows are claimed under a lock and marked in the same transaction as the sending: an SMTP failure
    rolls the mark back, so the retried task sends them (and only them); two workers never send the same
    notification. The Message-ID is made from the notifications, so should the mark be lost after the mail
    server took the message (the database gone in that instant), a second copy carries the same id, which
    mail systems treat as one message.
    """
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update()
            .filter(pk__in=notification_ids, emailed_at__isnull=True)
            .select_related("recipient")
        )
        if not pending:
            return 0
        recipient = pending[0].recipient
        if not recipient.is_active or not recipient.email:
            return 0
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            items = [(text(n), settings.SITE_URL + n.url) for n in pending]
            subject = (
                items[0][0]
                if len(items) == 1
                else render_to_string("notifications/digest_subject.txt", {"count": len(items)}).strip()
            )
            body = render_to_string(
                "notifications/email.txt",
                {
                    "items": items,
                    "user": recipient,
                    "site": settings.SITE_URL,
                    "needs_password": not recipient.has_usable_password(),
                },
            )
        message = EmailMessage(
            " ".join(subject.split()),  # a title or name with a line break must not break the headers
            body,
            to=[recipient.email],
            headers={"Message-ID": message_id([n.pk for n in pending])},
        )
        message.send()
    return len(pending)


def message_id(notification_ids: list[int]) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "innocities.local"
    return f"<notifications-{'-'.join(str(pk) for pk in sorted(notification_ids))}@{domain}>"


def send_digests(send=email) -> dict:
    """One email per person who wants a daily digest, with everything not yet emailed; none if empty.

    ``send`` emails one person's notifications: at once here, or queued one task per person (with its own
    retries) by the daily task, so one person's failing mailbox never holds up the others'."""
    daily = Preference.objects.filter(email=Frequency.DAILY).values_list("user_id", flat=True)
    pending = Notification.objects.filter(recipient_id__in=daily, emailed_at__isnull=True).values_list(
        "recipient_id", "pk"
    )
    by_person: dict[int, list[int]] = {}
    for user_id, pk in pending:
        by_person.setdefault(user_id, []).append(pk)
    sent = sum(1 for ids in by_person.values() if send(notification_ids=ids))
    return {"people": sent, "notifications": sum(len(ids) for ids in by_person.values())}
