"""Events that modules publish once their transaction commits; notifications subscribes to them.

A module calls ``publish("gate_decided", decision_id=…)`` inside its action; the subscriber (the
notifications app, in its ``ready()``) hears of it only after the commit, so a rolled-back write
tells no one. Which events exist, and who hears of them, is declared in ``core.registry``.
"""

import threading
from collections.abc import Callable
from contextlib import contextmanager

from django.db import transaction

from . import registry

_state = threading.local()
_subscribers: list[Callable[[str, dict], None]] = []


def subscribe(function: Callable[[str, dict], None]) -> None:
    if function not in _subscribers:
        _subscribers.append(function)


def publish(name: str, **ids) -> None:
    registry.event(name)  # an unknown event is a programming error, found at once
    if getattr(_state, "muted", False):
        return
    for function in _subscribers:
        transaction.on_commit(lambda function=function: function(name, ids))


@contextmanager
def muted():
    """No events for writes inside (loading the demo, imports of history)."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous
