from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from innocities.capability.actions import load_instrument
from innocities.catalogue import thesaurus
from innocities.sustainability.catalogue import load_catalogue


class Command(BaseCommand):
    help = (
        "Migrate, load reference data and (once) the demo, collect static files, print the demo logins. "
        "Under production settings the demo is loaded only with --demo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo data.")
        parser.add_argument(
            "--demo", action="store_true", help="Load the demo even under production settings (a test site)."
        )

    def handle(self, *args, no_demo=False, demo=False, **options):
        if demo and no_demo:
            raise CommandError("Choose --demo or --no-demo, not both.")
        production = getattr(settings, "PRODUCTION", False)
        if production and demo and not settings.DEMO_ALLOWED:
            raise CommandError(
                "The demo publishes its password; this production site refuses it. "
                "Set DEMO_ALLOWED=true for a test site that must carry the demo."
            )
        call_command("migrate", interactive=False, verbosity=0)
        call_command("import-municipalities", verbosity=0)
        call_command("load-methods", verbosity=0)
        load_catalogue()
        load_instrument()
        thesaurus.load()
        call_command("collectstatic", interactive=False, verbosity=0)
        if demo or not (no_demo or production):
            call_command("load-demo")
        elif production and not no_demo:
            self.stdout.write("Production settings: the demo was not loaded (pass --demo on a test site).")
        call_command("open-data", verbosity=0)  # then every night, queued by the scheduler
