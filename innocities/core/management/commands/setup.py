from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = "Migrate, load reference data and (once) the demo, collect static files, print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo data.")

    def handle(self, *args, no_demo=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("import-municipalities", verbosity=0)
        call_command("load-methods", verbosity=0)
        from innocities.capability.actions import load_instrument
        from innocities.sustainability.catalogue import load_catalogue

        load_catalogue()
        load_instrument()
        call_command("collectstatic", interactive=False, verbosity=0)
        if not no_demo:
            call_command("load-demo")
