"""Reports: the steering group's meeting pack, the annual report (PDF and workbook, with the same numbers
as the dashboard page), the project one-pager and the SDG result board as PDF; isolation and hostile
parameters. PDFs are read back as text with pypdf, workbooks with openpyxl."""

import io
import re
from datetime import date

import openpyxl
import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from pypdf import PdfReader

from innocities.core import pdf
from innocities.core.i18n import pick
from innocities.insight import dashboard, exports, periods, reports
from innocities.insight.scope import scope_for
from innocities.insight.templatetags.insight import shown
from innocities.insight.views_reports import months_before
from innocities.pipeline.actions import add_funding_line, annul_gate_decision, set_team_member, update_project
from innocities.pipeline.models import Project
from innocities.programmes.actions import record_evaluation
from innocities.programmes.models import Programme, ProgrammeTarget
from tests.conftest import assess
from tests.test_gates import go

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def pdf_text(response) -> str:
    """The PDF's text, each line's spaces folded to one."""
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def flat(text: str) -> str:
    return " ".join(text.split())


def meeting_pack(client, slug="halden", **dates):
    return client.get(reverse("insight:meeting_pack_pdf", args=[slug]), dates, **EN)


# --- the meeting pack ---------------------------------------------------------------------------


@pytest.fixture
def decisions(world):
    """Decisions on Halden's projects around a meeting on 1 April 2026 whose previous meeting was on
    1 February: before, on the previous meeting's day, inside, annulled, and on the meeting day."""
    w = world
    made = {}
    for key, on in [
        ("before", date(2026, 1, 10)),
        ("on_since", date(2026, 2, 1)),
        ("inside", date(2026, 3, 1)),
        ("annulled", date(2026, 3, 5)),
        ("on_meeting", date(2026, 4, 1)),
    ]:
        project = w.make_project(title=f"Project {key}")
        made[key] = go(w, project, decided_on=on, reasoning=f"Reasoning {key} zebra")
    go(
        w,
        made["inside"].project,
        decision="go_conditions",
        conditions="Condition inside yak",
        decided_on=date(2026, 3, 20),
        reasoning="Reasoning second inside zebra",
    )
    annul_gate_decision(decision=made["annulled"], reason="Wrong project.", actor=w.coordinator)
    return made


def test_meeting_pack_lists_the_decisions_since_the_previous_meeting_only(world, login, decisions):
    text = pdf_text(meeting_pack(login(world.leader), meeting="2026-04-01", since="2026-02-01"))
    listed = flat(text)
    assert "Reasoning inside zebra" in listed and "Reasoning on_meeting zebra" in listed
    assert "Reasoning second inside zebra" in listed and "Condition inside yak" in listed
    assert "Reasoning before zebra" not in listed  # before the previous meeting
    assert "Reasoning on_since zebra" not in listed  # taken at the previous meeting: in its pack
    assert "Reasoning annulled zebra" not in listed  # annulled decisions are not decisions
    assert "Leif Leader" in listed  # the decision-makers
    assert "Decisions since the previous meeting (3)" in listed
    # oldest first
    assert listed.index("Reasoning inside zebra") < listed.index("Reasoning on_meeting zebra")


