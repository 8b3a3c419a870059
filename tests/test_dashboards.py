"""Dashboards: every counting rule on a small hand-made history, isolation, the numbers behind each
figure, the workbook and CSV, hostile parameters, and a fixed number of queries at two scales."""

import io
from datetime import UTC, date, datetime

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innocities.core import fragments
from innocities.insight import dashboard, periods
from innocities.insight.scope import scope_for
from innocities.pipeline.actions import annul_gate_decision, update_project
from innocities.pipeline.models import GateDecision, Project
from innocities.programmes.actions import adapt_method
from tests.conftest import PASSWORD, programme
from tests.test_gates import go, ready_for_every_gate

YEAR = periods.year(2026)


def login(client, user):
    client.login(email=user.email, password=PASSWORD)
    return client


def decide(world, project, decision, on, **extra):
    return go(world, project, decision=decision, decided_on=on, **extra)


@pytest.fixture
def history(world):
    """Four projects of Halden's programme with a known history (see each line), recorded on 1 Jan 2025."""
    w = world
    a = w.make_project(title="A recycled")
    b = w.make_project(title="B stopped")
    c = w.make_project(title="C held")
    d = w.make_project(title="D annulled")
    e = w.make_project(title="E implemented")
    decide(w, a, "go", date(2025, 5, 1))  # need → idea (last year)
    decide(w, a, "go", date(2026, 2, 1))  # idea → pre-project
    a.refresh_from_db()
    idea_phase = a.method.phases.get(key="idea")
    decide(w, a, "recycle", date(2026, 3, 1), recycle_to=idea_phase, met=set())  # pre-project → idea
    decide(w, a, "go", date(2026, 4, 1))  # idea → pre-project again
    decide(w, b, "go", date(2026, 1, 10))
    decide(w, b, "stop", date(2026, 2, 10), met=set())  # stopped at the idea gate
    decide(w, c, "go", date(2026, 1, 5))
    decide(w, c, "hold", date(2026, 1, 20), met=set())  # a hold does not end the stay
    decide(w, c, "go", date(2026, 3, 5))
    wrong = decide(w, d, "go", date(2026, 2, 1))
    annul_gate_decision(decision=wrong, reason="Recorded on the wrong project.", actor=w.coordinator)
    ready_for_every_gate(w, e)
    for month in (1, 2, 3, 4, 5):
        decide(w, e, "go", date(2026, month, 15))
    Project.objects.filter(pk__in=[p.pk for p in (a, b, c, d, e)]).update(
        created_at=datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    )
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def board(user, kind="programme", slug="halden", period=YEAR):
    return dashboard.compute(scope_for(user, kind, slug), period)


def value(board_, figure, row, column=0, previous=False):
    cell = board_.result(figure).table.cell(row, column)
    return cell.previous if previous else cell.value


def test_flow_counts_moves_in_the_period_and_never_annulled_ones(world, history):
    data = board(world.leader)
    entered, left, stopped = 0, 1, 2
    assert value(data, "flow", "idea", entered) == 4  # A's recycle, B, C and E: D's go was annulled
    assert value(data, "flow", "pre-project", entered) == 4  # A twice, C and E
    assert value(data, "flow", "need", left) == 3  # B, C and E (A left last year)
    assert value(data, "flow", "idea", left) == 5  # A twice, B's stop, C and E: C's hold is no move
    assert value(data, "flow", "idea", stopped) == 1
    assert value(data, "flow", "need", left, previous=True) == 1  # A, in 2025


