"""The capability self-assessment: anonymous rounds, the five-respondent threshold, change and network."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innocities.accounts.models import Membership, Role
from innocities.capability import actions, queries
from innocities.capability.anonymity import HIDDEN, SMALL, protect_counts
from innocities.capability.models import Invitation, Response, SurveyRound
from innocities.organisations.models import Organisation
from tests.conftest import chromium_or_skip, person


def answer_all(survey, user, value, overrides=None, fact="yes"):
    """Answer every statement with ``value`` (None is "don't know"), except those in ``overrides``."""
    statements = [s.pk for d in survey.instrument.dimensions.all() for s in d.statements.all()]
    return actions.answer(
        survey=survey,
        user=user,
        values={pk: (overrides or {}).get(pk, value) for pk in statements},
        facts={f.pk: fact for f in survey.instrument.facts.all()} if fact else {},
    )


def staff(world, organisation, n, prefix):
    return [person(f"{prefix}{i}@example.com", f"{prefix} {i}", organisation, Role.MEMBER) for i in range(n)]


def open_round(organisation, actor, days_ago=0):
    return actions.start_round(
        organisation=organisation,
        kind="yearly",
        actor=actor,
        opens_on=date.today() - timedelta(days=days_ago),
        closes_on=date.today() + timedelta(days=10),
    )


def test_the_instrument_has_eight_dimensions_and_about_thirty_statements(db):
    instrument = actions.load_instrument()
    assert instrument.dimensions.count() == 8
    assert 28 <= sum(d.statements.count() for d in instrument.dimensions.all()) <= 32
    assert actions.load_instrument().pk == instrument.pk


def test_members_are_invited_and_answers_keep_no_name(world):
    survey = open_round(world.halden, world.coordinator)
    invited = set(survey.invitations.values_list("user__email", flat=True))
    assert "partner@halden.example" not in invited and "member@halden.example" in invited
    response = answer_all(survey, world.member, 4)
    assert not any(f.name in {"user", "invitation"} for f in Response._meta.get_fields())
    assert response.received_on == date.today()
    assert Invitation.objects.get(survey=survey, user=world.member).answered
    with pytest.raises(ValidationError):
        answer_all(survey, world.member, 5)  # once only
    with pytest.raises(ValidationError):
        answer_all(survey, world.eskilstuna_coordinator, 5)  # not invited


def test_no_figure_is_shown_from_fewer_than_five_answers(world, login):
    people = staff(world, world.halden, 5, "h")
    survey = open_round(world.halden, world.coordinator)
    for user in people[:4]:
        answer_all(survey, user, 3)
    actions.close_round(survey=survey, actor=world.coordinator)
    page = login(world.member).get(survey.get_absolute_url()).content.decode()
    assert "4 answers so far" in page and "<svg" not in page


def test_no_figure_is_shown_while_the_round_is_open(world, login):
    """Figures that moved with each answer would let anyone read a colleague's answers."""
    people = staff(world, world.halden, 6, "h")
    survey = open_round(world.halden, world.coordinator)
    for user in people:
        answer_all(survey, user, 3)
    page = login(world.member).get(survey.get_absolute_url()).content.decode()
    assert "<svg" not in page and "when the round closes" in page
    assert "6 of" not in page  # the live count is for the organisation's managers only
    assert "6 of" in login(world.coordinator).get(survey.get_absolute_url()).content.decode()
    actions.close_round(survey=survey, actor=world.coordinator)
    page = login(world.member).get(survey.get_absolute_url()).content.decode()
    assert "<svg" in page and "3.0" in page


