from django.core.management import BaseCommand

from innocities.notifications.delivery import send_digests


class Command(BaseCommand):
    help = "Email the daily digest to everyone who chose it and has something new (run once a day)."

    def handle(self, *args, **options):
        result = send_digests()
        self.stdout.write(
            f"{result['people']} digests sent, {result['notifications']} notifications in them."
        )
