"""Notifications' background work: every task here is safe to run twice and retried when a fault passes."""

from django.db import transaction

from innocities.core.tasks import enqueue, retried_task

from . import delivery


@retried_task
def deliver_event(event: str, ids: dict) -> int:
    """The event's notifications in the app; each email that goes at once is a task of its own, queued in
    the same transaction (should it fail midway, a retry finds nothing half done)."""
    with transaction.atomic():
        created = delivery.deliver(event, ids)
        for pk in delivery.to_email_now(created):
            enqueue(email_notifications, notification_ids=[pk])
    return len(created)


@retried_task
def email_notifications(notification_ids: list[int]) -> int:
    """Email one person these notifications (a mail server that is away is tried again later)."""
    return delivery.email(notification_ids=notification_ids)


def _queue_email(notification_ids: list[int]) -> bool:
    enqueue(email_notifications, notification_ids=notification_ids)
    return True


@retried_task
def send_digests() -> dict:
    return delivery.send_digests(send=_queue_email)
