"""Who hears of an event, and sending the email: each notification is emailed at most once."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from innocities.core import registry

from .messages import text
from .models import Frequency, Notification, Preference


def deliver(event: str, ids: dict) -> list[Notification]:
    """Create the event's notifications (never twice) and email those who want it at once."""
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
    immediate = set(
        Preference.objects.filter(
            user_id__in=[n.recipient_id for n in created], email=Frequency.IMMEDIATELY
        ).values_list("user_id", flat=True)
    ) | ({n.recipient_id for n in created} - set(Preference.objects.values_list("user_id", flat=True)))
    for notification in created:
        if notification.recipient_id in immediate:
            email(notification_ids=[notification.pk])
    return created


def email(*, notification_ids: list[int]) -> int:
    """Email one person the given notifications that were not emailed yet; returns how many were sent.

    The rows are claimed under a lock first, so two workers never send the same notification.
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
        send_mail(subject, body, None, [recipient.email])
    return len(pending)


def send_digests() -> dict:
    """One email per person who wants a daily digest, with everything not yet emailed; none if empty."""
    daily = Preference.objects.filter(email=Frequency.DAILY).values_list("user_id", flat=True)
    pending = Notification.objects.filter(recipient_id__in=daily, emailed_at__isnull=True).values_list(
        "recipient_id", "pk"
    )
    by_person: dict[int, list[int]] = {}
    for user_id, pk in pending:
        by_person.setdefault(user_id, []).append(pk)
    sent = sum(1 for ids in by_person.values() if email(notification_ids=ids))
    return {"people": sent, "notifications": sum(len(ids) for ids in by_person.values())}
