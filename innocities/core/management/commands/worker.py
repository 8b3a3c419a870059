"""`innocities worker`: django-tasks-db's worker, kept alive through database restarts.

The library's worker stops at the first database error it cannot explain (PostgreSQL restarting, a
failover, a network blip), and a task it was running stays marked RUNNING for ever. This command runs the
same worker and, when the database goes away, waits with growing pauses (0.5 s up to 2 s) until it answers
again, puts the tasks this worker had claimed back in the queue (every task here is safe to run twice), and
carries on. A task claimed by a worker that died without a word (killed, its machine gone) goes back to
the queue once it has been running longer than ``TASK_LEASE`` seconds. While it polls, the worker writes a
heartbeat to the shared cache, which /readyz and the metrics read.
"""

import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from innocities.core import tasks

logger = logging.getLogger("innocities.tasks")


def requeue(*, worker_id: str | None = None, older_than: timedelta | None = None) -> int:
    """Put RUNNING tasks back in the queue: this worker's (``worker_id``), or anyone's that have run for
    longer than ``older_than``. Returns how many."""
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    if older_than is not None:
        running = running.filter(started_at__lt=timezone.now() - older_than)
    ids = [
        pk for pk, workers in running.values_list("pk", "worker_ids") if worker_id in (None, *workers[-1:])
    ]
    return DBTaskResult.objects.filter(pk__in=ids, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


class Worker(db_worker.Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.database_ok = True

    def beat(self) -> None:
        while True:
            if self.database_ok:
                try:
                    tasks.heartbeat()
                except Exception as error:  # noqa: BLE001 - the cache away must not stop the work
                    logger.warning("worker heartbeat not written: %s", error)
            time.sleep(tasks.HEARTBEAT_EVERY)

    def run(self) -> None:
        threading.Thread(target=self.beat, daemon=True, name="heartbeat").start()
        pause = 0.5
        while self.running:
            try:
                back = requeue(worker_id=self.worker_id) + requeue(
                    older_than=timedelta(seconds=settings.TASK_LEASE)
                )
                if back:
                    logger.warning("%s unfinished task(s) put back in the queue", back)
                if not self.database_ok:
                    logger.warning("database answers again: the worker carries on")
                self.database_ok, pause = True, 0.5
                super().run()
                return
            except tasks.DATABASE_AWAY as error:
                if self.database_ok:
                    logger.warning("database unavailable (%s): the worker waits for it", str(error).strip())
                self.database_ok = False
                tasks.drop_connections()
                time.sleep(pause)
                pause = min(pause * 2, 2.0)


class Command(db_worker.Command):
    help = "Work the task queue (notifications, emails, open data); survives database restarts."

    def handle(self, *args, **options):
        self.configure_logging(options["verbosity"])
        queue_names = options["queue_name"].split(",")
        worker = Worker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=options["exclude_queues"].split(",") if options["exclude_queues"] else [],
        )
        worker.configure_signals()
        worker.run()
