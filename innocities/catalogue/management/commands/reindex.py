from django.core.management import BaseCommand

from innocities.catalogue import index


class Command(BaseCommand):
    help = "Rebuild the search index from the objects (after a bulk load or a restore)."

    def add_arguments(self, parser):
        parser.add_argument(
            "kinds", nargs="*", help="Only these kinds (project, challenge, idea, organisation)."
        )

    def handle(self, *args, kinds, **options):
        counts = index.reindex(kinds or None)
        self.stdout.write(", ".join(f"{n:,} {kind}" for kind, n in counts.items()))
