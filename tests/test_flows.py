"""The main journeys through the HTTP interface."""

import re

from django.urls import reverse

from innocities.organisations.models import Organisation
from innocities.pipeline.models import Challenge, Idea, Project
from innocities.programmes.models import Criterion


def test_challenge_to_idea_to_project_to_gate_to_board(world, login):
    client = login(world.coordinator)
    client.post(
        reverse("pipeline:challenge_create"),
        {
            "organisation": "halden",
            "title": "Tomme ferger om natten",
            "programme": world.programme.pk,
            "description": "Fergene går tomme.",
            "status": "open",
            "visibility": "private",
        },
    )
    challenge = Challenge.objects.get(title="Tomme ferger om natten")
    client.post(
        reverse("pipeline:idea_create"),
        {
            "organisation": "halden",
            "title": "Ferge på bestilling",
            "description": "Bestill via app.",
            "challenge": challenge.pk,
            "visibility": "private",
        },
    )
    idea = Idea.objects.get(title="Ferge på bestilling")
    assert idea.programme == world.programme
    response = client.post(
        reverse("pipeline:idea_promote", args=[idea.pk]),
        {
            "title": "Bestillingsferge",
            "summary": "Pilot med bestillingsferge.",
            "focus_area": world.energy.pk,
            "visibility": "private",
        },
    )
    project = Project.objects.get(title="Bestillingsferge")
    assert response["Location"] == project.get_absolute_url()
    idea.refresh_from_db()
    assert idea.status == "selected" and project.idea == idea
    board = client.get(reverse("pipeline:board", args=["halden"])).content.decode()
    assert _column_of(board, project) == "1"

    gate = project.phase.gate
    data = {
        "decision": "go_conditions",
        "gate": project.phase.gate.pk,
        "conditions": "Involve the ferry crews.",
        "reasoning": "Travel data shows the need.",
        "decided_on": "2026-03-01",
        "decision_makers": [world.leader.pk, world.coordinator.pk],
    }
    data.update({f"must_{c.pk}": "on" for c in gate.criteria.filter(kind="must")})
    client.post(reverse("pipeline:gate", args=[project.pk]), data)
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Travel data shows the need." in page and "Involve the ferry crews." in page
    board = client.get(reverse("pipeline:board", args=["halden"])).content.decode()
    assert _column_of(board, project) == "2"


def _column_of(board_html, project):
    """The phase number of the column the project's card stands in."""
    position = board_html.index(f'data-project="{project.pk}"')
    return re.findall(r'id="phase-(\d+)"', board_html[:position])[-1]


def test_board_filters_by_focus_area_status_and_text(world, login):
    client = login(world.coordinator)
    url = reverse("pipeline:board", args=["halden"])
    page = client.get(url, {"focus_area": world.water.pk}).content.decode()
    assert "Smarte vannmålere" in page and "Solceller på skoletak" not in page
    page = client.get(url, {"q": "solceller"}).content.decode()
    assert "Solceller på skoletak" in page and "Smarte vannmålere" not in page
    page = client.get(url, {"status": "stopped"}).content.decode()
    assert "Smarte vannmålere" not in page


