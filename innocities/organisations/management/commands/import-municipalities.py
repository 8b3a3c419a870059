from django.core.management import BaseCommand

from innocities.organisations.actions import import_municipalities


class Command(BaseCommand):
    help = "Load the official municipality lists of SE, NO, DK and FI (valid 2024); existing rows stay."

    def add_arguments(self, parser):
        parser.add_argument("--country", action="append", choices=["SE", "NO", "DK", "FI"])

    def handle(self, *args, country=None, **options):
        added = import_municipalities(countries=country or ("SE", "NO", "DK", "FI"))
        self.stdout.write(f"{added} municipalities added.")
