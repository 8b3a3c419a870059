from django.core.management import BaseCommand

from innocities.demo.loader import DEMO_PASSWORD, PERSONAS, load_demo
from innocities.organisations.actions import import_municipalities
from innocities.programmes.actions import load_shipped_methods


class Command(BaseCommand):
    help = "Load the demo organisations, people, programmes and projects (once) and print the demo logins."

    def handle(self, *args, **options):
        import_municipalities()
        load_shipped_methods()
        result = load_demo()
        if result["created"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo data loaded: {result['organisations']} organisations, "
                    f"{result['programmes']} programmes, {result['projects']} projects, "
                    f"{result['challenges']} challenges, {result['ideas']} ideas, "
                    f"{result['gate_decisions']} gate decisions, {result['people']} people."
                )
            )
        else:
            self.stdout.write("Demo data already loaded.")
        self._print_logins()

    def _print_logins(self):
        rows = [("Email", "Password", "Who")] + [
            (email, DEMO_PASSWORD, f"{name} — {who}") for email, name, who in PERSONAS
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write("Demo logins:")
        for n, (email, password, who) in enumerate(rows):
            self.stdout.write(f"  {email.ljust(widths[0])}  {password.ljust(widths[1])}  {who}")
            if n == 0:
                self.stdout.write(f"  {'-' * widths[0]}  {'-' * widths[1]}  {'-' * widths[2]}")