def test_meeting_pack_lists_gates_due_with_criteria_evidence_longest_waiting_first(world, login, monkeypatch):
    monkeypatch.setattr(reports, "PER_GATE", 2)
    Project.objects.filter(pk=world.public.pk).update(in_phase_since=date(2025, 1, 1))
    Project.objects.filter(pk=world.private.pk).update(in_phase_since=date(2025, 6, 1))
    Project.objects.filter(pk=world.network_project.pk).update(in_phase_since=date(2026, 1, 1))
    on_hold = world.make_project(title="Paused project")
    go(world, on_hold, decision="hold", met=set())
    gate = world.private.phase.gate
    must = gate.criteria.filter(kind="must").order_by("order").first()
    text = pdf_text(meeting_pack(login(world.leader), meeting="2026-04-01"))
    listed = flat(text)
    assert pick(gate.name) in listed
    assert " ".join(pick(must.text).split()[:4]) in listed
    assert " ".join(pick(must.evidence).split()[:3]) in listed
    assert "Must meet" in listed and "Should meet" in listed
    assert listed.index("Solceller på skoletak") < listed.index("Smarte vannmålere")  # longest first
    assert "Delte elsykler" not in listed.split("Decisions since")[0]  # capped at two…
    assert "and 1 more project" in listed  # …and counted
    assert f"{pick(gate.name)} · 3 projects after" in listed  # a paused project is not due
    assert "Paused project" in listed.split("Projects waiting longest")[1]  # but it waits


def test_meeting_pack_names_the_trade_offs_and_knowledge_gaps_to_act_on(world, login):
    assess(world.private, world.coordinator, impacts={6: 2, 14: -1})
    text = flat(pdf_text(meeting_pack(login(world.leader))))
    section = text.split("Sustainability: what to act on")[1]
    assert "Smarte vannmålere" in section and "14. Life below water" in section
    assert "Trade-offs to act on (1)" in section


def test_meeting_pack_form_offers_the_dates_and_explains_bad_ones(world, login):
    client = login(world.leader)
    page = client.get(reverse("insight:meeting_pack", args=["halden"]), **EN)
    assert page.status_code == 200
    today = timezone.localdate()
    assert f'value="{today.isoformat()}"' in page.content.decode()
    assert reverse("insight:meeting_pack_pdf", args=["halden"]) in page.content.decode()
    for dates, message in [
        ({"meeting": "2026-02-30"}, "Enter a valid date"),
        ({"meeting": "9999-12-31"}, "at most a year ahead"),
        ({"meeting": "1999-12-31"}, "from 2000 on"),
        ({"meeting": "2026-04-01", "since": "2026-04-01"}, "must be before this one"),
        ({"meeting": "2026-04-01", "since": "2016-04-01"}, "at most five years"),
        ({"meeting": "x" * 5000}, "Enter a valid date"),
        ({"meeting": "2026-04-01", "since": "-1"}, "Enter a valid date"),
    ]:
        response = meeting_pack(client, **dates)
        assert response.status_code == 400, dates
        assert message in response.content.decode(), dates
    assert meeting_pack(client, meeting=["2026-04-01", "2026-05-01"]).status_code == 200  # the last one


def test_meeting_pack_defaults_to_today_and_three_months_before(world, login, decisions):
    text = flat(pdf_text(meeting_pack(login(world.leader))))
    today = timezone.localdate()
    with translation.override("en"):
        assert f"Meeting on {flat(formats.date_format(today, 'DATE_FORMAT'))}" in text
        since = flat(formats.date_format(months_before(today, 3), "DATE_FORMAT"))
    assert f"Decisions dated after {since}" in text
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 3) == date(2025, 10, 15)


# --- isolation ------------------------------------------------------------------------------------


