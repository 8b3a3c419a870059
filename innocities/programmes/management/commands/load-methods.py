from django.core.management import BaseCommand

from innocities.programmes.actions import load_shipped_methods


class Command(BaseCommand):
    help = "Load the shipped innovation methods (InnoCities, Innovationsguiden); loaded versions stay."

    def handle(self, *args, **options):
        for method in load_shipped_methods():
            self.stdout.write(f"{method}: {method.phases.count()} phases, {method.gates.count()} gates")
