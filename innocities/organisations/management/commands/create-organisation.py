from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from innocities.organisations.actions import create_organisation
from innocities.organisations.models import Country, Municipality, OrganisationKind


class Command(BaseCommand):
    help = "Create an organisation and its first administrator (who sets a password by password reset)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--kind", choices=OrganisationKind.values, default="municipality")
        parser.add_argument("--country", choices=Country.values, required=True)
        parser.add_argument("--code", help="Official municipality code, e.g. 0484 or 3101.")
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-name", required=True)

    def handle(self, *args, name, kind, country, code, admin_email, admin_name, **options):
        municipality = None
        if code:
            municipality = (
                Municipality.objects.filter(country=country, code=code).order_by("-valid_from").first()
            )
            if municipality is None:
                raise CommandError(f"No municipality {code} in {country}; run import-municipalities first.")
        try:
            organisation = create_organisation(
                name=name,
                kind=kind,
                country=country,
                municipality=municipality,
                actor=None,
                admin_email=admin_email,
                admin_name=admin_name,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"Created {organisation} ({organisation.slug}); administrator {admin_email}.")
