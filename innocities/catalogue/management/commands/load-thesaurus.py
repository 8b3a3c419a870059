from django.core.management import BaseCommand

from innocities.catalogue import thesaurus


class Command(BaseCommand):
    help = "Add the shipped thesaurus's concepts that are not there yet (staff edits are kept)."

    def handle(self, *args, **options):
        concepts, terms = thesaurus.load()
        self.stdout.write(f"Added {concepts} concepts with {terms} terms.")
