import time
from datetime import datetime, timedelta

from django.core.management import BaseCommand
from django.utils import timezone

from innocities.core import registry


def next_runs(now) -> list[tuple[datetime, registry.Daily]]:
    """When each daily job is next due: today at its hour, or tomorrow once that hour has passed."""
    runs = []
    for job in registry.daily():
        due = now.replace(hour=job.hour(), minute=0, second=0, microsecond=0)
        runs.append((due if due > now else due + timedelta(days=1), job))
    return sorted(runs, key=lambda run: run[0])


class Command(BaseCommand):
    help = "Queue each daily job at its hour (digests at DIGEST_HOUR, open data at OPEN_DATA_HOUR)."

    def handle(self, *args, **options):
        while True:
            runs = next_runs(timezone.localtime())
            if not runs:
                return
            due = runs[0][0]
            time.sleep(max(1.0, (due - timezone.localtime()).total_seconds()))
            for when, job in runs:  # every job due at that hour, not only the first of them
                if when == due:
                    job.enqueue()
                    self.stdout.write(f"{datetime.now():%Y-%m-%d %H:%M} {job.key} queued")
