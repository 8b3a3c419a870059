"""Reading Kolada (API v3) into measurements, page by page. Values are stored with "Källa: Kolada"."""

import json
import urllib.error
import urllib.request
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

API = "https://api.kolada.se/v3"
SOURCE = "Källa: Kolada"
MAX_PAGES = 50


def _get(url: str, opener) -> dict:
    with opener(url, timeout=20) as response:
        return json.loads(response.read().decode("utf-8"))


def fetch(
    *, kpi: str, municipality: str, years: list[int], opener=urllib.request.urlopen
) -> list[tuple[int, Decimal]]:
    """(year, total value) for a KPI in a municipality, following the API's pages."""
    url = f"{API}/data/kpi/{kpi}/municipality/{municipality}/year/{','.join(map(str, years))}?per_page=500"
    values: dict[int, Decimal] = {}
    for _page in range(MAX_PAGES):
        try:
            data = _get(url, opener)
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise ValidationError(
                _("Kolada could not be reached (%(reason)s). Check the network connection and try again.")
                % {"reason": getattr(error, "reason", error)}
            ) from error
        for row in data.get("values", []):
            total = next((v for v in row.get("values", []) if v.get("gender") == "T"), None)
            if total is not None and total.get("value") is not None:
                values[int(row["period"])] = Decimal(str(total["value"]))
        url = data.get("next_url") or data.get("next_page")
        if not url:
            break
    return sorted(values.items())


@transaction.atomic
def import_kpi(
    *, organisation, kpi: str, municipality: str, years: list[int], actor=None, opener=urllib.request.urlopen
) -> int:
    """Store a Kolada KPI's yearly values as measurements of the organisation's indicator for it."""
    from .actions import record_measurement
    from .models import IndicatorKind, TrackedIndicator

    indicator = TrackedIndicator.objects.filter(
        organisation=organisation, kind=IndicatorKind.KOLADA, code=kpi
    ).first()
    if indicator is None:
        raise ValidationError(_("Add the Kolada KPI %(kpi)s to the indicator library first.") % {"kpi": kpi})
    rows = fetch(kpi=kpi, municipality=municipality, years=years, opener=opener)
    for year, value in rows:
        record_measurement(indicator=indicator, year=year, value=value, source=SOURCE, actor=actor)
    return len(rows)


def parse_years(text: str) -> list[int]:
    if "-" in text:
        first, last = (int(part) for part in text.split("-", 1))
        return list(range(first, last + 1))
    return [int(part) for part in text.split(",")]
