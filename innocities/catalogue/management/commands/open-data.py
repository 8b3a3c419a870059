from django.core.management import BaseCommand

from innocities.catalogue import opendata


class Command(BaseCommand):
    help = "Make the open data files (CSV, JSON) now; the scheduler does it every night at OPEN_DATA_HOUR."

    def handle(self, *args, **options):
        counts = opendata.generate()
        self.stdout.write(", ".join(f"{key}: {n:,} rows" for key, n in counts.items()))
