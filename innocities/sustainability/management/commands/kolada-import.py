from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from innocities.organisations.models import Organisation, OrganisationKind
from innocities.sustainability.kolada import MUNICIPALITY_ID, import_kpi, parse_years

KOLADA_KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.REGION)


def _organisation(code: str, slug: str | None) -> Organisation:
    """The municipality or region itself, never a port or energy company that shares its official code."""
    candidates = Organisation.objects.filter(country="SE", kind__in=KOLADA_KINDS)
    if slug:
        organisation = candidates.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"No Swedish municipality or region has the short name {slug}.")
        return organisation
    if code.startswith("G"):
        raise CommandError(
            "A municipality group has no organisation of its own: name one with --organisation."
        )
    codes = [code, code[2:]] if code.startswith("00") else [code]  # Kolada writes region 01 as 0001
    kind = OrganisationKind.REGION if code.startswith("00") else OrganisationKind.MUNICIPALITY
    organisation = candidates.filter(kind=kind, official_code__in=codes).order_by("pk").first()
    if organisation is None:
        raise CommandError(f"No Swedish {kind.label.lower()} has the code {code}.")
    return organisation


class Command(BaseCommand):
    help = "Read a Kolada KPI for a Swedish municipality or region into measurements (Källa: Kolada)."

    def add_arguments(self, parser):
        parser.add_argument("--kpi", required=True, help="Kolada KPI id, e.g. N00945")
        parser.add_argument(
            "--municipality",
            required=True,
            help="Kolada id: a municipality (0484), a region (0001) or a municipality group (G and digits)",
        )
        parser.add_argument("--years", required=True, help="A range such as 2019-2024, or 2019,2021")
        parser.add_argument(
            "--organisation", help="Short name of the organisation to store into (needed for a group)"
        )

    def handle(self, *args, kpi, municipality, years, organisation=None, **options):
        municipality = municipality.strip()
        if not MUNICIPALITY_ID.fullmatch(municipality):
            raise CommandError(
                f"{municipality!r} is not a Kolada municipality (0484), region (0001) or group (G123) id."
            )
        target = _organisation(municipality, organisation)
        try:
            count = import_kpi(
                organisation=target, kpi=kpi.strip(), municipality=municipality, years=parse_years(years)
            )
        except ValueError as error:
            raise CommandError(
                f"Give the years as a range such as 2019-2024, or 2019,2021 (not {years!r})."
            ) from error
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"{count} values of {kpi} stored for {target} (Källa: Kolada).")
