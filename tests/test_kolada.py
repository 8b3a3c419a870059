"""Kolada API v3 through a fake transport: the client's own code runs, only the network is replaced.

Responses are built in the API's documented shape: {"count", "values": [{"kpi", "municipality", "period",
"values": [{"gender", "status", "value", "isdeleted"?}]}], "next_url"}.
"""

import io
import json
import urllib.error
from decimal import Decimal
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from innocities.organisations.models import Organisation
from innocities.sustainability import actions, kolada

DATA = Path(__file__).parent / "data"


def row(kpi, municipality, year, value, *, deleted=None, gender="T"):
    entry = {"gender": gender, "status": "", "value": value, "count": 1}
    if deleted is not None:
        entry["isdeleted"] = deleted
    return {"kpi": kpi, "municipality": municipality, "period": year, "values": [entry]}


def page(rows, next_url=None):
    body = {"count": len(rows), "values": rows}
    if next_url:
        body["next_url"] = next_url
    return json.dumps(body).encode()


def http_error(code, retry_after=None):
    headers = Message()
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    return urllib.error.HTTPError("https://api.kolada.se/v3/data", code, "error", headers, io.BytesIO(b""))


class FakeKolada:
    """Answers each request with the next scripted answer (bytes, or an exception to raise), or with
    values made from the request's own path when ``echo`` is set; remembers every URL asked for."""

    def __init__(self, *answers, echo=None):
        self.answers = list(answers)
        self.echo = echo
        self.urls = []

    def __call__(self, url, timeout):
        self.urls.append(url)
        if self.echo is not None:
            return io.BytesIO(page(self.echo(url)))
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return io.BytesIO(answer)


def segments(url):
    parts = urlsplit(url).path.split("/")
    return {"kpi": parts[4].split(","), "municipality": parts[6].split(","), "year": parts[8].split(",")}


def every_combination(url):
    s = segments(url)
    return [row(k, m, int(y), int(y) - 1900) for k in s["kpi"] for m in s["municipality"] for y in s["year"]]


@pytest.fixture
def vab(world):
    world.eskilstuna.official_code = "0484"
    world.eskilstuna.save()
    return actions.save_indicator(
        organisation=world.eskilstuna,
        actor=None,
        kind="kolada",
        code="N00945",
        name="Andel dagar med tillfällig föräldrapenning (VAB) som tas ut av män",
        unit="%",
        direction="higher",
        dimension="social",
    )


def test_kolada_import_follows_pages_and_marks_the_source(world, vab):
    opener = FakeKolada((DATA / "kolada_page1.json").read_bytes(), (DATA / "kolada_page2.json").read_bytes())
    count = kolada.import_kpi(
        organisation=world.eskilstuna,
        kpi="N00945",
        municipality="0484",
        years=kolada.parse_years("2019-2024"),
        opener=opener,
    )
    assert count == 4  # 2021 has no value and 2024 no total
    assert len(opener.urls) == 2 and "/v3/data/kpi/N00945/municipality/0484/year/2019," in opener.urls[0]
    assert list(vab.measurements.values_list("year", "value", "source")) == [
        (2019, Decimal("12.3"), "Källa: Kolada"),
        (2020, Decimal("12.9"), "Källa: Kolada"),
        (2022, Decimal("13.4"), "Källa: Kolada"),
        (2023, Decimal("14.1"), "Källa: Kolada"),
    ]


def test_years_1990_to_2024_are_asked_in_batches_of_25(world, vab):
    opener = FakeKolada(echo=every_combination)
    count = kolada.import_kpi(
        organisation=world.eskilstuna,
        kpi="N00945",
        municipality="0484",
        years=kolada.parse_years("1990-2024"),
        opener=opener,
    )
    assert [len(segments(url)["year"]) for url in opener.urls] == [25, 10]
    assert count == 35 and vab.measurements.count() == 35
    assert all(url.startswith("https://api.kolada.se/v3/data/kpi/N00945/") for url in opener.urls)


