"""Events become notifications: once the writing transaction has committed, a background task
works out who should hear of it and tells them (in the app, and by email as each prefers)."""

from django.db import transaction


def notify_after_commit(event: str, **ids) -> None:
    from .tasks import deliver_event

    transaction.on_commit(lambda: deliver_event.enqueue(event, ids))
