"""Background work that survives faults: retries with growing pauses for transient failures.

The tasks run on django-tasks (the API Django 6 takes into core as ``django.tasks``) with the database
backend, so the embedded SQLite and PostgreSQL use the same queue. The backend has no retries of its own:
a task whose failure may pass (a mail server away, the database restarting) calls ``retry`` and is queued
again with the next pause; a task whose attempts are spent fails, and shows as failed in the metrics.
"""

import functools
import logging
import time
from datetime import timedelta

from django.core.cache import cache
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks import default_task_backend, task

from innocities.core import observability

logger = logging.getLogger("innocities.tasks")
HEARTBEAT_KEY = "tasks:worker-heartbeat"
HEARTBEAT_EVERY = 10  # seconds between a worker's heartbeats


def heartbeat() -> None:
    """A worker polls the queue: said in the shared cache, for /readyz and the metrics."""
    cache.set(HEARTBEAT_KEY, time.time(), 6 * HEARTBEAT_EVERY)


def worker_silent_for() -> float | None:
    """Seconds since a worker last polled the queue; None when no worker is needed (tasks run at once)
    — infinity when none has been heard of within the last minute."""
    if not default_task_backend.supports_defer:
        return None
    beat = cache.get(HEARTBEAT_KEY)
    return float("inf") if beat is None else max(0.0, time.time() - beat)


# seconds before attempt 2, 3, ...: about a day in all before a task is given up
RETRY_DELAYS = (30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600)
TRANSIENT = (OSError, OperationalError, InterfaceError)  # smtplib.SMTPException is an OSError


DATABASE_AWAY = (OperationalError, InterfaceError)


def drop_connections() -> None:
    """After the database went away: close every connection, so the next query opens a new one."""
    for connection in connections.all():
        try:
            connection.close()
        except DATABASE_AWAY:
            pass  # a dead connection may refuse to close; it is dropped all the same


def retried_task(function):
    """``@task()`` whose transient failures are tried again later, up to ``len(RETRY_DELAYS)`` times.

    A task made so must be safe to run twice (each of ours claims its rows or writes idempotently)."""

    @functools.wraps(function)
    def run(*args, attempt: int = 1, request_id: str | None = None, **kwargs):
        with observability.request_id_bound(request_id):  # the log lines of the request that queued it
            try:
                return function(*args, **kwargs)
            except TRANSIENT as error:
                if retry(queued, attempt, error, *args, request_id=request_id, **kwargs):
                    return None
                raise

    queued = task()(run)
    return queued


def enqueue(queued, *args, **kwargs):
    """Queue a task made with ``retried_task``, carrying the id of the request (or task) queueing it."""
    return queued.enqueue(*args, request_id=observability.current_request_id(), **kwargs)


def retry(queued, attempt: int, error: BaseException, *args, **kwargs) -> bool:
    """Queue the task again after the pause for ``attempt``; False when its attempts are spent (or the
    backend runs tasks at once, as in tests, where a pause cannot be kept)."""
    if attempt > len(RETRY_DELAYS) or not queued.get_backend().supports_defer:
        logger.error("%s failed for good after %s attempts: %s", queued.name, attempt, error)
        return False
    delay = RETRY_DELAYS[attempt - 1]
    later = queued.using(run_after=timezone.now() + timedelta(seconds=delay))
    later.enqueue(*args, attempt=attempt + 1, **kwargs)
    logger.warning("%s failed (attempt %s: %s); tried again in %s s", queued.name, attempt, error, delay)
    return True


@retried_task
def prune_task_results() -> None:
    """Finished tasks' results go after two weeks, failed ones after 90 days (the metrics count those)."""
    call_command("prune_db_task_results", min_age_days=14, failed_min_age_days=90, verbosity=0)
