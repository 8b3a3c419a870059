import time
from datetime import datetime, timedelta

from django.core.management import BaseCommand
from django.utils import timezone

from innocities.core.settings_values import digest_hour
from innocities.notifications.tasks import send_digests


class Command(BaseCommand):
    help = "Queue the daily digest every day at DIGEST_HOUR local time (run by `innocities serve`)."

    def handle(self, *args, **options):
        while True:
            now = timezone.localtime()
            due = now.replace(hour=digest_hour(), minute=0, second=0, microsecond=0)
            if due <= now:
                due += timedelta(days=1)
            time.sleep(max(1.0, (due - now).total_seconds()))
            send_digests.enqueue()
            self.stdout.write(f"{datetime.now():%Y-%m-%d %H:%M} daily digests queued")