def test_change_since_the_last_round_and_the_network_average(world, login):
    people = staff(world, world.halden, 5, "h")
    first = open_round(world.halden, world.coordinator, days_ago=400)
    first.closes_on = date.today() + timedelta(days=1)
    first.save()
    for user in people:
        answer_all(first, user, 2)
    second = open_round(world.halden, world.coordinator)
    for user in people:
        answer_all(second, user, 4)
    others = staff(world, world.sarpsborg, 5, "s")
    peer = open_round(world.sarpsborg, world.sarpsborg_member)
    for user in others:
        answer_all(peer, user, 3)
    for survey in (first, second, peer):
        actions.close_round(survey=survey, actor=world.coordinator)
    page = login(world.coordinator).get(second.get_absolute_url()).content.decode()
    assert "+2.0" in page and "Network average" in page
    assert "radar__earlier" in page and "radar__network" in page


def test_results_and_rounds_are_the_organisations_own(world, login):
    survey = open_round(world.halden, world.coordinator)
    assert login(world.eskilstuna_coordinator).get(survey.get_absolute_url()).status_code == 404
    assert login(world.partner).get(survey.get_absolute_url()).status_code == 404
    start = {"kind": "yearly", "opens_on": "2026-01-01", "closes_on": "2026-02-01"}
    # A member sees their organisation's rounds but may not start one; another organisation is hidden.
    response = login(world.member).post(reverse("capability:start"), {"organisation": "halden", **start})
    assert response.status_code == 403 and SurveyRound.objects.count() == 1
    response = login(world.member).post(reverse("capability:start"), {"organisation": "eskilstuna", **start})
    assert response.status_code == 404 and SurveyRound.objects.count() == 1
    Membership.objects.filter(user=world.member).delete()
    assert login(world.member).get(reverse("capability:answer", args=[survey.pk])).status_code == 404


def test_the_round_page_does_not_query_per_organisation_in_the_network(world, login):
    survey = open_round(world.halden, world.coordinator)
    client = login(world.coordinator)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(survey.get_absolute_url()).status_code == 200
        return len(context.captured_queries)

    def add_peer(n):
        peer = Organisation.objects.create(
            name=f"Peer {n}", slug=f"peer-{n}", kind="municipality", country="NO"
        )
        world.network.members.add(peer)
        people = staff(world, peer, 5, f"p{n}-")
        peer_round = open_round(peer, people[0])
        for user in people:
            answer_all(peer_round, user, 3)
        actions.close_round(survey=peer_round, actor=people[0])

    add_peer(0)
    first = count()
    for n in range(1, 5):
        add_peer(n)
    assert count() == first


def test_the_radar_coordinates_are_not_localised(world, login, client):
    people = staff(world, world.halden, 5, "h")
    survey = open_round(world.halden, world.coordinator)
    for user in people:
        answer_all(survey, user, 3)
    actions.close_round(survey=survey, actor=world.coordinator)
    client = login(world.coordinator)
    client.post(reverse("set_language"), {"language": "nb", "next": "/"})
    page = client.get(survey.get_absolute_url()).content.decode()
    assert not re.search(r"(x|y|x2|y2)=\"\d+,\d", page)


def closed_round(world, organisation, people, answers, opens_days_ago=0):
    """A round of ``organisation`` answered by ``people`` through ``answers(survey, index, user)``, closed."""
    survey = open_round(organisation, people[0], days_ago=opens_days_ago)
    for index, user in enumerate(people):
        answers(survey, index, user)
    actions.close_round(survey=survey, actor=people[0])
    return survey


def first_statement(survey, key):
    return survey.instrument.dimensions.get(key=key).statements.order_by("order").first()


def one_answer_and_four_dont_knows(key, value):
    """Everyone answers ``value`` except on the first statement of ``key``: one 5, four "don't know"."""

    def answers(survey, index, user):
        answer_all(survey, user, value, {first_statement(survey, key).pk: 5 if index == 0 else None})

    return answers