def test_gates_count_every_decision_and_convert_go_out_of_all(world, history):
    data = board(world.leader)
    gates = data.result("gates").table
    columns = [str(c) for c in gates.columns]

    def at(key):
        return {
            columns[i]: cell.value for i, cell in enumerate(next(r for r in gates.rows if r.key == key).cells)
        }

    idea = at("idea")  # A go twice, B stop, C hold and go, E go
    assert idea["Decisions"] == 6
    assert (idea["Go"], idea["Hold"], idea["Stop"], idea["Recycle"]) == (4, 1, 1, 0)
    assert idea["Conversion"] == pytest.approx(4 / 6)
    pre = at("pre-project")  # A's recycle and E's go
    assert (pre["Decisions"], pre["Recycle"], pre["Conversion"]) == (2, 1, 0.5)
    assert at("need")["Decisions"] == 3  # B, C and E; D's was annulled
    assert value(data, "gates", "need", 0, previous=True) == 1  # A, in 2025


def test_time_in_phase_runs_from_move_to_move_and_a_hold_does_not_end_a_stay(world, history):
    data = board(world.leader)
    # stays in "idea" that ended in 2026: A 276 and 31 days, B 31 (stop), C 59 (through its hold), E 31
    assert value(data, "time_in_phase", "idea", 0) == 5
    assert value(data, "time_in_phase", "idea", 1) == 31  # the median
    assert value(data, "time_in_phase", "idea", 2) == 59  # the upper quartile
    # waiting now: active or on hold in the phase, the oldest from its last gate decision
    waiting = data.result("time_in_phase").table.cell("need", 3)
    assert waiting.value == 4 and waiting.previous is None  # today's state is not compared


def test_outcomes_rate_and_lead_time(world, history):
    data = board(world.leader)
    assert value(data, "outcomes", "implemented") == 1
    assert value(data, "outcomes", "stopped") == 1
    assert value(data, "outcomes", "implementation_rate") == pytest.approx(0.5)
    assert value(data, "outcomes", "lead_median") == (date(2026, 5, 15) - date(2025, 1, 1)).days
    assert value(data, "outcomes", "in_operation") == 1


def test_phases_now_and_the_projects_behind_a_number(world, history, client):
    data = board(world.leader)
    assert value(data, "phases_now", "implemented") == 1
    assert value(data, "phases_now", "stopped") == 1
    login(client, world.leader)
    url = reverse("insight:drill", args=["programme", "halden"])
    page = client.get(url, {"period": "2026", "figure": "gates", "ref": "gate:idea:stop"})
    assert page.status_code == 200
    assert "B stopped" in page.text and "A recycled" not in page.text and "C held" not in page.text
    page = client.get(url, {"period": "2026", "figure": "flow", "ref": "in:idea"})
    assert all(title in page.text for title in ("A recycled", "B stopped", "C held", "E implemented"))
    assert "D annulled" not in page.text


def test_an_adapted_method_and_a_moved_project_keep_their_history(world, history):
    before = board(world.leader)
    adapt_method(programme=world.programme, actor=world.coordinator)
    after = board(world.leader)
    for key in ("flow", "gates", "time_in_phase", "outcomes"):
        assert [[c.value for c in r.cells] for r in before.result(key).table.rows] == [
            [c.value for c in r.cells] for r in after.result(key).table.rows
        ], key
    second = programme(world.halden, world.method, "halden-2")
    update_project(project=Project.objects.get(pk=history["b"].pk), programme=second, actor=world.coordinator)
    assert value(board(world.leader), "outcomes", "stopped") == 0
    assert value(board(world.leader, slug="halden-2"), "outcomes", "stopped") == 1