def test_board_answers_htmx_with_only_the_columns(world, login):
    response = login(world.coordinator).get(
        reverse("pipeline:board", args=["halden"]), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert 'id="board"' in page and "<html" not in page


def test_adapting_the_method_affects_only_this_programme(world, login):
    client = login(world.coordinator)
    other = world.sarpsborg_programme
    client.post(reverse("programmes:method_adapt", args=["halden"]), {"action": "copy"})
    world.programme.refresh_from_db()
    copy = world.programme.method
    assert copy.owner_programme == world.programme and copy.based_on == world.method
    world.private.refresh_from_db()
    assert world.private.method == copy and world.private.phase.method == copy

    phase = copy.phases.get(order=1)
    client.post(
        reverse("programmes:phase_rename", args=["halden", phase.pk]),
        {"name_sv": "Behov", "name_nb": "Behovet", "name_en": "The need"},
    )
    client.post(
        reverse("programmes:criterion_add", args=["halden", phase.pk]),
        {"kind": "must", "text": "Brukerrådet er hørt", "evidence": "Referat"},
    )
    removed = phase.gate.criteria.filter(kind="should").first()
    client.post(reverse("programmes:criterion_remove", args=["halden", removed.pk]))
    phase.refresh_from_db()
    assert phase.name["nb"] == "Behovet"
    assert phase.gate.criteria.filter(text__en="Brukerrådet er hørt").exists()
    assert not Criterion.objects.filter(pk=removed.pk).exists()
    # The shipped method and the other programme are untouched.
    assert world.method.phases.get(order=1).name["nb"] != "Behovet"
    assert other.method == world.method
    assert world.method.gates.get(phase__order=1).criteria.filter(key=removed.key).exists()


def test_the_shipped_method_cannot_be_edited(world, login):
    phase = world.method.phases.get(order=1)
    response = login(world.coordinator).post(
        reverse("programmes:phase_rename", args=["halden", phase.pk]), {"name_en": "Hacked"}
    )
    assert response.status_code == 403
    phase.refresh_from_db()
    assert phase.name["en"] != "Hacked"


def test_a_gate_decision_keeps_the_criteria_it_was_decided_under(world, login):
    from innocities.programmes.actions import adapt_method, remove_criterion

    client = login(world.coordinator)
    gate = world.private.phase.gate
    data = {
        "decision": "go",
        "gate": world.private.phase.gate.pk,
        "reasoning": "OK",
        "decided_on": "2026-03-01",
        "decision_makers": [world.leader.pk],
    }
    data.update({f"must_{c.pk}": "on" for c in gate.criteria.filter(kind="must")})
    client.post(reverse("pipeline:gate", args=[world.private.pk]), data)
    decision = world.private.gate_decisions.get()
    texts = [a["text"]["en"] for a in decision.answers]
    copy = adapt_method(programme=world.programme, actor=world.coordinator)
    for criterion in Criterion.objects.filter(gate__method=copy, gate__phase__order=1):
        remove_criterion(programme=world.programme, criterion=criterion, actor=world.coordinator)
    decision.refresh_from_db()
    assert [a["text"]["en"] for a in decision.answers] == texts
    answer_text = decision.answers[0]["text"]["en"]
    assert answer_text in client.get(world.private.get_absolute_url()).content.decode()


def test_creating_an_organisation_offers_the_official_municipalities(world, login):
    client = login(world.operator)
    page = client.get(reverse("organisations:create")).content.decode()
    assert "Halden (3101)" in page and "Narvik (1806)" in page
    from innocities.organisations.models import Municipality

    halden = Municipality.objects.get(country="NO", code="3101")
    client.post(
        reverse("organisations:create"),
        {
            "name": "Halden kommune",
            "kind": "municipality",
            "country": "NO",
            "municipality": halden.pk,
            "admin_name": "Ada Admin",
            "admin_email": "ada@halden.example",
        },
    )
    organisation = Organisation.objects.get(name="Halden kommune")
    assert organisation.official_code == "3101" and str(organisation.code_valid_from) == "2024-01-01"
    assert organisation.memberships.get().user.email == "ada@halden.example"


def test_a_municipality_from_another_country_is_refused(world, login):
    from innocities.organisations.models import Municipality

    response = login(world.operator).post(
        reverse("organisations:create"),
        {
            "name": "X",
            "kind": "municipality",
            "country": "SE",
            "municipality": Municipality.objects.get(country="NO", code="3101").pk,
            "admin_name": "A",
            "admin_email": "a@x.example",
        },
    )
    assert response.status_code == 200 and "not in the chosen country" in response.content.decode()
    assert not Organisation.objects.filter(name="X").exists()


def test_my_work_lists_gates_ideas_and_led_projects(world, login):
    page = login(world.coordinator).get(reverse("pipeline:my_work")).content.decode()
    assert "Akustiske lekkasjesensorer" in page  # an idea to review
    assert "Smarte vannmålere" in page  # a gate to decide
    page = login(world.lead).get(reverse("pipeline:my_work")).content.decode()
    assert "Smarte vannmålere" in page and "Akustiske lekkasjesensorer" not in page


def test_language_switch_translates_the_page(world, login):
    client = login(world.coordinator)
    client.post(reverse("set_language"), {"language": "en", "next": "/my-work/"})
    assert "Gates to decide" in client.get("/my-work/").content.decode()
    client.post(reverse("set_language"), {"language": "sv", "next": "/my-work/"})
    assert "Grindar att besluta" in client.get("/my-work/").content.decode()


def test_coordinator_creates_a_programme_with_own_focus_areas_and_targets(world, login):
    from innocities.programmes.models import Programme

    client = login(world.coordinator)
    response = client.post(
        reverse("programmes:create"),
        {
            "organisation": "halden",
            "name": "Havneprogrammet 2026–2028",
            "starts_on": "2026-01-01",
            "ends_on": "2028-12-31",
            "method": world.method.pk,
            "focus_areas": [world.energy.pk],
            "coordinators": [world.coordinator.pk],
            "steering_group": [world.leader.pk],
            "own_focus_areas": "Arktisk logistikk",
            "targets_text": "Seks piloter på seks måneder\nTo implementerte",
        },
    )
    programme = Programme.objects.get(name="Havneprogrammet 2026–2028")
    assert response["Location"] == programme.get_absolute_url()
    assert programme.slug == "havneprogrammet-20262028"
    assert {a.label for a in programme.focus_areas.all()} == {"Energy", "Arktisk logistikk"}
    assert [t.text for t in programme.targets.all()] == ["Seks piloter på seks måneder", "To implementerte"]
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Seks piloter på seks måneder" in page and "Leif Leader" in page


def test_programme_with_end_before_start_is_refused(world, login):
    from innocities.programmes.models import Programme

    response = login(world.coordinator).post(
        reverse("programmes:create"),
        {
            "organisation": "halden",
            "name": "Bakvendt",
            "starts_on": "2026-01-01",
            "ends_on": "2025-01-01",
            "method": world.method.pk,
        },
    )
    assert (
        response.status_code == 200 and "The end date is before the start date." in response.content.decode()
    )
    assert not Programme.objects.filter(name="Bakvendt").exists()


def test_funding_and_milestones_can_be_corrected(world, login):
    from innocities.pipeline.actions import add_funding_line, add_milestone

    client = login(world.coordinator)
    line = add_funding_line(
        project=world.private,
        source="enova",
        state="applied",
        amount=500000,
        currency="NOK",
        actor=world.coordinator,
    )
    client.post(
        reverse("pipeline:funding_edit", args=[world.private.pk, line.pk]),
        {"source": "enova", "state": "granted", "amount": "450000", "currency": "NOK", "note": "Vedtak"},
    )
    line.refresh_from_db()
    assert line.state == "granted" and line.amount == 450000
    milestone = add_milestone(
        project=world.private, title="Pilot i drift", due_on="2026-05-01", actor=world.coordinator
    )
    client.post(
        reverse("pipeline:milestone_edit", args=[world.private.pk, milestone.pk]),
        {"title": "Pilot i drift", "due_on": "2026-06-01", "done_on": ""},
    )
    milestone.refresh_from_db()
    assert str(milestone.due_on) == "2026-06-01" and milestone.done_on is None
    client.post(
        reverse("pipeline:milestone_edit", args=[world.private.pk, milestone.pk]), {"action": "remove"}
    )
    assert not world.private.milestones.exists()
    assert (
        login(world.member)
        .get(reverse("pipeline:funding_edit", args=[world.private.pk, line.pk]))
        .status_code
        == 403
    )
