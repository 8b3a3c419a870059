"""Sustainability: the SDG catalogue, the assessment workshop, profiles, balance, gates and portfolios."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innocities.pipeline.actions import decide_gate
from innocities.site import bench
from innocities.sustainability.actions import assess_goal, complete_assessment
from innocities.sustainability.catalogue import load_catalogue
from innocities.sustainability.models import Goal, Target
from innocities.sustainability.profile import Profile, classify, profile
from innocities.sustainability.queries import with_details
from tests.conftest import assess
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture, for the print test)


@pytest.fixture
def catalogue(db):
    load_catalogue()


def test_the_catalogue_has_17_goals_169_targets_and_three_languages(catalogue):
    assert Goal.objects.count() == 17 and Target.objects.count() == 169
    goal = Goal.objects.get(number=3)
    assert goal.short == {
        "en": "Good health and well-being",
        "nb": "God helse og livskvalitet",
        "sv": "God hälsa och välbefinnande",
    }
    assert goal.colour == "#4C9F38"
    assert load_catalogue()["targets"] == 169  # loading again changes nothing


def start(client, project):
    client.post(
        reverse("sustainability:start", args=[project.pk]),
        {"scope": "Smarte vannmålere i 200 husstander", "assessed_on": date.today().isoformat()},
    )
    return project.assessments.latest("pk")


def sort(client, assessment, **chosen):
    relevance = {f"goal_{n}": "not_relevant" for n in range(1, 18)}
    relevance.update({f"goal_{n.removeprefix('g')}": value for n, value in chosen.items()})
    return client.post(reverse("sustainability:relevance", args=[assessment.pk]), relevance)


def rate(client, assessment, number, **data):
    return client.post(reverse("sustainability:goal_step", args=[assessment.pk, number]), data)


def test_the_workshop_flow_through_the_browserless_forms(world, catalogue, login):
    client = login(world.lead)
    response = client.post(
        reverse("sustainability:start", args=[world.private.pk]),
        {
            "scope": "Smarte vannmålere i 200 husstander",
            "assessed_on": date.today().isoformat(),
            "participants": [world.lead.pk, world.member.pk],
        },
    )
    assessment = world.private.assessments.get()
    assert response["Location"] == reverse("sustainability:relevance", args=[assessment.pk])
    response = sort(client, assessment, g6="relevant", g12="dont_know", g13="relevant")
    assert response["Location"] == reverse("sustainability:goal_step", args=[assessment.pk, 6])
    target = Target.objects.get(code="6.4")
    response = rate(
        client,
        assessment,
        6,
        impact="2",
        pathway="direct",
        rationale="Lekkasjer oppdages raskere.",
        targets=[target.pk],
    )
    assert response["Location"] == reverse("sustainability:goal_step", args=[assessment.pk, 12])
    rate(client, assessment, 12, impact="gap", rationale="Vi vet ikke hva som skjer med de gamle målerne.")
    # Completing before every goal is assessed is refused.
    client.post(reverse("sustainability:actions", args=[assessment.pk]), {"do": "complete"})
    assessment.refresh_from_db()
    assert not assessment.is_complete
    rate(client, assessment, 13, impact="1", pathway="indirect", rationale="Mindre pumping.")
    client.post(
        reverse("sustainability:actions", args=[assessment.pk]),
        {"kind": "reduce", "goal": 12, "text": "Gjenbruk av gamle målere", "owner": "VA-avdelingen"},
    )
    client.post(reverse("sustainability:actions", args=[assessment.pk]), {"do": "complete"})
    assessment.refresh_from_db()
    assert assessment.is_complete and assessment.phase == world.private.phase
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "Lekkasjer oppdages raskere." in page and "6.4" in page and "<svg" in page
    assert "Knowledge gap on 12" in page  # the gap has no action to close it
    # A completed assessment is kept as it is.
    assert client.get(reverse("sustainability:relevance", args=[assessment.pk])).status_code == 404


def test_sorting_offers_dont_know_beside_relevant_and_not_relevant(world, catalogue, login):
    client = login(world.lead)
    assessment = start(client, world.private)
    page = client.get(reverse("sustainability:relevance", args=[assessment.pk])).content.decode()
    assert page.count('value="dont_know"') == 17 and page.count('value="relevant"') == 17
    sort(client, assessment, g7="dont_know", g11="relevant")
    assert dict(assessment.goals.exclude(relevance="not_relevant").values_list("goal_id", "relevance")) == {
        7: "dont_know",
        11: "relevant",
    }
    # A goal the team does not know about is assessed too: the assessment cannot be completed without it.
    rate(client, assessment, 11, impact="1", pathway="direct", rationale="Tryggere gater.")
    assert client.get(reverse("sustainability:goal_step", args=[assessment.pk, 7])).status_code == 200
    with pytest.raises(ValidationError, match="goal 7"):
        complete_assessment(assessment=assessment, user=world.lead)
    # Sorting only "not relevant" is refused with a message on the page.
    response = sort(client, assessment)
    assert response.status_code == 200
    assert "Mark at least one goal as relevant, or say that you don&#x27;t know." in response.content.decode()


def test_a_knowledge_gap_is_chosen_instead_of_an_impact_rating(world, catalogue, login):
    client = login(world.lead)
    assessment = start(client, world.private)
    sort(client, assessment, g6="relevant", g15="dont_know")
    page = client.get(reverse("sustainability:goal_step", args=[assessment.pk, 15])).content.decode()
    assert "0 no impact" in page and "Knowledge gap: we cannot judge it yet" in page
    assert "neutral or uncertain" not in page
    rate(
        client, assessment, 15, impact="gap", pathway="direct", rationale="Ingen kartlegging av naturen ennå."
    )
    row = assessment.goals.get(goal_id=15)
    assert (row.knowledge_gap, row.impact, row.pathway) == (True, None, "")
    rate(client, assessment, 6, impact="0", pathway="direct", rationale="Ingen endring i vannforbruket.")
    row = assessment.goals.get(goal_id=6)
    assert (row.knowledge_gap, row.impact, row.pathway) == (False, 0, "")  # "no impact" is a rating
    with pytest.raises(ValidationError, match="either an impact or a knowledge gap"):
        assess_goal(
            assessment=assessment,
            goal_number=6,
            impact=-1,
            knowledge_gap=True,
            rationale="Begge deler",
            targets=[],
            user=world.lead,
        )


def test_the_rationale_is_required_and_the_form_says_so(world, catalogue, login):
    client = login(world.lead)
    assessment = start(client, world.private)
    sort(client, assessment, g6="relevant")
    for rationale in ("", "   "):
        response = rate(client, assessment, 6, impact="2", pathway="direct", rationale=rationale)
        assert response.status_code == 200
        assert "This field is required." in response.content.decode()
    response = rate(client, assessment, 6, impact="gap", rationale="")
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not assessment.goals.get(goal_id=6).is_assessed
    with pytest.raises(ValidationError, match="Give the rationale"):
        assess_goal(
            assessment=assessment,
            goal_number=6,
            impact=2,
            knowledge_gap=False,
            rationale=" ",
            targets=[],
            user=world.lead,
        )


def test_a_positive_or_negative_impact_is_recorded_as_direct_or_indirect(world, catalogue, login):
    client = login(world.lead)
    assessment = start(client, world.private)
    sort(client, assessment, g6="relevant", g12="relevant")
    response = rate(client, assessment, 6, impact="2", rationale="Lekkasjer oppdages raskere.")
    assert response.status_code == 200
    assert "Say whether the impact is direct or indirect." in response.content.decode()
    assert not assessment.goals.get(goal_id=6).is_assessed
    rate(client, assessment, 6, impact="2", pathway="direct", rationale="Lekkasjer oppdages raskere.")
    rate(client, assessment, 12, impact="-1", pathway="indirect", rationale="Flere elektroniske målere.")
    assert dict(assessment.goals.filter(goal_id__in=[6, 12]).values_list("goal_id", "pathway")) == {
        6: "direct",
        12: "indirect",
    }
    page = client.get(reverse("sustainability:goal_step", args=[assessment.pk, 12])).content.decode()
    assert re.search(r'name="pathway" value="indirect"[^>]*checked', page)


def test_the_result_board_places_the_goals_in_rows_by_impact(world, catalogue, login):
    client = login(world.lead)
    assessment = start(client, world.private)
    sort(client, assessment, g6="relevant", g13="relevant", g12="dont_know", g15="relevant", g7="relevant")
    rate(client, assessment, 6, impact="2", pathway="direct", rationale="Lekkasjer.")
    rate(client, assessment, 13, impact="1", pathway="indirect", rationale="Mindre pumping.")
    rate(client, assessment, 12, impact="gap", rationale="Vet ikke.")
    rate(client, assessment, 15, impact="-2", pathway="direct", rationale="Nye ledninger gjennom skogen.")
    rate(client, assessment, 7, impact="0", rationale="Ingen endring.")
    page = client.get(reverse("sustainability:board", args=[assessment.pk])).content.decode()
    rows = {
        key: set(map(int, re.findall(r'board-goal--(\d+)"', body)))
        for key, body in re.findall(r'result-board__row--(\w+)">(.*?)</tr>', page, re.S)
    }
    assert rows["direct_positive"] == {6} and rows["indirect_positive"] == {13}
    assert rows["knowledge_gap"] == {12} and rows["direct_negative"] == {15} and rows["no_impact"] == {7}
    assert rows["indirect_negative"] == set() and len(rows["not_relevant"]) == 12
    order = [key for key, _body in re.findall(r'result-board__row--(\w+)">(.*?)</tr>', page, re.S)]
    assert order[:6] == [
        "direct_positive",
        "indirect_positive",
        "no_impact",
        "knowledge_gap",
        "indirect_negative",
        "direct_negative",
    ]
    assert "\u22122" in page  # the impact on goal 15, with a true minus sign
    assert (
        login(world.eskilstuna_coordinator)
        .get(reverse("sustainability:board", args=[assessment.pk]))
        .status_code
        == 404
    )


def test_profile_means_leave_knowledge_gaps_out(world, catalogue):
    assessment = assess(world.private, world.lead, {6: 2, 3: 1, 8: 1})
    # Goal 14 (ecological, like 6) is a knowledge gap; it must not pull the mean towards 0.
    assessment.goals.filter(goal_id=14).update(relevance="dont_know", knowledge_gap=True, rationale="?")
    result = load(assessment)
    assert result.dimensions == {"ecological": 2.0, "social": 1.0, "economic": 1.0}
    assert ("gap", Goal.objects.get(number=14)) in result.flags and result.impact_of(14) == "gap"
    assert result.balance == "integrated"
    # Even a row that still carries the old scale's 0 beside its gap counts as a gap, not as a 0.
    detailed = with_details(type(assessment).objects.filter(pk=assessment.pk)).get()
    row = next(g for g in detailed.goals.all() if g.goal_id == 14)
    row.impact = 0
    assert profile(detailed).dimensions["ecological"] == 2.0


def test_impacts_are_signed_with_a_true_minus_sign_everywhere(world, catalogue, login):
    from django.utils import translation

    from innocities.sustainability.templatetags.sustainability_charts import signed

    assert [signed(2), signed(1), signed(0), signed(-1), signed(None)] == ["+2", "+1", "0", "\u22121", ""]
    assert signed(-1.0, 1) == "\u22121.0" and signed(0.5) == "+0.5"
    with translation.override("sv"):
        assert signed(0.5) == "+0,5" and signed(-1.5, 1) == "\u22121,5"
    done = assess(world.private, world.lead, {6: 2, 12: -1, 15: -2}, actions=[("reduce", 12)])
    client = login(world.coordinator)
    for url in (
        done.get_absolute_url(),
        reverse("sustainability:board", args=[done.pk]),
        reverse("sustainability:programme_portfolio", args=["halden"]),
        reverse("sustainability:goal", args=[12]),
    ):
        page = client.get(url).content.decode()
        assert not re.search(r">\s*-\d", page), url  # never a hyphen for a minus
        assert "\u22121" in page, url
    page = client.get(done.get_absolute_url()).content.decode()
    assert '<td class="num">+2</td>' in page and '<td class="num">2</td>' not in page


def test_the_swedish_goal_pages_read_swedish_and_say_where_they_fall_back_to_english(catalogue, client):
    from django.utils import translation

    from innocities.accounts.models import User

    user = User.objects.create_user(email="läsare@example.se", password="x" * 12)
    client.force_login(user)
    client.cookies["django_language"] = "sv"
    try:
        page = client.get(reverse("sustainability:goal", args=[6])).content.decode()
    finally:
        translation.activate("en")  # the middleware leaves the request's language active
    assert "Säkerställa tillgången till och en hållbar förvaltning av vatten och sanitet för alla" in page
    assert "Ensure availability" not in page
    assert 'lang="en"><strong>6.1</strong>' in page  # targets: no open Swedish text, marked English
    assert "inte finns någon öppet licensierad översättning" in page


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_maps_old_assessments_onto_the_tools_terms(world, catalogue):
    """Old rows: relevance direct/indirect, impact 0 + knowledge gap meaning "we don't know"."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    done = assess(world.private, world.lead, {6: 2, 12: -1, 13: 1, 7: 0})
    executor = MigrationExecutor(connection)
    leaf = executor.loader.graph.leaf_nodes("sustainability")
    executor.migrate([("sustainability", "0002_indicators")])
    old = MigrationExecutor(connection).loader.project_state(("sustainability", "0002_indicators")).apps
    rows = old.get_model("sustainability", "GoalAssessment").objects.filter(assessment_id=done.pk)
    rows.filter(goal_id=6).update(relevance="direct")
    rows.filter(goal_id=12).update(relevance="indirect", knowledge_gap=True)  # −1, but "we lack knowledge"
    rows.filter(goal_id=13).update(relevance="indirect")
    rows.filter(goal_id=7).update(relevance="indirect", knowledge_gap=True)  # the old "0 uncertain"
    executor = MigrationExecutor(connection)
    executor.migrate(leaf)
    new = {r.goal_id: r for r in done.goals.all()}
    assert {n: new[n].relevance for n in (6, 12, 13, 7, 1)} == {
        6: "relevant",
        12: "relevant",
        13: "relevant",
        7: "relevant",
        1: "not_relevant",
    }
    assert (new[6].impact, new[6].pathway, new[6].knowledge_gap) == (2, "direct", False)
    assert (new[13].impact, new[13].pathway) == (1, "indirect")
    assert (new[7].impact, new[7].knowledge_gap, new[7].pathway) == (None, True, "")
    assert (new[12].impact, new[12].knowledge_gap) == (None, True)
    assert "\u22121" in new[12].rationale  # the rating the team gave is kept in its words
    assert load(done).dimensions["economic"] is None  # goal 12 is a gap now: not a −1 in the mean


def load(assessment):
    return profile(with_details(type(assessment).objects.filter(pk=assessment.pk)).get())


def test_balance_classification(world, catalogue):
    integrated = load(assess(world.private, world.lead, {6: 2, 3: 1, 8: 1}))
    assert integrated.balance == "integrated"
    assert integrated.dimensions == {"ecological": 2.0, "social": 1.0, "economic": 1.0}
    single = load(assess(world.public, world.lead, {7: 2, 11: 1}))
    assert single.balance == "single_dimension"
    trade = load(assess(world.network_project, world.lead, {13: 2, 9: 1, 15: -1}))
    assert trade.balance == "trade_offs" and ("negative", Goal.objects.get(number=15)) in trade.flags
    addressed = load(
        assess(world.make_project(title="X"), world.lead, {13: 2, 9: 1, 15: -1}, actions=[("reduce", 15)])
    )
    assert addressed.balance == "integrated" and addressed.flags == []
    assert classify([], {"ecological": None}) == "neutral"
    assert Profile(rows=[], dimensions={}, flags=[], balance="not_assessed").balance_label == "Not assessed"


def test_gates_from_the_second_need_a_current_assessment(world, catalogue):
    def decide(**extra):
        world.private.refresh_from_db()
        gate = world.private.phase.gate
        return decide_gate(
            project=world.private,
            decision="go",
            reasoning="ok",
            decided_on=date.today(),
            decision_makers=[world.leader],
            scores={},
            actor=world.coordinator,
            met={c.pk for c in gate.criteria.filter(kind="must")},
            **extra,
        )

    decide()  # the first gate asks for no assessment
    with pytest.raises(ValidationError) as error:
        decide()
    assert "sustainability assessment" in str(error.value)
    assess(world.private, world.lead)
    decide()
    world.private.refresh_from_db()
    assert world.private.phase.order == 3
    # The assessment from the earlier phase no longer counts at the next gate.
    with pytest.raises(ValidationError):
        decide()


def test_the_gate_review_shows_the_latest_assessment_and_what_changed(world, catalogue, login):
    assess(world.private, world.lead, {6: 1, 12: -1})
    assess(world.private, world.lead, {6: 2, 12: -1}, actions=[("reduce", 12)])
    page = login(world.coordinator).get(reverse("pipeline:gate", args=[world.private.pk])).content.decode()
    assert "What changed since the assessment before" in page
    assert "6. Clean water and sanitation" in page


def test_compare_two_assessments_side_by_side(world, catalogue, login):
    first = assess(world.private, world.lead, {6: 1})
    second = assess(world.private, world.lead, {6: 2, 13: 1})
    page = (
        login(world.member)
        .get(reverse("sustainability:compare", args=[first.pk, second.pk]))
        .content.decode()
    )
    assert page.count("changed") >= 2


def test_goal_page_lists_contributing_and_harming_projects_the_reader_may_see(world, catalogue, login):
    assess(world.private, world.lead, {6: 2})
    assess(world.eskilstuna_private, world.eskilstuna_coordinator, {6: -2}, actions=[])
    assess(world.eskilstuna_public, world.eskilstuna_coordinator, {6: -1})
    page = login(world.coordinator).get(reverse("sustainability:goal", args=[6])).content.decode()
    assert "Smarte vannmålere" in page and "Smarta vattenmätare" in page
    assert "Digital hemtjänst" not in page


def test_portfolio_view_and_its_query_count(world, catalogue, login, settings):
    settings.CACHES = bench.NO_CACHE  # computed
    client = login(world.coordinator)
    url = reverse("sustainability:programme_portfolio", args=["halden"])
    assess(world.private, world.lead, {6: 2, 15: -1})
    with CaptureQueriesContext(connection) as small:
        page = client.get(url).content.decode()
    assert "Trade-offs to act on" in page and "Smarte vannmålere" in page and "Not assessed yet" in page
    for n in range(6):
        assess(world.make_project(title=f"P{n}"), world.lead, {7: 1, 9: 1, 13: 2})
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries) <= 25
    assert login(world.eskilstuna_coordinator).get(url).status_code == 404
    assert (
        login(world.eskilstuna_coordinator)
        .get(reverse("sustainability:organisation_portfolio", args=["halden"]))
        .status_code
        == 404
    )


def test_a_portfolio_and_a_goal_page_are_kept_until_an_assessment_or_project_changes(world, catalogue, login):
    """Both are cached per reader; a completed assessment or a changed project shows at the next reading."""
    client = login(world.coordinator)
    portfolio = reverse("sustainability:programme_portfolio", args=["halden"])
    goal = reverse("sustainability:goal", args=[13])
    assess(world.private, world.lead, {6: 2})
    waiting = world.make_project(title="Solceller")
    before = client.get(portfolio).content.decode()
    assert "Solceller" in before and "Smarte vannmålere" not in client.get(goal).content.decode()
    assess(world.make_project(title="Grønne tak"), world.lead, {13: 2})
    after = client.get(portfolio).content.decode()
    assert before != after and "Grønne tak" not in before
    assert "Grønne tak" in client.get(goal).content.decode()
    waiting.title = "Solceller på taket"
    waiting.save()
    assert "Solceller på taket" in client.get(portfolio).content.decode()


def test_only_the_team_and_managers_assess(world, catalogue, login):
    assert (
        login(world.leader).get(reverse("sustainability:start", args=[world.private.pk])).status_code == 403
    )
    assert (
        login(world.member).get(reverse("sustainability:start", args=[world.private.pk])).status_code == 200
    )
    assessment = assess(world.private, world.lead)
    assert login(world.eskilstuna_coordinator).get(assessment.get_absolute_url()).status_code == 404


def test_a_network_keeps_its_own_grouping_of_the_goals(world, catalogue, login):
    url = reverse("sustainability:dimension_map", args=[world.network.slug])
    assert login(world.coordinator).get(url).status_code == 403
    client = login(world.operator)
    data = {f"goal_{n}": "social" for n in range(1, 18)}
    data["goal_7"] = "ecological"
    response = client.post(url, data)
    assert response.status_code == 302
    result = load(assess(world.private, world.lead, {7: 2, 3: 1}))
    assert result.dimensions == {"ecological": 2.0, "social": 1.0, "economic": None}
    # Eskilstuna is in no network: the default grouping (7 is social) still holds there.
    other = load(assess(world.eskilstuna_private, world.eskilstuna_coordinator, {7: 2}))
    assert other.dimensions["social"] == 2.0


def test_the_result_board_prints_on_one_a4_page(world, catalogue, browser, live_server):  # noqa: F811
    from tests.conftest import PASSWORD
    from tests.test_browser import sign_in

    done = assess(world.private, world.lead, {n: (n % 5) - 2 or 1 for n in range(1, 18)})
    done.goals.filter(goal_id__in=[4, 9]).update(impact=None, pathway="", knowledge_gap=True)
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    sign_in(page, "coordinator@halden.example", PASSWORD)
    page.goto(reverse("sustainability:board", args=[done.pk]))
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    context.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert re.search(rb"/MediaBox\s*\[0 0 594\.9\d* 841\.9\d*\]", pdf)  # A4, not Letter
