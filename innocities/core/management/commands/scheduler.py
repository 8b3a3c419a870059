"""`innocities scheduler`: queue each daily job once a day, however many servers run a scheduler.

Every minute it looks at the daily jobs (``registry.Daily``: digests at DIGEST_HOUR, open data at
OPEN_DATA_HOUR). A job whose hour has come today is queued by whichever scheduler first records the day in
``ScheduledRun`` (a unique row, in the same transaction as the task it queues); the others find the row and
do nothing. A scheduler restarted after the hour, or down over it, queues the day's job when it comes
back. A database that is away is waited for.
"""

import logging
import time
from datetime import datetime

from django.core.management import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from innocities.core import registry, tasks
from innocities.core.models import ScheduledRun

logger = logging.getLogger("innocities.tasks")
EVERY = 60  # seconds


def due(now: datetime) -> list[registry.Daily]:
    """The daily jobs whose hour has come today (local time) and that nobody has queued today."""
    today = now.date()
    done = set(ScheduledRun.objects.filter(day=today).values_list("key", flat=True))
    return [job for job in registry.daily() if now.hour >= job.hour() and job.key not in done]


def run_due(now: datetime | None = None) -> list[str]:
    """Queue what is due; returns the keys this scheduler queued."""
    now = now or timezone.localtime()
    queued = []
    for job in due(now):
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(key=job.key, day=now.date())
                job.enqueue()
        except IntegrityError:
            continue  # another server's scheduler queued it a moment ago
        queued.append(job.key)
    return queued


class Command(BaseCommand):
    help = "Queue each daily job once a day at its hour (digests, open data), across all servers."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="queue what is due now, then stop")

    def handle(self, *args, once=False, **options):
        while True:
            try:
                for key in run_due():
                    logger.info("%s queued", key)
            except tasks.DATABASE_AWAY as error:
                logger.warning("scheduler: database unavailable (%s); trying again", str(error).strip())
                tasks.drop_connections()
            if once:
                return
            time.sleep(EVERY)
