"""Sustainability: the SDG catalogue, the assessment workshop, profiles, balance, gates and portfolios."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innocities.pipeline.actions import decide_gate
from innocities.sustainability.catalogue import load_catalogue
from innocities.sustainability.models import Goal, Target
from innocities.sustainability.profile import Profile, classify, profile
from innocities.sustainability.queries import with_details
from tests.conftest import assess


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
    relevance = {f"goal_{n}": "not_relevant" for n in range(1, 18)}
    relevance.update({"goal_6": "direct", "goal_12": "indirect", "goal_13": "indirect"})
    response = client.post(reverse("sustainability:relevance", args=[assessment.pk]), relevance)
    assert response["Location"] == reverse("sustainability:goal_step", args=[assessment.pk, 6])
    target = Target.objects.get(code="6.4")
    client.post(
        reverse("sustainability:goal_step", args=[assessment.pk, 6]),
        {"impact": "2", "rationale": "Lekkasjer oppdages raskere.", "targets": [target.pk]},
    )
    client.post(
        reverse("sustainability:goal_step", args=[assessment.pk, 12]),
        {"impact": "-1", "rationale": "Flere elektroniske målere.", "knowledge_gap": "on"},
    )
    # Completing before every goal is assessed is refused.
    client.post(reverse("sustainability:actions", args=[assessment.pk]), {"do": "complete"})
    assessment.refresh_from_db()
    assert not assessment.is_complete
    client.post(
        reverse("sustainability:goal_step", args=[assessment.pk, 13]),
        {"impact": "1", "rationale": "Mindre pumping."},
    )
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


def test_portfolio_view_and_its_query_count(world, catalogue, login):
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