@pytest.fixture
def cluster(world):
    """A network programme of Halden and Sarpsborg, each with work in it; Sarpsborg's private project
    has a decision and a trade-off of its own."""
    w = world
    programme = Programme.objects.create(
        network=w.network,
        name="Østfold cluster programme",
        slug="cluster",
        method=w.method,
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    programme.steering_group.add(w.leader)
    halden = w.make_project(prog=programme, title="Halden in the cluster", visibility="network")
    shared = w.make_project(
        org=w.sarpsborg,
        prog=programme,
        title="Sarpsborg shared work",
        visibility="network",
        lead=w.sarpsborg_member,
    )
    secret = w.make_project(
        org=w.sarpsborg, prog=programme, title="Sarpsborg secret work", lead=w.sarpsborg_member
    )
    for project in (halden, shared, secret):
        go(w, project, decided_on=date(2026, 3, 1), reasoning=f"Why {project.title}")
    assess(secret, w.sarpsborg_member, impacts={6: 2, 14: -2})
    return programme


def test_a_private_project_of_another_organisation_is_never_in_the_pack_or_the_report(world, login, cluster):
    client = login(world.leader)
    pack = flat(pdf_text(meeting_pack(client, slug="cluster", meeting="2026-04-01", since="2026-01-01")))
    assert "Halden in the cluster" in pack and "Sarpsborg shared work" in pack
    assert "Sarpsborg secret" not in pack and "Life below water" not in pack
    assert "Decisions since the previous meeting (2)" in pack
    for kind, slug in [("programme", "cluster"), ("network", world.network.slug)]:
        url = reverse("insight:annual_report_pdf", args=[kind, slug, 2026])
        assert "Sarpsborg secret" not in pdf_text(client.get(url, **EN))
        book = client.get(reverse("insight:annual_report_xlsx", args=[kind, slug, 2026]), **EN)
        cells = " ".join(
            str(c.value)
            for sheet in openpyxl.load_workbook(io.BytesIO(book.content))
            for row in sheet
            for c in row
            if c.value is not None
        )
        assert "Sarpsborg secret" not in cells
    board = dashboard.cached(scope_for(world.leader, "programme", "cluster"), periods.year(2026))
    assert board.result("gates").table.cell("need", 0).value == 2  # Sarpsborg's secret go is not counted
    # Sarpsborg's own member sees all three
    own = flat(pdf_text(meeting_pack(login(world.sarpsborg_member), slug="cluster", meeting="2026-04-01")))
    assert "Sarpsborg secret work" in own


def test_other_organisations_reports_answer_404(world, login):
    eskilstuna_assessment = assess(world.eskilstuna_private, world.eskilstuna_coordinator)
    client = login(world.coordinator)
    for url in [
        reverse("insight:one_pager", args=[world.eskilstuna_private.pk]),
        reverse("insight:one_pager", args=[world.sarpsborg_private.pk]),
        reverse("insight:board_pdf", args=[eskilstuna_assessment.pk]),
        reverse("insight:meeting_pack", args=[world.eskilstuna_programme.slug]),
        reverse("insight:meeting_pack_pdf", args=[world.eskilstuna_programme.slug]),
        reverse("insight:annual_report_pdf", args=["organisation", "eskilstuna", 2026]),
        reverse("insight:annual_report_xlsx", args=["programme", world.eskilstuna_programme.slug, 2026]),
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    # a partner sees the project they are named on, and its one-pager; not the programme's pack
    partner = login(world.partner)
    assert partner.get(reverse("insight:one_pager", args=[world.private.pk])).status_code == 200
    assert partner.get(reverse("insight:one_pager", args=[world.public.pk])).status_code == 200
    assert partner.get(reverse("insight:meeting_pack", args=["halden"])).status_code == 404
    assert (
        partner.get(reverse("insight:annual_report_pdf", args=["organisation", "halden", 2026])).status_code
        == 404
    )


def test_reports_need_a_login(client, world):
    url = reverse("insight:one_pager", args=[world.public.pk])
    assert client.get(url).status_code == 302


# --- hostile parameters ---------------------------------------------------------------------------


def test_hostile_years_kinds_and_ids_answer_404(world, login):
    client = login(world.leader)
    next_year = timezone.localdate().year + 1
    for path in [
        "/dashboards/programme/halden/annual-report/1999.pdf",
        f"/dashboards/programme/halden/annual-report/{next_year + 1}.xlsx",
        "/dashboards/programme/halden/annual-report/99999999999999999999999999.pdf",
        "/dashboards/programme/halden/annual-report/-1.pdf",
        "/dashboards/programme/halden/annual-report/2026.docx",
        "/dashboards/galaxy/halden/annual-report/2026.pdf",
        "/dashboards/programme/no-such/annual-report/2026.xlsx",
        "/projects/0/one-pager.pdf",
        "/projects/99999999999999999999999999/one-pager.pdf",
        "/assessments/99999999999999999999999999/board.pdf",
        "/programmes/no-such/meeting-pack/",
    ]:
        assert client.get(path).status_code == 404, path
    assert client.get(f"/dashboards/programme/halden/annual-report/{next_year}.xlsx").status_code == 200


# --- the annual report: one computation, the same numbers on the page, in the PDF and the workbook ---


@pytest.fixture
def year_of_work(world):
    w = world
    for title, month in [("Alpha", 2), ("Beta", 3), ("Gamma", 5)]:
        go(w, w.make_project(title=title), decided_on=date(2026, month, 1))
    go(w, w.make_project(title="Delta"), decided_on=date(2025, 9, 1))
    add_funding_line(
        project=w.private,
        source="enova",
        state="granted",
        amount=1250000,
        currency="NOK",
        actor=w.coordinator,
    )
    record_evaluation(
        programme=w.programme,
        held_on=date(2026, 11, 20),
        summary="=HYPERLINK(1) Kept pace",
        decisions="Scale the water meters",
        actor=w.coordinator,
    )
    record_evaluation(
        programme=w.programme,
        held_on=date(2025, 11, 20),
        summary="Last year's summary",
        decisions="",
        actor=w.coordinator,
    )
    ProgrammeTarget.objects.create(
        programme=w.programme, text="Ten pilots by 2027", due_on=date(2027, 12, 31)
    )


FIGURES = [("gates", "need"), ("phases_now", "need"), ("flow", "idea"), ("money", "enova")]


def _html_row(html: str, key: str, label: str) -> list[str]:
    """The values of a figure table's row on the dashboard page, without their change."""
    article = html[html.index(f'id="figure-{key}"') :].split("</article>")[0]
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', article, re.S)
    assert match, label
    cells = re.findall(r'<td class="num">(.*?)</td>', match.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", cell.split('<span class="figure__change"')[0]).strip() for cell in cells]


def _pdf_row(text: str, label: str, tokens: int) -> list[str]:
    """The values of a figure table's row in the PDF's text: the line that starts with the row's label,
    then the lines after it, leaving out each value's change (+2, −1, ± 0 pp) shown beneath it."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(label + " "))
    found: list[str] = []
    for line in [lines[start][len(label) :], *lines[start + 1 :]]:
        if not re.match(r"^\s*[+−±]", line):
            found += line.split()
        if len(found) >= tokens:
            break
    return found[:tokens]


def test_annual_report_pdf_workbook_and_page_show_the_same_numbers(world, login, year_of_work):
    client = login(world.leader)
    board = dashboard.cached(scope_for(world.leader, "programme", "halden"), periods.year(2026))
    page = client.get(reverse("insight:dashboard", args=["programme", "halden"]), {"period": "2026"}, **EN)
    html = page.content.decode()
    text = pdf_text(
        client.get(reverse("insight:annual_report_pdf", args=["programme", "halden", 2026]), **EN)
    )
    response = client.get(reverse("insight:annual_report_xlsx", args=["programme", "halden", 2026]), **EN)
    assert response["Content-Disposition"].startswith("attachment;")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    checked = 0
    for key, row_key in FIGURES:
        result = board.result(key)
        row = next(r for r in result.table.rows if r.key == row_key)
        values = [shown(cell) for cell in row.cells]
        assert any(cell.value for cell in row.cells), (key, row_key)  # a real number, not only zeros
        assert _html_row(html, key, str(row.label)) == values, key
        figure_text = text[text.index(f"{result.figure.label}\nHow it is counted") :]
        expected = " ".join(values).split()
        assert _pdf_row(figure_text, str(row.label), len(expected)) == expected, key
        sheet = next(s for s in book if s["A1"].value == str(result.figure.label))
        expected = next(r for r in exports.rows(board, result) if r[0] == str(row.label))
        found = next([c.value for c in r] for r in sheet.iter_rows() if r[0].value == str(row.label))
        assert found[: len(expected)] == expected, key
        checked += 1
    assert checked == len(FIGURES)
    assert "1\u00a0250\u00a0000" in [
        shown(c) for c in next(r for r in board.result("money").table.rows if r.key == "enova").cells
    ]


def test_annual_report_holds_the_programmes_evaluation_of_the_year_and_its_targets(
    world, login, year_of_work
):
    client = login(world.leader)
    text = flat(
        pdf_text(client.get(reverse("insight:annual_report_pdf", args=["programme", "halden", 2026]), **EN))
    )
    assert "Kept pace" in text and "Scale the water meters" in text and "Ten pilots by 2027" in text
    assert "Last year's summary" not in text
    assert re.search(r"Page 1 of \d+", text)
    response = client.get(reverse("insight:annual_report_xlsx", args=["programme", "halden", 2026]), **EN)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Annual evaluation"]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "'=HYPERLINK(1) Kept pace" in values  # a formula is defused, never run
    assert "Ten pilots by 2027" in values and "Last year's summary" not in values


def test_annual_report_of_an_organisation_and_a_network(world, login, year_of_work):
    client = login(world.leader)
    for kind, slug in [("organisation", "halden"), ("network", world.network.slug)]:
        text = flat(pdf_text(client.get(reverse("insight:annual_report_pdf", args=[kind, slug, 2026]), **EN)))
        assert "Annual report 2026" in text and "Gate decisions and conversion" in text
        assert "Annual evaluation" not in text  # a programme's own
        book = client.get(reverse("insight:annual_report_xlsx", args=[kind, slug, 2026]), **EN)
        assert "Annual evaluation" not in openpyxl.load_workbook(io.BytesIO(book.content)).sheetnames


def test_the_dashboard_links_its_annual_report_and_meeting_pack(world, login):
    client = login(world.leader)
    html = client.get(
        reverse("insight:dashboard", args=["programme", "halden"]), {"period": "2025-Q3"}
    ).content
    html = html.decode()
    assert reverse("insight:annual_report_pdf", args=["programme", "halden", 2025]) in html
    assert reverse("insight:annual_report_xlsx", args=["programme", "halden", 2025]) in html
    assert reverse("insight:meeting_pack", args=["halden"]) in html
    html = client.get(reverse("insight:dashboard", args=["organisation", "halden"])).content.decode()
    assert "meeting-pack" not in html


# --- the one-pager and the result board -------------------------------------------------------------


def test_one_pager_tells_the_project_on_one_page(world, login):
    w = world
    project = w.private
    update_project(
        project=project,
        actor=w.coordinator,
        problem="Leaks cost 30 % of the water",
        expected_benefits="Fewer leaks",
        receiving_unit="Vann og avløp",
    )
    add_funding_line(
        project=project, source="enova", state="applied", amount=500000, currency="NOK", actor=w.coordinator
    )
    set_team_member(project=project, user=w.leader, role="sponsor", actor=w.coordinator)
    go(w, project, decided_on=date(2026, 3, 1), reasoning="Need verified with meter data.")
    assess(project, w.coordinator, impacts={6: 2, 13: 1})
    response = login(w.member).get(reverse("insight:one_pager", args=[project.pk]), **EN)
    text = flat(pdf_text(response))
    for expected in [
        "Smarte vannmålere",
        "Halden",
        "Programme Halden",
        "Shore power for ships at berth.",
        "Leaks cost 30 % of the water",
        "Fewer leaks",
        "Vann og avløp",
        "Lars Lead",
        "Leif Leader",
        "Petra Partner",
        "500 000 NOK",
        "Need verified with meter data.",
        "Leif Leader",
        "Single dimension",
        "Ecological",
        "+1.5",
        "Public sector",
    ]:
        assert expected in text, expected
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1
    assert "Smarte%20vannm" in response["Content-Disposition"]


def test_one_pager_hides_a_programme_the_reader_may_not_see(world, login):
    """A Sarpsborg member sees Halden's network project, but not Halden's own programme."""
    text = flat(
        pdf_text(
            login(world.sarpsborg_member).get(
                reverse("insight:one_pager", args=[world.network_project.pk]), **EN
            )
        )
    )
    assert "Delte elsykler" in text and "Programme Halden" not in text


def test_result_board_pdf_places_the_goals_as_the_page_does(world, login):
    assessment = assess(world.private, world.coordinator, impacts={6: 2, 14: -1})
    client = login(world.member)
    page = client.get(reverse("sustainability:board", args=[assessment.pk]), **EN).content.decode()
    assert reverse("insight:board_pdf", args=[assessment.pk]) in page
    response = client.get(reverse("insight:board_pdf", args=[assessment.pk]), **EN)
    text = flat(pdf_text(response))
    assert "Result board" in text and "SMARTE VANNMÅLERE" in text.upper()
    assert "Clean water and sanitation +2" in text and "Life below water −1" in text
    assert "Not relevant 15" in text
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1


def test_the_project_page_links_its_one_pager(world, login):
    html = login(world.member).get(reverse("pipeline:project", args=[world.private.pk])).content.decode()
    assert reverse("insight:one_pager", args=[world.private.pk]) in html


# --- the PDF itself: language, margins, and nothing fetched from outside ------------------------


def test_pdf_carries_the_readers_language_and_page_numbers(world, login):
    response = login(world.member).get(
        reverse("insight:one_pager", args=[world.private.pk]), HTTP_ACCEPT_LANGUAGE="nb"
    )
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    assert "Smarte vannmålere" in reader.metadata.title


def test_the_pdf_fetcher_serves_only_the_projects_static_files():
    fetch = pdf.static_fetcher("https://innocities.example/")
    assert b"@page" in fetch("https://innocities.example/static/css/pdf.css").read()
    for url in [
        "file:///etc/passwd",
        "https://evil.example/static/css/pdf.css",
        "https://innocities.example/static/../../../etc/passwd",
        "https://innocities.example/static/%2e%2e/%2e%2e/etc/passwd",
        "https://innocities.example/static//etc/passwd",
        "https://user:pw@innocities.example/static/css/pdf.css",
        "https://innocities.example/media/x.png",
        "data:text/css,body{}",
        "ftp://innocities.example/static/css/pdf.css",
        "https://innocities.example/static/css/nothing-here.css",
    ]:
        with pytest.raises(ValueError):
            fetch(url)


def test_a_hostile_name_stays_inside_its_css_string():
    css = pdf.page_css(
        owner='Evil"; } @page { @top-left { content: url(http://x/) } /*', title="T\\\n", made="M"
    )
    assert "url(" not in css and css.count("@page") == 1 and css.count("{") == 5
    strings = re.findall(r'"((?:[^"\\]|\\.)*)"', css)
    assert len(strings) == 5  # owner, title, made, "Page ", " of ": nothing broke out
    assert '"' not in "".join(strings) and "\n" not in "".join(strings)


def test_a_hostile_text_in_a_report_fetches_nothing(world, login, monkeypatch):
    fetched = []
    original = pdf._static_path
    monkeypatch.setattr(pdf, "_static_path", lambda url, prefix: fetched.append(url) or original(url, prefix))
    update_project(
        project=world.private,
        actor=world.coordinator,
        summary='<img src="http://evil.example/x.png"><link rel=stylesheet href="file:///etc/passwd">',
    )
    text = flat(
        pdf_text(login(world.member).get(reverse("insight:one_pager", args=[world.private.pk]), **EN))
    )
    assert '<img src="http://evil.example/x.png">' in text  # shown as text
    assert all(url.endswith("/static/css/pdf.css") for url in fetched) and fetched