def test_many_kpis_and_municipalities_are_batched_by_25_too(db):
    municipalities = [f"{n:04d}" for n in range(480, 510)]
    kpis = [f"N{n:05d}" for n in range(900, 927)]
    opener = FakeKolada(echo=every_combination)
    values = kolada.fetch_values(kpis=kpis, municipalities=municipalities, years=[2023, 2024], opener=opener)
    assert len(opener.urls) == 4  # 27 KPIs in 25 + 2, 30 municipalities in 25 + 5
    assert all(len(s) <= 25 for url in opener.urls for s in segments(url).values())
    assert len(values) == 27 * 30 * 2


def test_values_marked_deleted_are_skipped(db):
    opener = FakeKolada(
        page(
            [
                row("N00945", "0484", 2022, 13.4, deleted=True),
                row("N00945", "0484", 2023, 14.1, deleted=False),
                {**row("N00945", "0484", 2024, 15.0), "isdeleted": True},
            ]
        )
    )
    rows = kolada.fetch(kpi="N00945", municipality="0484", years=[2022, 2023, 2024], opener=opener)
    assert rows == [(2023, Decimal("14.1"))]


def test_too_many_requests_is_retried_honouring_retry_after(db):
    waited = []
    opener = FakeKolada(http_error(429, retry_after="7"), page([row("N00945", "0484", 2024, 15.0)]))
    rows = kolada.fetch(kpi="N00945", municipality="0484", years=[2024], opener=opener, sleep=waited.append)
    assert rows == [(2024, Decimal("15.0"))] and waited == [7.0]


def test_server_errors_are_retried_a_bounded_number_of_times(db):
    waited = []
    opener = FakeKolada(*[http_error(503)] * 10)
    with pytest.raises(ValidationError) as error:
        kolada.fetch(kpi="N00945", municipality="0484", years=[2024], opener=opener, sleep=waited.append)
    assert len(opener.urls) == kolada.MAX_TRIES and waited == [1.0, 2.0, 4.0]
    assert "HTTP 503" in error.value.messages[0] and "try again later" in error.value.messages[0]


def test_a_long_retry_after_is_capped(db):
    waited = []
    opener = FakeKolada(http_error(429, retry_after="86400"), page([]))
    kolada.fetch(kpi="N00945", municipality="0484", years=[2024], opener=opener, sleep=waited.append)
    assert waited == [kolada.MAX_WAIT]


def test_unreachable_refused_and_not_json_have_three_clear_messages(db):
    messages = []
    for answer in (
        urllib.error.URLError("Name or service not known"),
        http_error(400),
        b"<html><body>Maintenance</body></html>",
    ):
        opener = FakeKolada(answer)
        with pytest.raises(ValidationError) as error:
            kolada.fetch(kpi="N00945", municipality="0484", years=[2024], opener=opener, sleep=pytest.fail)
        assert len(opener.urls) == 1  # none of these is retried
        messages.append(error.value.messages[0])
    unreachable, refused, not_json = messages
    assert "could not be reached" in unreachable and "Name or service not known" in unreachable
    assert "refused the request (HTTP 400)" in refused
    assert "not JSON" in not_json
    assert len(set(messages)) == 3


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/v3/data/kpi/N00945?page=2",
        "http://api.kolada.se/v3/data/kpi/N00945?page=2",
        "https://api.kolada.se.evil.example/v3/data/kpi/N00945?page=2",
        "https://api.kolada.se@evil.example/v3/data/kpi/N00945?page=2",
        "https://api.kolada.se/v2/data/kpi/N00945?page=2",
    ],
)
def test_a_next_url_off_the_api_host_is_refused(db, next_url):
    opener = FakeKolada(page([row("N00945", "0484", 2023, 14.1)], next_url=next_url), page([]))
    with pytest.raises(ValidationError) as error:
        kolada.fetch(kpi="N00945", municipality="0484", years=[2023], opener=opener)
    assert "the import was stopped" in error.value.messages[0]
    assert len(opener.urls) == 1  # the other address is never asked


@pytest.mark.parametrize("place", ["0484", "0001", "0013", "G124", "G33820"])
def test_municipality_region_and_group_ids_are_accepted(db, place):
    opener = FakeKolada(page([row("N00945", place, 2024, 40.2)]))
    assert kolada.fetch(kpi="N00945", municipality=place, years=[2024], opener=opener) == [
        (2024, Decimal("40.2"))
    ]
    assert f"/municipality/{place}/" in opener.urls[0]


@pytest.mark.parametrize(
    "kpi,place",
    [("N0094", "0484"), ("N00945/../x", "0484"), ("N00945", "484"), ("N00945", "G"), ("N00945", "0484,0180")],
)
def test_malformed_ids_are_refused_before_any_request(db, kpi, place):
    opener = FakeKolada()
    with pytest.raises(ValidationError):
        kolada.fetch(kpi=kpi, municipality=place, years=[2024], opener=opener)
    assert opener.urls == []


def test_import_goes_into_the_municipality_not_a_company_sharing_its_code(world, vab, monkeypatch):
    # Its name sorts before the municipality's, so a look-up by code alone finds the company first.
    energy = Organisation.objects.create(
        name="Energibolaget i Eskilstuna", slug="eem", kind="energy", country="SE", official_code="0484"
    )
    company_indicator = actions.save_indicator(
        organisation=energy,
        actor=None,
        kind="kolada",
        code="N00945",
        name="Andel",
        unit="%",
        direction="higher",
        dimension="social",
    )
    monkeypatch.setattr(kolada, "default_opener", FakeKolada(echo=every_combination))
    call_command("kolada-import", kpi="N00945", municipality="0484", years="2022-2023")
    assert list(vab.measurements.values_list("year", flat=True)) == [2022, 2023]
    assert not company_indicator.measurements.exists()
    with pytest.raises(ValidationError) as error:
        kolada.import_kpi(
            organisation=energy, kpi="N00945", municipality="0484", years=[2023], opener=FakeKolada()
        )
    assert "municipalities and regions" in error.value.messages[0]


def test_a_region_is_imported_under_its_kolada_id(db, monkeypatch):
    region = Organisation.objects.create(
        name="Region Stockholm", slug="region-stockholm", kind="region", country="SE", official_code="01"
    )
    indicator = actions.save_indicator(
        organisation=region,
        actor=None,
        kind="kolada",
        code="N00945",
        name="Andel",
        unit="%",
        direction="higher",
        dimension="social",
    )
    opener = FakeKolada(echo=every_combination)
    monkeypatch.setattr(kolada, "default_opener", opener)
    call_command("kolada-import", kpi="N00945", municipality="0001", years="2024")
    assert "/municipality/0001/year/2024" in opener.urls[0]
    assert indicator.measurements.get().value == Decimal("124")
    with pytest.raises(CommandError) as error:
        call_command("kolada-import", kpi="N00945", municipality="G124", years="2024")
    assert "--organisation" in str(error.value)
    call_command(
        "kolada-import", kpi="N00945", municipality="G124", years="2023", organisation="region-stockholm"
    )
    assert indicator.measurements.count() == 2


def test_kolada_offline_gives_a_clear_error(world, vab, monkeypatch):
    def offline(url, timeout):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(kolada, "default_opener", offline)
    with pytest.raises(CommandError) as error:
        call_command("kolada-import", kpi="N00945", municipality="0484", years="2019-2024")
    assert "Kolada could not be reached" in str(error.value)
    assert not vab.measurements.exists()


def test_bad_years_are_a_clear_command_error(world, vab):
    with pytest.raises(CommandError) as error:
        call_command("kolada-import", kpi="N00945", municipality="0484", years="2024-2019")
    assert "2019-2024" in str(error.value)


def test_the_default_transport_does_not_follow_redirects():
    handler = kolada._NoRedirect()
    assert handler.redirect_request(None, None, 302, "Found", {}, "https://evil.example/") is None
