"""Dashboards' heavy reads on a read replica (optional): set ``DATABASE_REPLICA_URL`` to a streaming
replica of the primary and the dashboards, reports and their downloads read from it, so a chief
executive's board never slows the people who are writing. Everything else, and every write, uses the
primary. Without the setting, nothing changes.

A view opts in with ``@reads_from_replica``; inside it, the router sends reads to the ``replica`` alias.
The replica lags the primary by the replication delay (normally well under a second): fine for figures
over months, never used for a page that shows what the person has just saved.
"""

import contextvars
import functools

from django.conf import settings

REPLICA = "replica"
_reading = contextvars.ContextVar("reading_from_replica", default=False)


def reads_from_replica(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        token = _reading.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            _reading.reset(token)

    return wrapped


class ReplicaRouter:
    """Reads inside a ``reads_from_replica`` view go to the replica; writes and migrations never do."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reading.get() and settings.READ_FROM_REPLICA else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
