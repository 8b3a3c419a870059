"""Bad input re-renders the form with clear errors and writes nothing."""

from django.urls import reverse

from innocities.core.models import AuditEvent
from innocities.pipeline.models import Challenge, FundingLine, GateDecision, Idea, Project


def test_challenge_without_title_rerenders_with_errors(world, login):
    before = Challenge.objects.count()
    response = login(world.coordinator).post(
        reverse("pipeline:challenge_create"),
        {
            "organisation": "halden",
            "title": "",
            "programme": world.programme.pk,
            "description": "",
            "status": "open",
            "visibility": "private",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and 'aria-invalid="true"' in page
    assert Challenge.objects.count() == before


def test_challenge_in_another_organisations_programme_is_refused(world, login):
    before = Challenge.objects.count()
    response = login(world.coordinator).post(
        reverse("pipeline:challenge_create"),
        {
            "organisation": "halden",
            "title": "T",
            "programme": world.eskilstuna_programme.pk,
            "description": "D",
            "status": "open",
            "visibility": "private",
        },
    )
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert Challenge.objects.count() == before


def test_idea_needs_a_programme_or_challenge(world, login):
    before = Idea.objects.count()
    response = login(world.member).post(
        reverse("pipeline:idea_create"),
        {
            "organisation": "halden",
            "title": "Idé",
            "description": "Beskrivelse",
            "visibility": "private",
        },
    )
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert Idea.objects.count() == before


def test_rejecting_an_idea_without_a_reason_is_refused(world, login):
    response = login(world.coordinator).post(
        reverse("pipeline:idea_status", args=[world.idea.pk]), {"status": "rejected", "reason": ""}
    )
    assert response.status_code == 400
    assert "Give a reason" in response.content.decode()
    world.idea.refresh_from_db()
    assert world.idea.status == "new"


def test_rejecting_an_idea_with_a_reason_shows_it(world, login):
    client = login(world.coordinator)
    client.post(
        reverse("pipeline:idea_status", args=[world.idea.pk]),
        {"status": "rejected", "reason": "Covered by the meter project."},
    )
    world.idea.refresh_from_db()
    assert world.idea.status == "rejected"
    assert "Covered by the meter project." in client.get(world.idea.get_absolute_url()).content.decode()


def test_project_with_end_before_start_and_bad_trl_is_refused(world, login):
    before = Project.objects.count()
    response = login(world.coordinator).post(
        reverse("pipeline:project_create"),
        {
            "organisation": "halden",
            "title": "P",
            "programme": world.programme.pk,
            "summary": "S",
            "starts_on": "2026-05-01",
            "ends_on": "2026-01-01",
            "trl": "12",
            "visibility": "private",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "The end date is before the start date." in page
    assert "Ensure this value is less than or equal to 9." in page  # the TRL beside its field
    assert Project.objects.count() == before


def test_gate_go_with_an_unmet_must_criterion_rerenders_and_keeps_the_input(world, login):
    before = (GateDecision.objects.count(), AuditEvent.objects.count())
    response = login(world.coordinator).post(
        reverse("pipeline:gate", args=[world.private.pk]),
        {
            "decision": "go",
            "gate": world.private.phase.gate.pk,
            "reasoning": "My careful reasoning",
            "decided_on": "2026-02-01",
            "decision_makers": [world.leader.pk],
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "must-meet criterion is unmet" in page and "My careful reasoning" in page
    assert (GateDecision.objects.count(), AuditEvent.objects.count()) == before


def test_negative_funding_is_refused(world, login):
    response = login(world.coordinator).post(
        reverse("pipeline:funding_add", args=[world.private.pk]),
        {
            "source": "enova",
            "state": "applied",
            "amount": "-5",
            "currency": "NOK",
        },
    )
    assert response.status_code == 400
    assert not FundingLine.objects.exists()


def test_user_written_text_is_escaped(world, login):
    client = login(world.member)
    client.post(
        reverse("pipeline:idea_create"),
        {
            "organisation": "halden",
            "title": "<script>alert(1)</script>",
            "description": "<b>x</b>",
            "programme": world.programme.pk,
            "visibility": "private",
        },
    )
    idea = Idea.objects.get(title="<script>alert(1)</script>")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_an_error_stands_beside_its_field_and_the_field_points_to_it(world, login):
    response = login(world.coordinator).post(
        reverse("pipeline:project_create"),
        {"organisation": "halden", "title": "", "programme": world.programme.pk, "visibility": "private"},
    )
    page = response.content.decode()
    assert 'id="id_title_error"' in page
    field = page[page.index('name="title"') - 300 : page.index('name="title"') + 300]
    assert "id_title_error" in field and 'aria-invalid="true"' in field


def test_partners_and_experts_see_no_empty_steering_panels(world, login):
    page = login(world.partner).get(reverse("pipeline:my_work")).content.decode()
    assert "Gates to decide" not in page and "Ideas to review" not in page
    assert "Projects I work on" in page
    page = login(world.coordinator).get(reverse("pipeline:my_work")).content.decode()
    assert "Gates to decide" in page and "Ideas to review" in page