def test_five_respondents_with_four_dont_know_on_a_statement_show_no_figure_for_its_dimension(world, login):
    people = staff(world, world.halden, 5, "h")
    survey = closed_round(world, world.halden, people, one_answer_and_four_dont_knows("strategy", 3))
    response = login(world.member).get(survey.get_absolute_url())
    now = {row["dimension"].key: row["now"] for row in response.context["rows"]}
    assert now["strategy"] is None  # one person's 5 would otherwise lift it above 3.0
    assert now["culture"] == 3.0 and now["learning"] == 3.0
    page = response.content.decode()
    assert "has no figure" in page
    # The chart marks the dimensions that have a figure instead of drawing the missing one as a zero.
    assert 'polygon points="' not in page.split("radar__current")[0][-200:] and "<circle" in page


def test_a_fact_option_chosen_by_two_people_is_not_shown_as_two(world, login):
    people = staff(world, world.halden, 5, "h")
    survey = closed_round(
        world, world.halden, people, lambda s, i, u: answer_all(s, u, 3, fact="yes" if i < 2 else "no")
    )
    response = login(world.member).get(survey.get_absolute_url())
    assert {tuple(cells) for _fact, cells in response.context["facts"]} == {(SMALL, SMALL, 0)}
    page = response.content.decode()
    assert "fewer than 5" in page
    assert '<td class="num">2</td>' not in page and '<td class="num">3</td>' not in page


def test_a_fact_option_chosen_by_five_people_is_shown(world, login):
    people = staff(world, world.halden, 5, "h")
    survey = closed_round(world, world.halden, people, lambda s, i, u: answer_all(s, u, 3, fact="yes"))
    response = login(world.member).get(survey.get_absolute_url())
    assert response.content.decode().count('<td class="num">5</td>') == 6  # one for each fact


def test_a_count_that_would_give_a_small_one_away_through_the_total_is_hidden_too(world, login):
    people = staff(world, world.halden, 6, "h")
    survey = closed_round(
        world, world.halden, people, lambda s, i, u: answer_all(s, u, 3, fact="no" if i == 0 else "yes")
    )
    response = login(world.member).get(survey.get_absolute_url())
    # 6 answers − 5 "yes" would tell that exactly one person said "no".
    assert {tuple(cells) for _fact, cells in response.context["facts"]} == {(HIDDEN, SMALL, 0)}
    assert '<td class="num">5</td>' not in response.content.decode()


def test_the_counts_left_unaccounted_are_never_one_to_four_people():
    # Someone who left the question empty counts among the unaccounted too.
    assert protect_counts({"yes": 5, "no": 0, "unknown": 0}, 6) == {"yes": HIDDEN, "no": 0, "unknown": 0}
    assert protect_counts({"yes": 7, "no": 2, "unknown": 3}, 12) == {"yes": 7, "no": SMALL, "unknown": SMALL}
    assert protect_counts({"yes": 5, "no": 5, "unknown": 0}, 10) == {"yes": 5, "no": 5, "unknown": 0}
    assert protect_counts({"yes": 6, "no": 5, "unknown": 1}, 12) == {"yes": 6, "no": HIDDEN, "unknown": SMALL}


def test_the_network_average_counts_only_ended_rounds_and_dimensions_that_reach_the_threshold(world):
    own = closed_round(
        world, world.halden, staff(world, world.halden, 5, "h"), lambda s, i, u: answer_all(s, u, 4)
    )
    closed_round(
        world,
        world.sarpsborg,
        staff(world, world.sarpsborg, 5, "s"),
        one_answer_and_four_dont_knows("strategy", 3),
    )
    # A peer whose round is still open: its figures move with each answer and must not count.
    peer = Organisation.objects.create(name="Peer", slug="peer", kind="municipality", country="NO")
    world.network.members.add(peer)
    people = staff(world, peer, 5, "p")
    still_open = open_round(peer, people[0])
    for user in people:
        answer_all(still_open, user, 1)
    network = queries.network_average(own)
    by_key = {d.key: network["means"].get(d.pk) for d in own.instrument.dimensions.all()}
    assert network["organisations"] == 1
    assert by_key["strategy"] is None and by_key["culture"] == 3.0


