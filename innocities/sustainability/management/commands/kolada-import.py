from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from innocities.organisations.models import Organisation
from innocities.sustainability.kolada import import_kpi, parse_years


class Command(BaseCommand):
    help = "Read a Kolada KPI for a Swedish municipality into measurements (Källa: Kolada)."

    def add_arguments(self, parser):
        parser.add_argument("--kpi", required=True, help="Kolada KPI id, e.g. N00945")
        parser.add_argument("--municipality", required=True, help="Municipality code, e.g. 0484")
        parser.add_argument("--years", required=True, help="A range such as 2019-2024, or 2019,2021")

    def handle(self, *args, kpi, municipality, years, **options):
        organisation = Organisation.objects.filter(country="SE", official_code=municipality).first()
        if organisation is None:
            raise CommandError(f"No Swedish organisation has the municipality code {municipality}.")
        try:
            count = import_kpi(
                organisation=organisation, kpi=kpi, municipality=municipality, years=parse_years(years)
            )
        except (ValidationError, ValueError) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from error
        self.stdout.write(f"{count} values of {kpi} stored for {organisation} (Källa: Kolada).")