def test_a_dashboard_never_counts_what_the_reader_may_not_see(world, history):
    world.sarpsborg_programme.steering_group.add(world.sarpsborg_member)
    for project in (world.sarpsborg_private, world.sarpsborg_network):
        go(
            world,
            project,
            decided_on=date(2026, 2, 1),
            actor=world.sarpsborg_member,
            decision_makers=[world.sarpsborg_member],
        )
    network = board(world.leader, "network", world.network.slug)
    # Halden's own need-gate decisions (B, C, E) and Sarpsborg's shared project, never its private one
    assert value(network, "gates", "need", 0) == 4
    client = login(Client(), world.leader)
    url = reverse("insight:drill", args=["network", world.network.slug])
    page = client.get(url, {"period": "2026", "figure": "gates", "ref": "gate:need"})
    assert "Sarpsborg shared" in page.text and "Sarpsborg private" not in page.text
    workbook = client.get(
        reverse("insight:workbook", args=["network", world.network.slug]), {"period": "2026"}
    )
    assert b"Sarpsborg private" not in workbook.content
    # another organisation's dashboards are not there at all
    assert client.get(reverse("insight:dashboard", args=["organisation", "sarpsborg"])).status_code == 404
    outsider = login(Client(), world.eskilstuna_coordinator)
    for kind, slug in (("network", world.network.slug), ("programme", "halden"), ("organisation", "halden")):
        assert outsider.get(reverse("insight:dashboard", args=[kind, slug])).status_code == 404


def test_page_workbook_and_csv_show_the_same_numbers(world, history, client):
    login(client, world.leader)
    args = ["programme", "halden"]
    page = client.get(reverse("insight:dashboard", args=args), {"period": "2026"})
    assert page.status_code == 200
    data = dashboard.cached(scope_for(world.leader, "programme", "halden"), YEAR)
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("insight:workbook", args=args), {"period": "2026"}).content)
    )
    gates = data.result("gates")
    sheet = next(s for s in book.worksheets if s.title.startswith("Gate decisions"))
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == "Row"))
    idea = next(r for r in rows[header:] if r[0] == str(gates.table.rows[1].label))
    assert idea[1] == gates.table.rows[1].cells[0].value  # decisions, then the previous period's
    assert "How it is counted" not in rows[1][0] and str(gates.figure.rule) == rows[1][0]
    csv = client.get(reverse("insight:figure_csv", args=[*args, "gates"]), {"period": "2026"})
    assert csv["Content-Type"].startswith("text/csv")
    assert f";{gates.table.rows[1].cells[0].value};".encode() in csv.content
    # the page shows the same number, linked to the projects behind it
    assert "ref=gate%3Aidea" in page.text and str(gates.figure.rule) in page.text


def test_hostile_parameters_get_a_message_or_a_404(world, history, client):
    login(client, world.leader)
    url = reverse("insight:dashboard", args=["programme", "halden"])
    for params in (
        {"period": "custom", "start": "2026-05-01", "end": "2026-01-01"},
        {"period": "custom", "start": "1800-01-01", "end": "2026-01-01"},
        {"period": "custom"},
        {"period": "2026-Q9"},
        {"period": "x" * 5000},
        {"period": "custom", "start": "2026-02-31", "end": "nonsense"},
    ):
        page = client.get(url, params)
        assert page.status_code == 200, params
        assert "errorlist" in page.text or "error-summary" in page.text, params
    drill = reverse("insight:drill", args=["programme", "halden"])
    for params in (
        {"figure": "nope", "ref": "x"},
        {"figure": "gates", "ref": "x" * 300},
        {"figure": "gates"},
    ):
        assert client.get(drill, params).status_code == 404
    assert client.get(reverse("insight:dashboard", args=["galaxy", "halden"])).status_code == 404
    assert client.get(reverse("insight:figure_csv", args=["programme", "halden", "nope"])).status_code == 404
    custom = client.get(url, {"period": "custom", "start": "2026-01-01", "end": "2026-03-31"})
    assert custom.status_code == 200 and "errorlist" not in custom.text


def test_quarters_and_custom_periods_compare_with_the_period_before():
    assert periods.quarter(2026, 1).previous() == periods.quarter(2025, 4)
    assert periods.quarter(2026, 4).end == date(2026, 12, 31)
    assert periods.year(2026).previous().start == date(2025, 1, 1)
    form, period = periods.chosen(
        {"period": "custom", "start": "2026-03-01", "end": "2026-03-10"},
        today=date(2026, 12, 2),
        first_year=2020,
    )
    assert period.previous().start == date(2026, 2, 19) and period.previous().end == date(2026, 2, 28)