def test_the_change_since_the_last_round_needs_a_figure_in_both_rounds(world, login):
    people = staff(world, world.halden, 5, "h")
    closed_round(
        world, world.halden, people, one_answer_and_four_dont_knows("strategy", 2), opens_days_ago=400
    )
    second = closed_round(world, world.halden, people, lambda s, i, u: answer_all(s, u, 4))
    response = login(world.member).get(second.get_absolute_url())
    change = {row["dimension"].key: row["change"] for row in response.context["rows"]}
    assert change["strategy"] is None and change["culture"] == 2.0


def test_a_round_whose_last_day_has_passed_reads_as_closed_everywhere(world, login):
    survey = actions.start_round(
        organisation=world.halden,
        kind="baseline",
        actor=world.coordinator,
        opens_on=date.today() - timedelta(days=30),
        closes_on=date.today() - timedelta(days=1),
    )
    assert survey.closed_at is None and survey.has_ended
    client = login(world.member)
    overview = client.get(reverse("capability:overview")).content.decode()
    assert re.search(r"<td>\s*Closed\s*</td>", overview) and not re.search(r"<td>\s*Open\s*</td>", overview)
    assert f"/capability/rounds/{survey.pk}/answer/" not in overview  # not waiting for answers
    page = client.get(survey.get_absolute_url()).content.decode()
    assert "Answer the survey" not in page and "Closed" in page
    coordinator_page = login(world.coordinator).get(survey.get_absolute_url()).content.decode()
    assert "Close the round" not in coordinator_page


def test_a_closed_round_offers_no_form_and_refuses_answers_with_a_clear_message(world, login):
    survey = open_round(world.halden, world.coordinator)
    actions.close_round(survey=survey, actor=world.coordinator)
    client = login(world.member)
    url = reverse("capability:answer", args=[survey.pk])
    page = client.get(url).content.decode()
    assert "This round closed on" in page and "Send my answers" not in page
    statement = first_statement(survey, "strategy")
    response = client.post(url, {f"s{statement.pk}": "4"})
    assert response.status_code == 400 and "This round closed on" in response.content.decode()
    assert not Response.objects.filter(survey=survey).exists()
    assert "Answer the survey" not in client.get(survey.get_absolute_url()).content.decode()


def test_a_round_that_has_not_opened_says_when_it_opens(world, login):
    survey = actions.start_round(
        organisation=world.halden,
        kind="yearly",
        actor=world.coordinator,
        opens_on=date.today() + timedelta(days=3),
        closes_on=date.today() + timedelta(days=20),
    )
    page = login(world.member).get(reverse("capability:answer", args=[survey.pk])).content.decode()
    assert "This round opens on" in page and "Send my answers" not in page


def test_who_may_manage_see_and_answer_a_round(world, login):
    survey = open_round(world.halden, world.coordinator)
    latecomer = person("late@halden.example", "Late Comer", world.halden, Role.MEMBER)
    expected = {  # person: (manage_rounds, view_results, answer_round)
        "admin": (True, True, True),
        "coordinator": (True, True, True),
        "lead": (False, True, True),
        "member": (False, True, True),
        "leader": (False, True, True),
        "partner": (False, False, False),
        "sarpsborg_member": (False, False, False),
        "operator": (False, False, False),
        "outsider": (False, False, False),
    }
    for name, wanted in expected.items():
        user = getattr(world, name)
        found = tuple(
            user.has_perm(f"capability.{rule}", survey)
            for rule in ("manage_rounds", "view_results", "answer_round")
        )
        assert found == wanted, name
    assert not latecomer.has_perm("capability.answer_round", survey)  # joined after the invitations
    assert login(latecomer).get(reverse("capability:answer", args=[survey.pk])).status_code == 403
    assert login(world.member).post(reverse("capability:close", args=[survey.pk])).status_code == 403
    survey.refresh_from_db()
    assert survey.closed_at is None
    assert (
        login(world.sarpsborg_member).post(reverse("capability:close", args=[survey.pk])).status_code == 404
    )
    assert login(world.coordinator).post(reverse("capability:close", args=[survey.pk])).status_code == 302


