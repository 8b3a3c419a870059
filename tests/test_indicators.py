"""Indicators: library, own targets and progress bands, the U4SSC score, measurement import/export
(hostile files too). Kolada is in test_kolada.py."""

import io
import time
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from innocities.sustainability import actions, indicators, spreadsheets
from innocities.sustainability.models import Measurement


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
        organisation=world.eskilstuna,
        actor=world.eskilstuna_coordinator,
        kind="kolada",
        code="N00945",
        name="Andel dagar med tillfällig föräldrapenning (VAB) som tas ut av män",
        unit="%",
        direction="higher",
        dimension="social",
    )
    target = actions.set_target(
        indicator=share,
        actor=world.eskilstuna_coordinator,
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
    text = streamed(
        client.get(reverse("sustainability:export", args=["csv"]) + "?organisation=halden")
    ).decode()
    assert "'=cmd" in text and "28,5" in text
    data = client.get(reverse("sustainability:export", args=["xlsx"]) + "?organisation=halden").content
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["F2"].value.startswith("'=") and sheet["F2"].data_type == "s"
    other = login(world.eskilstuna_coordinator)
    assert (
        streamed(other.get(reverse("sustainability:export", args=["csv"]) + "?organisation=halden")).count(
            b"VANN"
        )
        == 0
    )


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
    url = reverse("sustainability:project_outcome", args=[world.private.pk, "target"])
    assert url in client.get(world.private.get_absolute_url()).content.decode(), "linked from the project"
    form = client.get(url).content.decode()  # the indicator list is on its own page, not the project's
    assert "Measure a benefit with an indicator" in form and f'value="{water.pk}"' in form
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


# --- progress towards the organisation's own target: the edges ---------------------------------------


def test_a_target_equal_to_its_baseline_is_never_achieved(world, water, login):
    target = actions.set_target(
        indicator=water,
        actor=world.coordinator,
        baseline_value=20,
        baseline_year=2020,
        target_value=20,
        target_year=2030,
    )
    for latest in ("20", "12", "35"):
        assert indicators.progress(target, Decimal(latest)) is None
    actions.record_measurement(indicator=water, year=2024, value=Decimal("20"), actor=world.coordinator)
    page = login(world.member).get(water.get_absolute_url()).content.decode()
    assert "At least 95 %" not in page and "The target equals the baseline" in page


@pytest.mark.parametrize(
    "latest,shown,band",
    [
        ("94.96", 94, "on_track"),
        ("95", 95, "achieved"),
        ("65.999", 65, "behind"),
        ("66", 66, "on_track"),
        ("32.99", 32, "far_behind"),
        ("33", 33, "behind"),
    ],
)
def test_the_shown_percentage_never_contradicts_its_band(world, water, latest, shown, band):
    water.direction = "higher"
    water.save()
    target = actions.set_target(
        indicator=water,
        actor=world.coordinator,
        baseline_value=0,
        baseline_year=2020,
        target_value=100,
        target_year=2030,
    )
    percent, key, _label = indicators.progress(target, Decimal(latest))
    assert (percent, key) == (shown, band)


# --- the U4SSC score: the value against the U4SSC benchmark, points per band -------------------------


def u4ssc(world, code, value, benchmark, direction="higher", name=None):
    indicator = actions.save_indicator(
        organisation=world.halden,
        actor=world.coordinator,
        kind="u4ssc",
        code=code,
        name=name or code,
        unit="%",
        direction=direction,
        dimension="economic",
        u4ssc_benchmark=None if benchmark is None else Decimal(str(benchmark)),
    )
    if value is not None:
        actions.record_measurement(
            indicator=indicator, year=2024, value=Decimal(str(value)), actor=world.coordinator
        )
    return indicator


def score(world):
    from innocities.sustainability.models import TrackedIndicator

    rows = []
    for indicator in TrackedIndicator.objects.filter(organisation=world.halden, kind="u4ssc"):
        rows.append((indicator, indicator.measurements.filter(project__isnull=True).order_by("year").last()))
    return indicators.u4ssc_score(rows)


@pytest.mark.parametrize(
    "value,points",
    [(0, 1), (32.9, 1), (33, 2), (65.9, 2), (66, 3), (94.9, 3), (95, 4), (100, 4), (120, 4)],
)
def test_u4ssc_points_follow_the_bands_of_the_u4ssc_method(world, value, points):
    """0–33 % of target: 1 point; 33–66 %: 2; 66–95 %: 3; 95 % and more: 4 (U4SSC verification reports)."""
    u4ssc(world, "EC: ICT: ICT: 1C", value, 100)
    (kpi,) = score(world).kpis
    assert kpi.points == points
    assert kpi.percent == min(int(value), 100)


@pytest.mark.parametrize("value,points", [(8, 4), (10, 4), (10.5, 4), (11, 3), (20, 2), (40, 1)])
def test_u4ssc_ratio_inverts_for_lower_is_better_kpis(world, value, points):
    u4ssc(world, "EN: EN: AQ: 1C", value, 10, direction="lower")
    assert score(world).kpis[0].points == points


def test_u4ssc_category_scores_sum_points_like_the_u4ssc_example(world):
    """The U4SSC example: four KPIs scoring 1, 3, 4 and 1 make 9 of 16 points, 56.25 %, shown as 33–66 %."""
    for number, value in zip(("1C", "2C", "3C", "4C"), (20, 70, 100, 10), strict=True):
        u4ssc(world, f"EC: ICT: ICT: {number}", value, 100)
    result = score(world)
    category = next(g for g in result.groups if g.level == "category")
    assert (category.points, category.possible) == (9, 16)
    assert category.band[:2] == (56, "behind")
    assert [g.level for g in result.groups] == ["dimension", "sub_dimension", "category"]


def test_u4ssc_kpis_without_value_or_benchmark_are_left_out_and_counted(world, login):
    """The example's second case: three reported KPIs scoring 3, 4 and 2 make 9 of 12, 75 %, 66–95 %."""
    u4ssc(world, "EC: ICT: ICT: 1C", 70, 100)
    u4ssc(world, "EC: ICT: ICT: 2C", 100, 100)
    u4ssc(world, "EC: ICT: ICT: 3C", 40, 100)
    u4ssc(world, "EC: ICT: ICT: 4C", None, 100, name="Never measured")
    u4ssc(world, "EC: P: EM: 1C", 5, None, direction="lower", name="Unemployment Rate")
    result = score(world)
    category = next(g for g in result.groups if g.key == ("EC", "ICT", "ICT"))
    assert (category.points, category.possible, category.band[:2]) == (9, 12, (75, "on_track"))
    assert {i.name for i in result.left_out} == {"Never measured", "Unemployment Rate"}
    page = login(world.member).get(reverse("sustainability:indicators") + "?organisation=halden")
    text = page.content.decode()
    assert "U4SSC score" in text and "Progress towards own target" in text
    assert "9 / 12" in text and "75 %" in text and "<svg" in text
    assert "2 U4SSC KPIs are left out" in text


def test_u4ssc_numbers_are_checked_and_only_u4ssc_kpis_have_a_benchmark(world):
    indicator = u4ssc(world, "ec:ict:ict:1c", 90, 100)
    assert indicator.code == "EC: ICT: ICT: 1C"
    with pytest.raises(ValidationError) as error:
        u4ssc(world, "Household internet", 90, 100)
    assert "code" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.save_indicator(
            organisation=world.halden,
            actor=world.coordinator,
            kind="own",
            code="X",
            name="X",
            unit="%",
            direction="higher",
            dimension="social",
            u4ssc_benchmark=Decimal(100),
        )
    assert "u4ssc_benchmark" in error.value.message_dict


# --- files: what the csv module refuses, other encodings, control characters, round trips -------------


def test_a_cell_over_the_csv_field_limit_gets_a_clear_message_not_a_500(world, water, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    raw = b'indicator;year;value;source\nVANN-1;2022;3;"' + b"x" * 200_000 + b'"\n'
    with pytest.raises(spreadsheets.ImportRefused) as refused:
        spreadsheets.import_measurements(
            organisation=world.halden, raw=raw, filename="m.csv", actor=world.coordinator
        )
    assert "cannot be read as CSV" in " ".join(refused.value.messages)
    response = login(world.coordinator).post(
        reverse("sustainability:import"), {"organisation": "halden", "file": SimpleUploadedFile("m.csv", raw)}
    )
    assert response.status_code == 400 and "cannot be read as CSV" in response.content.decode()
    assert not Measurement.objects.exists()


def test_bare_carriage_returns_are_line_ends(world, water):
    raw = b"indicator;year;value;source\rVANN-1;2022;28,5;Tistedal\rVANN-1;2023;27;Tistedal\r"
    count = spreadsheets.import_measurements(
        organisation=world.halden, raw=raw, filename="m.csv", actor=world.coordinator
    )
    assert count == 2 and Measurement.objects.get(year=2022).value == Decimal("28.5")


def test_utf16_unicode_text_from_excel_is_read(world, water):
    text = "indicator\tyear\tvalue\tsource\r\nVANN-1\t2022\t28,5\tMåling ved Tistedal\r\n"
    spreadsheets.import_measurements(
        organisation=world.halden, raw=text.encode("utf-16"), filename="m.txt", actor=world.coordinator
    )
    assert Measurement.objects.get().source == "Måling ved Tistedal"


def test_control_characters_are_refused_where_they_come_in(world, water):
    with pytest.raises(spreadsheets.ImportRefused) as refused:
        spreadsheets.import_measurements(
            organisation=world.halden,
            raw=b"indicator;year;value;source\nVANN-1;2022;3;Egen\x01m\xc3\xa5ling\n",
            filename="m.csv",
            actor=world.coordinator,
        )
    assert "Control characters" in " ".join(refused.value.messages)
    with pytest.raises(ValidationError) as error:
        actions.record_measurement(indicator=water, year=2022, value=3, source="a\x0bb", actor=None)
    assert "source" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.save_indicator(
            organisation=world.halden, indicator=water, actor=None, name="Vann\x00tap", goals=[]
        )
    assert "name" in error.value.message_dict
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_exported_file_imports_back_to_the_same_data(world, water, login, fmt):
    for year, value, source in (
        (2021, "29.25", "Egen måling"),
        (2022, "28.5", "=cmd|' /C calc'!A0"),
        (2023, "-1.5", "-5 % etter retting"),
    ):
        actions.record_measurement(
            indicator=water, year=year, value=Decimal(value), source=source, actor=world.coordinator
        )
    before = list(Measurement.objects.order_by("year").values_list("year", "value", "source"))
    client = login(world.coordinator)
    exported = streamed(client.get(reverse("sustainability:export", args=[fmt]) + "?organisation=halden"))
    Measurement.objects.all().delete()
    count = spreadsheets.import_measurements(
        organisation=world.halden, raw=exported, filename=f"measurements.{fmt}", actor=world.coordinator
    )
    assert count == 3
    assert list(Measurement.objects.order_by("year").values_list("year", "value", "source")) == before


def streamed(response) -> bytes:
    """The body of a response, streamed (the CSV export) or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_edited_export_imports_the_edit(world, water, login):
    actions.record_measurement(indicator=water, year=2022, value=Decimal("28.5"), actor=world.coordinator)
    client = login(world.coordinator)
    exported = streamed(client.get(reverse("sustainability:export", args=["csv"]) + "?organisation=halden"))
    edited = exported.decode("utf-8-sig").replace("28,5000", "27,25").encode("utf-8-sig")
    spreadsheets.import_measurements(
        organisation=world.halden, raw=edited, filename="m.csv", actor=world.coordinator
    )
    assert Measurement.objects.get().value == Decimal("27.25")


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "csv.exe", "html"])
def test_an_unknown_export_format_is_not_a_page(world, login, fmt):
    response = login(world.coordinator).get(f"/indicators/export.{fmt}?organisation=halden")
    assert response.status_code == 404
    assert "attachment" not in response.get("Content-Disposition", "")


# --- the demo's indicators -----------------------------------------------------------------------------


def demo_indicators(world):
    from innocities.demo import indicators as demo
    from innocities.sustainability.catalogue import load_catalogue
    from innocities.sustainability.models import TrackedIndicator

    load_catalogue()
    demo.build({"halden": world.halden, "sarpsborg": world.sarpsborg, "eskilstuna": world.eskilstuna})
    return TrackedIndicator.objects.prefetch_related("measurements", "targets", "goals")


def test_demo_indicators_tell_the_truth(world):
    library = demo_indicators(world)
    for organisation in (world.halden, world.sarpsborg, world.eskilstuna):
        own = [i for i in library if i.organisation_id == organisation.pk]
        assert len(own) >= 3
        for indicator in own:
            assert indicator.targets.count() == 1 and indicator.measurements.count() >= 5
    norwegian = Measurement.objects.filter(indicator__organisation__country="NO")
    assert norwegian.exists() and not norwegian.filter(source="Egen mätning").exists()
    assert not Measurement.objects.filter(
        indicator__organisation__country="SE", source="Egen måling"
    ).exists()
    vab = library.get(code="N00945")
    assert "föräldrapenning" in vab.name and [g.number for g in vab.goals.all()] == [5]
    assert set(vab.measurements.values_list("source", flat=True)) == {"Källa: Kolada"}
    halden = [(i, i.measurements.order_by("year").last()) for i in library.filter(organisation=world.halden)]
    result = indicators.u4ssc_score([row for row in halden if row[0].kind == "u4ssc"])
    assert result.kpis and result.groups


def test_demo_indicators_are_deterministic(world):
    first = list(demo_indicators(world).order_by("code").values_list("code", "measurements__value"))
    from innocities.sustainability.models import TrackedIndicator

    TrackedIndicator.objects.all().delete()
    second = list(demo_indicators(world).order_by("code").values_list("code", "measurements__value"))
    assert first == second


def test_a_double_clicked_import_is_imported_once(world, water, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from innocities.core.models import AuditEvent

    client = login(world.coordinator)
    token = "same-click-token-0001"
    for _ in range(2):
        upload = SimpleUploadedFile("m.csv", b"indicator,year,value,source\nVANN-1,2022,28.5,Egen\n")
        response = client.post(
            reverse("sustainability:import"), {"organisation": "halden", "once": token, "file": upload}
        )
        assert response.status_code == 302
    assert AuditEvent.objects.filter(verb="import_measurements").count() == 1
    assert Measurement.objects.count() == 1