DASHBOARDS = [("programme", "halden"), ("organisation", "halden"), ("network", "østfold-cluster")]


def test_a_dashboard_costs_the_same_number_of_queries_at_two_scales(world, history):
    def queries():
        counts = []
        for kind, slug in DASHBOARDS:
            fragments.touch("projects")
            with CaptureQueriesContext(connection) as captured:
                board(world.leader, kind, world.network.slug if kind == "network" else slug)
            counts.append(len(captured))
        return counts

    queries()  # the reader's roles and the method's phases are read once, then kept
    small = queries()
    for n in range(12):
        project = world.make_project(title=f"More {n}", visibility="network")
        go(world, project, decided_on=date(2026, 6, 1))
    assert GateDecision.objects.count() > 20
    assert queries() == small
    assert max(small) <= 60  # programme, organisation, network: each period's figures, both periods


def test_the_network_benchmark_needs_five_organisations(world, history):
    from innocities.accounts.models import Role
    from tests.conftest import organisation, person

    def rows():
        reader = type(world.leader).objects.get(pk=world.leader.pk)  # a new request: roles read afresh
        table = board(reader, "organisation", "halden").result("network_benchmark").table
        return {row.key: [cell.value for cell in row.cells] for row in table.rows}, table.notes

    values, notes = rows()
    assert values["conversion"][0] == pytest.approx(10 / 13)  # Halden's own: 10 go of 13 decisions in 2026
    assert values["conversion"][1] is None and notes  # two organisations: no median
    world.sarpsborg_programme.steering_group.add(world.sarpsborg_member)
    for project in (world.sarpsborg_private, world.sarpsborg_network):
        go(world, project, decided_on=date(2026, 2, 1), decision_makers=[world.sarpsborg_member])
    for i in range(3):
        peer = organisation(f"Peer{i}")
        world.network.members.add(peer)
        boss = person(f"boss{i}@peer.example", f"Boss {i}", peer, Role.LEADERSHIP)
        shared = world.make_project(
            peer, programme(peer, world.method, f"peer-{i}"), f"Peer {i}", "network", lead=boss
        )
        go(world, shared, decided_on=date(2026, 2, 1), actor=boss, decision_makers=[boss])
    values, notes = rows()
    # five organisations decided at gates (Sarpsborg's private decision is not counted, its shared one is)
    assert values["conversion"][2] == 5
    assert values["conversion"][1] == pytest.approx(1.0)  # the median of 10/13, 1, 1, 1, 1
    assert values["implementation"][1] is None  # only Halden implemented or stopped anything


def test_a_quarter_and_the_same_days_as_custom_dates_keep_their_own_previous_period(world, history):
    scope = scope_for(world.leader, "programme", "halden")
    custom = periods.Period(date(2026, 1, 1), date(2026, 3, 31), "custom", "custom")
    first = dashboard.cached(scope, custom)
    second = dashboard.cached(scope, periods.quarter(2026, 1))
    assert first.previous.start == date(2025, 10, 3)  # the 90 days before
    assert second.previous == periods.quarter(2025, 4)  # not the custom span's, kept a moment ago


def test_a_phase_named_like_a_formula_stays_text_in_the_workbook(world, history, client):
    from innocities.programmes.actions import rename_phase

    method = adapt_method(programme=world.programme, actor=world.coordinator)
    phase = method.phases.get(key="idea")
    names = {"en": '=HYPERLINK("http://evil.example","x")', "sv": "=1+1", "nb": "=1+1"}
    rename_phase(programme=world.programme, phase=phase, names=names, actor=world.coordinator)
    login(client, world.leader)
    response = client.get(reverse("insight:workbook", args=["programme", "halden"]), {"period": "2026"})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert any(str(cell.value).startswith("'=") for cell in cells)