def test_capability_imports_only_lower_layers_and_only_at_module_level():
    import ast
    from pathlib import Path

    import innocities.capability

    higher = {
        "pipeline",
        "programmes",
        "coproduction",
        "engagement",
        "evaluation",
        "sustainability",
        "notifications",
        "site",
        "demo",
    }
    for path in Path(innocities.capability.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            # AppConfig.ready() is where Django lets an app import its own modules once apps are loaded
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "ready":
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{path.name}: {node.name} imports inside a function"
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                assert not (parts[0] == "innocities" and parts[1] in higher), (
                    f"{path.name} imports {node.module}"
                )
    assert "pipeline/" not in (Path(innocities.capability.__file__).parent / "views.py").read_text()


def test_the_demo_rounds_are_closed_and_dated_before_the_day_the_demo_is_loaded(world, login):
    from innocities.demo import capability as demo

    narvik = Organisation.objects.create(name="Narvik", slug="narvik", kind="municipality", country="NO")
    organisations = {"halden": world.halden, "sarpsborg": world.sarpsborg, "eskilstuna": world.eskilstuna}
    loaded_on = date.today()
    assert demo.build({**organisations, "narvik": narvik}, world.coordinator, today=loaded_on) > 0
    rounds = SurveyRound.objects.filter(organisation=world.halden).order_by("opens_on")
    assert [r.kind for r in rounds] == ["baseline", "yearly"]
    assert all(r.closed_at and r.closes_on < loaded_on and r.has_ended for r in rounds)
    assert rounds[0].opens_on.year + 1 == rounds[1].opens_on.year
    overview = login(world.member).get(reverse("capability:overview")).content.decode()
    assert not re.search(r"<td>\s*Open\s*</td>", overview)
    # Loaded on another day, the rounds move with it and still lie in the past.
    assert all(c < date(2031, 3, 1) for _kind, _o, c in demo.rounds(date(2031, 3, 1)))
    assert demo.rounds(date(2028, 3, 30))[0][1:] == (date(2027, 2, 4), date(2027, 2, 28))  # a leap day


def test_the_radar_labels_lie_inside_the_chart_in_every_language(world, login):
    """Measured in Chromium: each label's box lies within the SVG's view box, so none is cut off."""

    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    survey = closed_round(
        world, world.halden, staff(world, world.halden, 5, "h"), lambda s, i, u: answer_all(s, u, 3)
    )
    client = login(world.coordinator)
    pages = {}
    for language in ("sv", "nb", "en"):
        client.post(reverse("set_language"), {"language": language, "next": "/"})
        html = client.get(survey.get_absolute_url()).content.decode()
        pages[language] = html[html.index("<svg") : html.index("</svg>") + 6]
    css = (Path(settings.BASE_DIR) / "innocities" / "static" / "css" / "app.css").read_text(encoding="utf-8")
    measure = """svg => {
        const view = svg.viewBox.baseVal;
        return [...svg.querySelectorAll('text')].map(text => {
            const box = text.getBBox();
            return {label: text.textContent, inside: box.x >= view.x && box.y >= view.y
                && box.x + box.width <= view.x + view.width && box.y + box.height <= view.y + view.height};
        });
    }"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            for language, svg in pages.items():
                page.set_content(
                    f'<!doctype html><html lang="{language}"><style>{css}</style><body>{svg}</body></html>'
                )
                labels = page.locator("svg").evaluate(measure)
                assert len(labels) == 8, language
                assert [label["label"] for label in labels if not label["inside"]] == [], language
        finally:
            browser.close()
