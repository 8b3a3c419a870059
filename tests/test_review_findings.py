"""Regressions from the review of the spine: leaks through related titles, stale gate forms, and the rest."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from innocities.accounts.models import Membership
from innocities.pipeline import actions
from innocities.pipeline.models import GateDecision


def must(project):
    return {c.pk for c in project.phase.gate.criteria.filter(kind="must")}


def test_an_ideas_private_challenge_title_is_not_shown_to_others(world, login):
    idea = actions.submit_idea(
        organisation=world.halden,
        actor=world.member,
        challenge=world.challenge,
        title="Nettverksidé",
        description="d",
        visibility="network",
    )
    client = login(world.sarpsborg_member)
    assert client.get(world.challenge.get_absolute_url()).status_code == 404
    for url in (idea.get_absolute_url(), "/ideas/?scope=all"):
        page = client.get(url).content.decode()
        assert "Nettverksidé" in page and "Mindre vannlekkasje" not in page


def test_a_public_projects_private_idea_is_not_shown(world, login):
    idea = actions.submit_idea(
        organisation=world.halden,
        actor=world.member,
        programme=world.programme,
        title="Hemmelig idé",
        description="d",
    )
    project = actions.promote_idea(idea=idea, actor=world.coordinator)
    actions.update_project(project=project, actor=world.coordinator, visibility="public")
    page = login(world.eskilstuna_coordinator).get(project.get_absolute_url()).content.decode()
    assert "Hemmelig idé" in page  # the project kept the idea's title, which is now public
    assert idea.get_absolute_url() not in page


def test_network_operator_sees_members_only_of_organisations_in_their_networks(world, login):
    client = login(world.operator)
    assert "coordinator@halden.example" in client.get("/organisations/halden/").content.decode()
    assert "coordinator@eskilstuna.example" not in client.get("/organisations/eskilstuna/").content.decode()


def test_a_stale_gate_form_records_nothing(world, login):
    gate = world.private.phase.gate
    data = {
        "decision": "go",
        "gate": gate.pk,
        "reasoning": "OK",
        "decided_on": date.today().isoformat(),
        "decision_makers": [world.leader.pk],
        **{f"must_{pk}": "on" for pk in must(world.private)},
    }
    client = login(world.coordinator)
    assert client.post(reverse("pipeline:gate", args=[world.private.pk]), data).status_code == 302
    response = client.post(reverse("pipeline:gate", args=[world.private.pk]), {**data, "decision": "stop"})
    assert response.status_code == 400 and "passed this gate" in response.content.decode()
    assert GateDecision.objects.filter(project=world.private).count() == 1


def test_decision_makers_and_dates_are_checked_by_the_action(world):
    base = dict(
        project=world.private,
        decision="go",
        reasoning="r",
        met=must(world.private),
        scores={},
        actor=world.coordinator,
    )
    with pytest.raises(ValidationError) as error:
        actions.decide_gate(decided_on=date.today(), decision_makers=[world.eskilstuna_coordinator], **base)
    assert "decision_makers" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        actions.decide_gate(
            decided_on=date.today() + timedelta(days=3), decision_makers=[world.leader], **base
        )
    assert "decided_on" in error.value.error_dict
    actions.decide_gate(decided_on=date(2026, 5, 1), decision_makers=[world.leader], **base)
    world.private.refresh_from_db()
    base["met"] = must(world.private)
    with pytest.raises(ValidationError) as error:
        actions.decide_gate(decided_on=date(2026, 4, 1), decision_makers=[world.leader], **base)
    assert "decided_on" in error.value.error_dict


def test_targets_longer_than_the_field_are_refused(world, login):
    response = login(world.coordinator).post(
        reverse("programmes:edit", args=["halden"]),
        {
            "name": "Programme Halden",
            "starts_on": "2025-01-01",
            "ends_on": "2027-12-31",
            "targets_text": "x" * 300,
        },
    )
    assert response.status_code == 200 and "under 250 characters" in response.content.decode()


def test_an_idea_answering_a_closed_challenge_can_still_be_edited(world, login):
    actions.update_challenge(challenge=world.challenge, actor=world.coordinator, status="closed")
    response = login(world.member).post(
        reverse("pipeline:idea_edit", args=[world.idea.pk]),
        {
            "title": "Akustiske sensorer",
            "challenge": world.challenge.pk,
            "description": "d",
            "visibility": "private",
        },
    )
    assert response.status_code == 302
    world.idea.refresh_from_db()
    assert world.idea.title == "Akustiske sensorer"


def test_a_person_who_is_a_partner_elsewhere_can_still_steer_here(world, login):
    Membership.objects.create(user=world.member, organisation=world.sarpsborg, role="partner")
    page = login(world.coordinator).get(reverse("programmes:edit", args=["halden"])).content.decode()
    assert "Mona Member" in page


def test_the_last_project_lead_cannot_be_demoted(world, login):
    response = login(world.coordinator).post(
        reverse("pipeline:team_add", args=[world.private.pk]), {"user": world.lead.pk, "role": "member"}
    )
    assert response.status_code == 200 and "Name another project lead first" in response.content.decode()
    assert world.private.team.filter(user=world.lead, role="lead").exists()


def test_a_rejected_idea_cannot_become_a_project(world):
    actions.set_idea_status(
        idea=world.idea, status="rejected", reason="Dekket av annet prosjekt", actor=world.coordinator
    )
    with pytest.raises(ValidationError):
        actions.promote_idea(idea=world.idea, actor=world.coordinator)


def test_moving_a_challenge_moves_its_ideas(world):
    other = world.programme.__class__.objects.create(
        organisation=world.halden,
        name="Second",
        slug="second",
        starts_on=date(2025, 1, 1),
        ends_on=date(2026, 1, 1),
        method=world.method,
    )
    actions.update_challenge(challenge=world.challenge, actor=world.coordinator, programme=other)
    world.idea.refresh_from_db()
    assert world.idea.programme == other


def test_a_network_programme_is_edited_by_its_operator(world, login):
    from innocities.programmes.models import Programme

    cluster = Programme.objects.create(
        network=world.network,
        name="Cluster",
        slug="cluster",
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 1, 1),
        method=world.method,
    )
    client = login(world.operator)
    page = client.get(reverse("programmes:edit", args=["cluster"])).content.decode()
    assert "Sara Sarpsborg" in page and "Erik Eskilstuna" not in page
    response = client.post(
        reverse("programmes:edit", args=["cluster"]),
        {
            "name": "Cluster 2026",
            "starts_on": "2025-01-01",
            "ends_on": "2027-01-01",
            "steering_group": [world.sarpsborg_member.pk],
            "targets_text": "Del tre løsninger",
        },
    )
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert cluster.name == "Cluster 2026" and list(cluster.steering_group.all()) == [world.sarpsborg_member]


def test_board_history_restore_gets_the_whole_page(world, login):
    response = login(world.coordinator).get(
        reverse("pipeline:board", args=["halden"]),
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    assert "<html" in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_a_progress_update_cannot_be_dated_in_the_future(world, login):
    response = login(world.lead).post(
        reverse("pipeline:project_update", args=[world.private.pk]),
        {"written_on": (date.today() + timedelta(days=2)).isoformat(), "text": "x"},
    )
    assert response.status_code == 400 and not world.private.updates.exists()


def test_a_municipality_gets_one_organisation(world, login):
    from innocities.organisations.models import Municipality, Organisation

    halden = Municipality.objects.get(country="NO", code="3101")
    data = {
        "name": "Halden kommune",
        "kind": "municipality",
        "country": "NO",
        "municipality": halden.pk,
        "admin_name": "A",
        "admin_email": "a@halden.example",
    }
    client = login(world.operator)
    client.post(reverse("organisations:create"), data)
    response = client.post(reverse("organisations:create"), {**data, "name": "Halden kommune 2"})
    assert "already has an organisation" in response.content.decode()
    assert Organisation.objects.filter(official_code="3101").count() == 1


def test_switching_language_after_a_failed_post_returns_to_a_page(world, login):
    client = login(world.lead)
    page = client.post(
        reverse("pipeline:project_update", args=[world.private.pk]),
        {"written_on": "", "text": ""},
        HTTP_REFERER="http://testserver" + world.private.get_absolute_url(),
    ).content.decode()
    assert f'name="next" value="http://testserver{world.private.get_absolute_url()}"' in page


def test_an_outside_partner_cannot_lead_and_members_can_be_removed(world, login):
    client = login(world.coordinator)
    response = client.post(
        reverse("pipeline:team_add", args=[world.private.pk]), {"user": world.partner.pk, "role": "lead"}
    )
    assert "takes part as a partner" in response.content.decode()
    client.post(reverse("pipeline:team_remove", args=[world.private.pk, world.member.pk]))
    assert not world.private.team.filter(user=world.member).exists()
    client.post(reverse("pipeline:team_remove", args=[world.private.pk, world.lead.pk]))
    assert world.private.team.filter(user=world.lead, role="lead").exists()


def test_not_found_pages_are_translated_and_in_the_layout(world, login):
    client = login(world.coordinator)
    page = client.get("/projects/999999/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Sidan hittades inte" in page and 'class="site-header"' in page


def test_recycle_is_not_offered_at_the_first_gate(world, login):
    page = login(world.coordinator).get(reverse("pipeline:gate", args=[world.private.pk])).content.decode()
    assert 'value="recycle"' not in page


def _texts(value):
    """Every language's text in a method's data, however deeply it is nested."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def test_the_methods_speak_of_the_five_helix_sectors_of_the_stakeholder_map():
    import yaml

    from innocities.programmes.actions import METHODS_DIR

    for path in METHODS_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _texts({"phases": data["phases"], "gates": data["gates"]}):
            for outdated in (
                "quadruple helix",
                "fyrfaldig",
                "firedob",
                "four parts",
                "fyra delar",
                "fire deler",
            ):
                assert outdated not in text.lower(), (path.name, text)
    data = yaml.safe_load((METHODS_DIR / "innocities.yaml").read_text(encoding="utf-8"))
    helix = next(c for c in data["gates"][0]["criteria"] if c["key"] == "quadruple-helix")
    assert "five helix sectors" in helix["text"]["en"] and "citizens" in helix["text"]["en"]
    assert "fem helixsektorer" in helix["text"]["sv"] and "invånare" in helix["text"]["sv"]
    assert "fem helikssektorer" in helix["text"]["nb"] and "innbyggere" in helix["text"]["nb"]


