"""The capability self-assessment: anonymous rounds, the five-respondent threshold, change and network."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from innocities.accounts.models import Membership, Role
from innocities.capability import actions
from innocities.capability.models import Invitation, Response, SurveyRound
from tests.conftest import person


def answer_all(survey, user, value):
    statements = [s.pk for d in survey.instrument.dimensions.all() for s in d.statements.all()]
    return actions.answer(
        survey=survey,
        user=user,
        values={pk: value for pk in statements},
        facts={f.pk: "yes" for f in survey.instrument.facts.all()},
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
    response = login(world.member).post(
        reverse("capability:start"),
        {"organisation": "halden", "kind": "yearly", "opens_on": "2026-01-01", "closes_on": "2026-02-01"},
    )
    assert response.status_code == 404 and SurveyRound.objects.count() == 1
    Membership.objects.filter(user=world.member).delete()
    assert login(world.member).get(reverse("capability:answer", args=[survey.pk])).status_code == 404


def test_the_round_page_does_not_query_per_organisation_in_the_network(world, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from innocities.organisations.models import Organisation

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
    import re

    assert not re.search(r"(x|y|x2|y2)=\"\d+,\d", page)
