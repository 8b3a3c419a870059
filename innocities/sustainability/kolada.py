"""Reading Kolada (API v3) into measurements. Values are stored with "Källa: Kolada".

The API takes at most 25 ids in each path segment (KPIs, municipalities, years), so requests are cut into
batches of 25. Pages are followed through ``next_url``, but only on the API's own host: a next page
anywhere else is refused. HTTP 429 and 5xx answers are retried a bounded number of times, honouring
``Retry-After``; every other failure ends in one of three clear messages (not reachable, refused, not
JSON). Values marked ``isdeleted`` are skipped.
"""

import email.utils
import itertools
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innocities.organisations.models import OrganisationKind

from .actions import record_measurement
from .models import IndicatorKind, TrackedIndicator

API = "https://api.kolada.se/v3"
HOST = "api.kolada.se"
SOURCE = "Källa: Kolada"
BATCH = 25  # ids per path segment the API accepts
MAX_PAGES = 50  # per batch
MAX_TRIES = 4  # per request, for 429 and 5xx
MAX_WAIT = 60  # seconds; a longer Retry-After is capped
MAX_BYTES = 20 * 1024 * 1024
KPI_ID = re.compile(r"[A-Z]\d{5}")
# A municipality (0484), a region (00LL, e.g. 0001) or a municipality group (G followed by digits).
MUNICIPALITY_ID = re.compile(r"\d{4}|G\d{1,8}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects would leave the pinned host unchecked: a 3xx ends as an HTTPError instead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


default_opener = urllib.request.build_opener(_NoRedirect).open


def batches(items: list, size: int = BATCH) -> list[list]:
    iterator = iter(items)
    return [list(chunk) for chunk in iter(lambda: list(itertools.islice(iterator, size)), [])]


def _pinned(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or parts.hostname != HOST or parts.port not in (None, 443):
        raise ValidationError(
            _("Kolada sent a next page on another address (%(url)s); the import was stopped.")
            % {"url": url[:120]}
        )
    if not parts.path.startswith("/v3/"):
        raise ValidationError(
            _("Kolada sent a next page outside its API (%(url)s); the import was stopped.")
            % {"url": url[:120]}
        )
    return url


def _retry_after(error: urllib.error.HTTPError, attempt: int) -> float:
    header = error.headers.get("Retry-After") if error.headers else None
    if header:
        header = header.strip()
        if header.isdigit():
            return min(float(header), MAX_WAIT)
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return min(max((when - datetime.now(UTC)).total_seconds(), 0), MAX_WAIT)
    return float(2**attempt)


def _get(url: str, opener, sleep) -> dict:
    """One page of JSON from the pinned host, retrying 429 and 5xx; three clear messages otherwise."""
    _pinned(url)
    for attempt in range(MAX_TRIES):
        try:
            with opener(url, timeout=20) as response:
                raw = response.read(MAX_BYTES + 1)
            break
        except urllib.error.HTTPError as error:
            retryable = error.code == 429 or error.code >= 500
            if retryable and attempt + 1 < MAX_TRIES:
                sleep(_retry_after(error, attempt))
                continue
            if retryable:
                raise ValidationError(
                    _(
                        "Kolada kept answering HTTP %(code)s after %(tries)s tries. "
                        "It is busy or has a fault; try again later."
                    )
                    % {"code": error.code, "tries": MAX_TRIES}
                ) from error
            raise ValidationError(
                _(
                    "Kolada refused the request (HTTP %(code)s). "
                    "Check the KPI, the municipality or region and the years."
                )
                % {"code": error.code}
            ) from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise ValidationError(
                _("Kolada could not be reached (%(reason)s). Check the network connection and try again.")
                % {"reason": getattr(error, "reason", error)}
            ) from error
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("Kolada answered with far more data than expected; ask for fewer years."))
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _not_json() from error
    if not isinstance(data, dict) or not isinstance(data.get("values", []), list):
        raise _not_json()
    return data


def _not_json() -> ValidationError:
    return ValidationError(
        _("Kolada answered with something that is not JSON; the API may have changed. Nothing was stored.")
    )


def _total(row: dict) -> Decimal | None:
    for value in row.get("values") or []:
        if not isinstance(value, dict) or value.get("gender") != "T" or value.get("isdeleted"):
            continue
        if value.get("value") is None:
            return None
        try:
            return Decimal(str(value["value"]))
        except ArithmeticError:
            return None
    return None


def check_ids(*, kpis: list[str], municipalities: list[str], years: list[int]) -> None:
    bad_kpis = [k for k in kpis if not KPI_ID.fullmatch(k)]
    if not kpis or bad_kpis:
        raise ValidationError(
            _("A Kolada KPI id is a letter and five digits, such as N00945: %(ids)s")
            % {"ids": ", ".join(bad_kpis)[:100]}
        )
    bad = [m for m in municipalities if not MUNICIPALITY_ID.fullmatch(m)]
    if not municipalities or bad:
        raise ValidationError(
            _(
                "Give a municipality (0484), a region (0001) or a municipality group (G followed by digits): "
                "%(ids)s"
            )
            % {"ids": ", ".join(bad)[:100]}
        )
    if not years or any(not 1900 <= year <= 2100 for year in years):
        raise ValidationError(_("Give years between 1900 and 2100, such as 2019-2024."))


def fetch_values(
    *, kpis: list[str], municipalities: list[str], years: list[int], opener=None, sleep=time.sleep
) -> dict[tuple[str, str, int], Decimal]:
    """{(kpi, municipality, year): total value} for every combination Kolada has a value for."""
    opener = opener or default_opener
    check_ids(kpis=kpis, municipalities=municipalities, years=years)
    values: dict[tuple[str, str, int], Decimal] = {}
    for kpi_batch, municipality_batch, year_batch in itertools.product(
        batches(kpis), batches(municipalities), batches(sorted(set(years)))
    ):
        url = (
            f"{API}/data/kpi/{','.join(kpi_batch)}/municipality/{','.join(municipality_batch)}"
            f"/year/{','.join(map(str, year_batch))}?per_page=5000"
        )
        for _page in range(MAX_PAGES):
            data = _get(url, opener, sleep)
            for row in data.get("values", []):
                if not isinstance(row, dict) or row.get("isdeleted"):
                    continue
                total = _total(row)
                try:
                    key = (str(row["kpi"]), str(row["municipality"]), int(row["period"]))
                except (KeyError, TypeError, ValueError):
                    continue
                if total is not None and total.is_finite():
                    values[key] = total
            url = data.get("next_url") or data.get("next_page")
            if not url:
                break
        else:
            raise ValidationError(
                _("Kolada sent more than %(n)s pages for one request; ask for fewer years.")
                % {"n": MAX_PAGES}
            )
    return values


def fetch(*, kpi: str, municipality: str, years: list[int], opener=None, sleep=time.sleep):
    """(year, total value) for one KPI in one municipality, region or group."""
    values = fetch_values(kpis=[kpi], municipalities=[municipality], years=years, opener=opener, sleep=sleep)
    return sorted((year, value) for (k, m, year), value in values.items() if k == kpi and m == municipality)


@transaction.atomic
def import_kpi(
    *, organisation, kpi: str, municipality: str, years: list[int], actor=None, opener=None, sleep=time.sleep
) -> int:
    """Store a Kolada KPI's yearly values as measurements of the organisation's indicator for it."""
    if organisation.kind not in (OrganisationKind.MUNICIPALITY, OrganisationKind.REGION):
        raise ValidationError(
            _("Kolada describes municipalities and regions; %(name)s is neither.")
            % {"name": organisation.name}
        )
    indicator = TrackedIndicator.objects.filter(
        organisation=organisation, kind=IndicatorKind.KOLADA, code=kpi
    ).first()
    if indicator is None:
        raise ValidationError(_("Add the Kolada KPI %(kpi)s to the indicator library first.") % {"kpi": kpi})
    rows = fetch(kpi=kpi, municipality=municipality, years=years, opener=opener, sleep=sleep)
    for year, value in rows:
        record_measurement(indicator=indicator, year=year, value=value, source=SOURCE, actor=actor)
    return len(rows)


def parse_years(text: str) -> list[int]:
    """'2019-2024' or '2019,2021'; raises ValueError on anything else."""
    text = text.strip()
    if "-" in text:
        first, last = (int(part) for part in text.split("-", 1))
        if last < first or last - first > 200:
            raise ValueError(text)
        return list(range(first, last + 1))
    return [int(part) for part in text.split(",")]