def test_loading_the_methods_again_corrects_the_wording_of_the_same_version(world):
    from innocities.programmes.actions import adapt_method, load_shipped_methods
    from innocities.programmes.models import Criterion, Method

    old = {"en": "Relevant actors from all four parts of the quadruple helix have been identified."}
    shipped = Criterion.objects.filter(gate__method=world.method, gate__phase__order=1, key="quadruple-helix")
    shipped.update(text=old)
    world.method.phases.filter(order=1).update(checklist=[old])
    copy = adapt_method(programme=world.programme, actor=world.coordinator)
    methods = Method.objects.count()

    load_shipped_methods()

    criterion = shipped.get()
    assert "five helix sectors" in criterion.text["en"] and "fem helixsektorer" in criterion.text["sv"]
    assert criterion.kind == "should"  # the structure stays as it was loaded
    assert old not in world.method.phases.get(order=1).checklist
    assert Method.objects.count() == methods  # no new version
    # The programme's own copy keeps the wording it was adapted with.
    kept = Criterion.objects.get(gate__method=copy, gate__phase__order=1, key="quadruple-helix")
    assert kept.text == old


def test_the_team_form_tells_partners_from_staff_and_refuses_a_partner_as_team_member(world, login):
    from innocities.accounts.models import Role
    from tests.conftest import person

    researcher = person("forsker@hiof.example", "Rita Researcher", world.halden, Role.PARTNER)
    client = login(world.coordinator)
    url = reverse("pipeline:team_add", args=[world.public.pk])
    page = client.get(url).content.decode()
    assert "join the team as partners" in page
    assert '<optgroup label="Partners from outside the organisation">' in page
    partners = page.split('<optgroup label="Partners from outside the organisation">')[1].split(
        "</optgroup>"
    )[0]
    assert "Rita Researcher" in partners and "Mona Member" not in partners

    response = client.post(url, {"user": researcher.pk, "role": "member"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Rita Researcher is from outside the organisation and takes part as a partner" in page
    assert not world.public.team.filter(user=researcher).exists()
    roles = page.split('name="role"')[1].split("</select>")[0]
    assert 'value="partner"' in roles and 'value="member"' not in roles and 'value="lead"' not in roles

    assert client.post(url, {"user": researcher.pk, "role": "partner"}).status_code == 302
    assert world.public.team.get(user=researcher).role == "partner"
    assert client.post(url, {"user": world.member.pk, "role": "member"}).status_code == 302
    assert world.public.team.get(user=world.member).role == "member"
