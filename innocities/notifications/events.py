"""Events become notifications: once the writing transaction has committed, a background task
works out who should hear of it and tells them (in the app, and by email as each prefers)."""

import threading
from contextlib import contextmanager

from django.db import transaction

_state = threading.local()


def notify_after_commit(event: str, **ids) -> None:
    if getattr(_state, "muted", False):
        return
    from .tasks import deliver_event

    transaction.on_commit(lambda: deliver_event.enqueue(event, ids))


@contextmanager
def muted():
    """No notifications for writes inside (loading the demo, imports of history)."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous
