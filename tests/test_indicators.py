"""Indicators: library, targets and progress bands, measurement import/export (hostile files too), Kolada."""

import io
import time
import urllib.error
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from innocities.sustainability import actions, indicators, kolada, spreadsheets
from innocities.sustainability.models import Measurement

DATA = Path(__file__).parent / "data"


@pytest.fixture
def water(world):
    return actions.save_indicator(
        organisation=world.halden,
        actor=world.coordinator,
        kind="own",
        code="VANN-1",
        name="Vanntap i ledningsnettet",
        unit="%",
        direction="lower",
        dimension="ecological",
    )


@pytest.mark.parametrize(
    "latest,band",
    [(20.4, "achieved"), (23, "on_track"), (26, "behind"), (28, "far_behind"), (31, "far_behind")],
)
def test_progress_bands_for_a_lower_is_better_indicator(world, water, latest, band):
    target = actions.set_target(
        indicator=water,
        actor=world.coordinator,
        baseline_value=30,
        baseline_year=2020,
        target_value=20,
        target_year=2030,
    )
    assert indicators.progress(target, Decimal(str(latest)))[1] == band


def test_progress_for_a_higher_is_better_indicator(world):
    share = actions.save_indicator(
        organisation=world.halden,
        actor=world.coordinator,
        kind="kolada",
        code="N00945",
        name="Andel",
        unit="%",
        direction="higher",
        dimension="social",
    )
    target = actions.set_target(
        indicator=share,
        actor=world.coordinator,
        baseline_value=10,
        baseline_year=2020,
        target_value=20,
        target_year=2030,
    )
    assert indicators.progress(target, Decimal("19.6")) == (96, "achieved", indicators.BANDS[0][2])
    assert indicators.progress(target, None) is None


def csv_file(text, encoding="utf-8"):
    return text.encode(encoding)


def test_a_good_csv_with_semicolons_bom_and_decimal_commas_imports(world, water):
    raw = "\ufeffindicator;year;value;source\nVANN-1;2022;28,5;Egen måling\nVANN-1;2023;26,1;Egen måling\n"
    count = spreadsheets.import_measurements(
        organisation=world.halden, raw=raw.encode("utf-8"), filename="m.csv", actor=world.coordinator
    )
    assert count == 2
    assert list(Measurement.objects.values_list("year", "value")) == [
        (2022, Decimal("28.5")),
        (2023, Decimal("26.1")),
    ]


def test_windows_1252_is_read(world, water):
    raw = "indicator,year,value,source\nVANN-1,2022,28.5,Måling ved Tistedal\n".encode("cp1252")
    spreadsheets.import_measurements(
        organisation=world.halden, raw=raw, filename="m.csv", actor=world.coordinator
    )
    assert Measurement.objects.get().source == "Måling ved Tistedal"


def test_one_bad_row_rejects_the_whole_file_and_names_the_row(world, water, login):
    raw = (
        b"indicator;year;value;source\nVANN-1;2021;29;x\nVANN-1;2022;mye;x\nVANN-9;2023;3;x\n"
        b"VANN-1;2024;25;x\n"
    )
    with pytest.raises(spreadsheets.ImportRefused) as refused:
        spreadsheets.import_measurements(
            organisation=world.halden, raw=raw, filename="m.csv", actor=world.coordinator
        )
    assert [row for row, _ in refused.value.errors] == [3, 4]
    assert not Measurement.objects.exists()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = login(world.coordinator).post(
        reverse("sustainability:import"), {"organisation": "halden", "file": SimpleUploadedFile("m.csv", raw)}
    )
    page = response.content.decode()
    assert response.status_code == 400 and "Row 3:" in page and "Row 4:" in page
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "raw,message",
    [
        (b"indicator;year;value;source\nVANN-1;2022;=1+1;x\n", "Formulas"),
        (b'indicator;year;value;source\nVANN-1;2022;3;=HYPERLINK("http://x")\n', "Formulas"),
        (b"indicator;year;value;source\nVANN-1;2022;3;" + b"x" * 5000 + b"\n", "longer than"),
        (b"indicator;year;value;source\nVANN-1;20x2;3;x\n", "year"),
        (b"ind;aar;verdi\n", "first row"),
        (b"indicator;year;value;source\nVANN-1;2022;3;x\nVANN-1;2022;4;x\n", "twice"),
        (b"indicator;year;value;source\nVANN-1;2022;NaN;x\n", "number"),
        (b"indicator;year;value;source\nVANN-1;2022;3;\x81\x8d\xff\xfe\n", "UTF-8 or Windows-1252"),
    ],
)
def test_hostile_or_broken_csv_is_refused(world, water, raw, message):
    with pytest.raises(spreadsheets.ImportRefused) as refused:
        spreadsheets.import_measurements(
            organisation=world.halden, raw=raw, filename="m.csv", actor=world.coordinator
        )
    assert message in " ".join(refused.value.messages)
    assert not Measurement.objects.exists()


def xlsx(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_good_xlsx_imports_and_formula_cells_are_refused(world, water):
    good = xlsx(
        [["indicator", "year", "value", "source"], ["VANN-1", 2022, 28.5, "Egen"], ["VANN-1", 2023, 26, ""]]
    )
    assert (
        spreadsheets.import_measurements(
            organisation=world.halden, raw=good, filename="m.xlsx", actor=world.coordinator
        )
        == 2
    )
    bad = xlsx([["indicator", "year", "value", "source"], ["VANN-1", 2024, "=A1*2", "x"]])
    with pytest.raises(spreadsheets.ImportRefused) as refused:
        spreadsheets.import_measurements(
            organisation=world.halden, raw=bad, filename="m.xlsx", actor=world.coordinator
        )
    assert "Formulas" in " ".join(refused.value.messages)


def test_a_broken_xlsx_and_a_zip_bomb_are_refused(world, water):
    with pytest.raises(spreadsheets.ImportRefused):
        spreadsheets.import_measurements(
            organisation=world.halden, raw=b"PK\x03\x04broken", filename="m.xlsx", actor=world.coordinator
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (150 * 1024 * 1024))
    started = time.monotonic()
    with pytest.raises(spreadsheets.ImportRefused) as refused:
        spreadsheets.import_measurements(
            organisation=world.halden, raw=buffer.getvalue(), filename="m.xlsx", actor=world.coordinator
        )
    assert "unpacks" in " ".join(refused.value.messages) and time.monotonic() - started < 5


def test_ten_thousand_rows_import_quickly(world, water):
    rows = "\n".join(f"VANN-{i % 50},{1900 + i // 50},{i % 97},Import" for i in range(10_000))
    for n in range(50):
        if n == 1:
            continue  # VANN-1 is the fixture's
        actions.save_indicator(
            organisation=world.halden,
            actor=world.coordinator,
            kind="own",
            code=f"VANN-{n}",
            name=f"I{n}",
            unit="%",
            direction="lower",
            dimension="ecological",
        )
    raw = ("indicator,year,value,source\n" + rows).encode()
    started = time.monotonic()
    count = spreadsheets.import_measurements(
        organisation=world.halden, raw=raw, filename="big.csv", actor=world.coordinator
    )
    elapsed = time.monotonic() - started
    assert count == 10_000 and Measurement.objects.count() == 10_000
    assert elapsed < 30, elapsed


def test_exports_are_safe_to_open_in_excel(world, water, login):
    actions.record_measurement(
        indicator=water,
        year=2022,
        value=Decimal("28.5"),
        source="=cmd|' /C calc'!A0",
        actor=world.coordinator,
    )
    client = login(world.coordinator)
    text = client.get(
        reverse("sustainability:export", args=["csv"]) + "?organisation=halden"
    ).content.decode()
    assert "'=cmd" in text and "28,5" in text
    data = client.get(reverse("sustainability:export", args=["xlsx"]) + "?organisation=halden").content
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["F2"].value.startswith("'=") and sheet["F2"].data_type == "s"
    assert (
        login(world.eskilstuna_coordinator)
        .get(reverse("sustainability:export", args=["csv"]) + "?organisation=halden")
        .content.decode()
        .count("VANN")
        == 0
    )


class Recorded:
    """Kolada answered from recorded responses, page by page; never the network."""

    def __init__(self, *pages):
        self.pages = [(DATA / page).read_bytes() for page in pages]
        self.urls = []

    def __call__(self, url, timeout):
        self.urls.append(url)
        return io.BytesIO(self.pages[len(self.urls) - 1])


def test_kolada_import_follows_pages_and_marks_the_source(world):
    world.eskilstuna.official_code = "0484"
    world.eskilstuna.save()
    indicator = actions.save_indicator(
        organisation=world.eskilstuna,
        actor=None,
        kind="kolada",
        code="N00945",
        name="Andel",
        unit="%",
        direction="higher",
        dimension="social",
    )
    opener = Recorded("kolada_page1.json", "kolada_page2.json")
    count = kolada.import_kpi(
        organisation=world.eskilstuna,
        kpi="N00945",
        municipality="0484",
        years=kolada.parse_years("2019-2024"),
        opener=opener,
    )
    assert count == 4  # 2021 has no value and 2024 no total
    assert len(opener.urls) == 2 and "/v3/data/kpi/N00945/municipality/0484/year/2019," in opener.urls[0]
    assert list(indicator.measurements.values_list("year", "value", "source")) == [
        (2019, Decimal("12.3"), "Källa: Kolada"),
        (2020, Decimal("12.9"), "Källa: Kolada"),
        (2022, Decimal("13.4"), "Källa: Kolada"),
        (2023, Decimal("14.1"), "Källa: Kolada"),
    ]


def test_kolada_offline_gives_a_clear_error(world, monkeypatch):
    world.eskilstuna.official_code = "0484"
    world.eskilstuna.save()
    actions.save_indicator(
        organisation=world.eskilstuna,
        actor=None,
        kind="kolada",
        code="N00945",
        name="Andel",
        unit="%",
        direction="higher",
        dimension="social",
    )

    def offline(url, timeout):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(kolada.urllib.request, "urlopen", offline)
    monkeypatch.setattr(
        kolada,
        "fetch",
        lambda **kw: (
            kolada.fetch.__wrapped__(**kw)
            if False
            else (_ for _ in ()).throw(ValidationError("Kolada could not be reached (offline)."))
        ),
    )
    with pytest.raises(CommandError) as error:
        call_command("kolada-import", kpi="N00945", municipality="0484", years="2019-2024")
    assert "Kolada could not be reached" in str(error.value)


def test_kolada_fetch_reports_a_network_failure(world):
    def offline(url, timeout):
        raise urllib.error.URLError("Name or service not known")

    with pytest.raises(ValidationError) as error:
        kolada.fetch(kpi="N00945", municipality="0484", years=[2024], opener=offline)
    assert "Kolada could not be reached" in str(error.value)


def test_indicator_pages_are_the_organisations_own(world, water, login):
    assert login(world.member).get(water.get_absolute_url()).status_code == 200
    assert login(world.eskilstuna_coordinator).get(water.get_absolute_url()).status_code == 404
    assert login(world.partner).get(water.get_absolute_url()).status_code == 404
    response = login(world.member).post(
        reverse("sustainability:indicator_add", args=[water.pk, "measurement"]), {"year": 2024, "value": "3"}
    )
    assert response.status_code == 403
    with pytest.raises(ValidationError):
        actions.save_indicator(
            organisation=world.halden,
            actor=None,
            kind="own",
            code="VANN-1",
            name="Dup",
            unit="%",
            direction="lower",
            dimension="ecological",
        )


def test_a_projects_expected_benefits_are_measured_after_implementation(world, water, login):
    client = login(world.lead)
    client.post(
        reverse("sustainability:project_outcome", args=[world.private.pk, "target"]),
        {
            "indicator": water.pk,
            "baseline_value": "30",
            "baseline_year": 2023,
            "target_value": "20",
            "target_year": 2026,
        },
    )
    target = world.private.indicator_targets.get()
    client.post(
        reverse("sustainability:project_outcome", args=[world.private.pk, "value"]),
        {"target": target.pk, "year": 2025, "value": "20,4".replace(",", "."), "source": "Målerdata"},
    )
    page = client.get(world.private.get_absolute_url()).content.decode()
    assert "Measured benefits" in page and "2025: 20.4" in page and "At least 95 %" in page
    other = actions.save_indicator(
        organisation=world.eskilstuna,
        actor=None,
        kind="own",
        code="X",
        name="X",
        unit="%",
        direction="lower",
        dimension="social",
    )
    response = client.post(
        reverse("sustainability:project_outcome", args=[world.private.pk, "target"]),
        {
            "indicator": other.pk,
            "baseline_value": "1",
            "baseline_year": 2023,
            "target_value": "0",
            "target_year": 2026,
        },
    )
    assert response.status_code == 400 and world.private.indicator_targets.count() == 1
    assert (
        login(world.member)
        .post(reverse("sustainability:project_outcome", args=[world.private.pk, "value"]), {})
        .status_code
        == 403
    )
