"""Correct under concurrent use: real requests from two threads at once, each with its own client and
its own database connection, released together by a barrier (no mocks). Run on SQLite and PostgreSQL."""

import re
import threading
from datetime import date

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from innocities.capability.models import SurveyRound
from innocities.coproduction.models import Actor
from innocities.organisations.models import Organisation
from innocities.pipeline.models import GateDecision, Idea, Project, ProjectStatus

pytestmark = pytest.mark.django_db(transaction=True)
threaded = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    and not settings.DATABASES["default"].get("TEST", {}).get("NAME"),
    reason="SQLite's shared in-memory test database fails a concurrent writer at once (table locks): "
    "run with TEST_SQLITE_FILE=true, or on PostgreSQL",
)


def together(*requests):
    """Run each request (a function of no arguments) in its own thread, started at the same moment;
    answer their responses in order. A thread's exception fails the test."""
    barrier = threading.Barrier(len(requests))
    results: list = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait(timeout=10)
            results[index] = request()
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def hidden(response, name) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', response.content.decode())
    assert match, f"no hidden field {name}"
    return match.group(1)


# --- gate decisions ---------------------------------------------------------------------------------


def gate_form(client, project):
    response = client.get(f"/projects/{project.pk}/gate/")
    assert response.status_code == 200
    return {"gate": hidden(response, "gate"), "revision": hidden(response, "revision")}


def decision(opened, world, kind, **extra):
    data = {
        **opened,
        "decision": kind,
        "reasoning": "Decided at the steering meeting.",
        "decided_on": date.today().isoformat(),
        "decision_makers": [world.leader.pk],
    }
    data.update(extra)
    return data


@threaded
def test_two_simultaneous_gate_decisions_record_one_and_tell_the_other_plainly(world):
    project = world.private
    first, second = client_for(world.coordinator), client_for(world.admin)
    opened_first, opened_second = gate_form(first, project), gate_form(second, project)
    url = f"/projects/{project.pk}/gate/"
    answers = together(
        lambda: first.post(url, decision(opened_first, world, "hold")),
        lambda: second.post(url, decision(opened_second, world, "stop")),
    )
    assert sorted(r.status_code for r in answers) == [302, 400]
    loser = next(r for r in answers if r.status_code == 400)
    assert "The project has moved on since you opened the gate" in loser.content.decode()
    assert GateDecision.objects.filter(project=project).count() == 1


@threaded
def test_two_simultaneous_holds_are_recorded_once(world):
    project = world.private
    first, second = client_for(world.coordinator), client_for(world.admin)
    opened_first, opened_second = gate_form(first, project), gate_form(second, project)
    url = f"/projects/{project.pk}/gate/"
    answers = together(
        lambda: first.post(url, decision(opened_first, world, "hold")),
        lambda: second.post(url, decision(opened_second, world, "hold")),
    )
    assert sorted(r.status_code for r in answers) == [302, 400]
    assert GateDecision.objects.filter(project=project, decision="hold").count() == 1
    assert Project.objects.get(pk=project.pk).status == ProjectStatus.ON_HOLD


def test_a_repeated_hold_is_refused_as_already_decided(world):
    project = world.private
    client = client_for(world.coordinator)
    url = f"/projects/{project.pk}/gate/"
    assert client.post(url, decision(gate_form(client, project), world, "hold")).status_code == 302
    again = client.post(url, decision(gate_form(client, project), world, "hold"))
    assert again.status_code == 400
    assert "already on hold" in again.content.decode()
    assert GateDecision.objects.filter(project=project).count() == 1


# --- edits of the same object ---------------------------------------------------------------------


def edit_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def project_edit_data(world, project, opened, **changes):
    data = {
        "title": project.title,
        "summary": project.summary,
        "visibility": project.visibility,
        "revision": hidden(opened, "revision"),
    }
    data.update(changes)
    return data


@threaded
def test_two_people_saving_one_project_at_once_keep_the_first_change_and_show_the_second_what_changed(
    world,
):
    project = world.private
    url = f"/projects/{project.pk}/edit/"
    first, second = client_for(world.coordinator), client_for(world.lead)
    opened_first, opened_second = edit_form(first, url), edit_form(second, url)
    answers = together(
        lambda: first.post(
            url, project_edit_data(world, project, opened_first, summary="Coordinator's text")
        ),
        lambda: second.post(url, project_edit_data(world, project, opened_second, summary="Lead's text")),
    )
    assert sorted(r.status_code for r in answers) == [200, 302]
    loser = next(r for r in answers if r.status_code == 200)
    page = loser.content.decode()
    assert "Someone else saved this after you opened the form" in page
    assert "Changed since you opened the form" in page
    stored = Project.objects.get(pk=project.pk)
    winner_text = "Lead's text" if answers[0].status_code == 200 else "Coordinator's text"
    assert stored.summary == winner_text
    assert stored.revision == project.revision + 1


def test_a_stale_project_form_is_refused_and_saving_again_keeps_the_persons_version(world, login):
    project = world.private
    url = f"/projects/{project.pk}/edit/"
    client = login(world.coordinator)
    opened = edit_form(client, url)
    other = client_for(world.lead)
    assert (
        other.post(
            url, project_edit_data(world, project, edit_form(other, url), title="Lead's title")
        ).status_code
        == 302
    )
    refused = client.post(url, project_edit_data(world, project, opened, summary="Mine"))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Lead&#x27;s title" in page and "Mine" in page
    assert Project.objects.get(pk=project.pk).title == "Lead's title"
    again = client.post(url, project_edit_data(world, project, refused, summary="Mine"))
    assert again.status_code == 302
    stored = Project.objects.get(pk=project.pk)
    assert stored.summary == "Mine" and stored.title == project.title


def test_a_stale_challenge_or_idea_form_is_refused(world, login):
    client = login(world.coordinator)
    challenge_url = f"/challenges/{world.challenge.pk}/edit/"
    opened = edit_form(client, challenge_url)
    world.challenge.refresh_from_db()
    from innocities.pipeline import actions

    actions.update_challenge(challenge=world.challenge, actor=world.admin, title="Renamed meanwhile")
    data = {
        "title": "Mine",
        "programme": world.programme.pk,
        "description": "x",
        "status": "open",
        "visibility": "private",
        "revision": hidden(opened, "revision"),
    }
    assert "Someone else saved this" in client.post(challenge_url, data).content.decode()
    idea_url = f"/ideas/{world.idea.pk}/edit/"
    opened = edit_form(client, idea_url)
    actions.update_idea(idea=world.idea, actor=world.admin, title="Renamed meanwhile")
    data = {
        "title": "Mine",
        "challenge": world.challenge.pk,
        "description": "x",
        "visibility": "private",
        "revision": hidden(opened, "revision"),
    }
    assert "Someone else saved this" in client.post(idea_url, data).content.decode()


# --- double submits ---------------------------------------------------------------------------------


@threaded
def test_a_double_clicked_idea_is_stored_once(world):
    from innocities.pipeline.models import Idea

    client = client_for(world.member)
    token = hidden(client.get("/ideas/new/"), "once")
    data = {
        "title": "Regnbed",
        "challenge": world.challenge.pk,
        "description": "x",
        "visibility": "private",
        "once": token,
    }
    answers = together(lambda: client.post("/ideas/new/", data), lambda: client.post("/ideas/new/", data))
    assert [r.status_code for r in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert Idea.objects.filter(title="Regnbed").count() == 1


def test_sending_a_create_form_again_redirects_to_what_the_first_created(world, login):
    from innocities.pipeline.models import Challenge, ProgressUpdate

    client = login(world.coordinator)
    token = hidden(client.get("/challenges/new/"), "once")
    data = {
        "title": "Overvann",
        "programme": world.programme.pk,
        "description": "x",
        "status": "open",
        "visibility": "private",
        "once": token,
    }
    first = client.post("/challenges/new/", data)
    second = client.post("/challenges/new/", data, follow=True)
    assert second.redirect_chain[0][0] == first["Location"]
    assert "You sent this form twice; it was saved once." in second.content.decode()
    assert Challenge.objects.filter(title="Overvann").count() == 1
    page = client.get(f"/projects/{world.private.pk}/")
    token = hidden(page, "once")
    update = {"written_on": date.today().isoformat(), "text": "Pilot started", "once": token}
    for _ in range(2):
        assert client.post(f"/projects/{world.private.pk}/updates/", update).status_code == 302
    assert ProgressUpdate.objects.filter(text="Pilot started").count() == 1


def test_a_stale_programme_form_is_refused_and_keeps_both_versions(world, login):
    from innocities.programmes import actions as programme_actions
    from innocities.programmes.models import Programme

    client = login(world.coordinator)
    url = f"/programmes/{world.programme.slug}/edit/"
    opened = edit_form(client, url)
    programme = Programme.objects.get(pk=world.programme.pk)
    programme_actions.save_programme(
        organisation=world.halden,
        actor=world.admin,
        programme=programme,
        name="Renamed meanwhile",
        description=programme.description,
        starts_on=programme.starts_on,
        ends_on=programme.ends_on,
        method=programme.method,
        focus_areas=list(programme.focus_areas.all()),
        coordinators=list(programme.coordinators.all()),
        steering_group=list(programme.steering_group.all()),
    )
    data = {
        "organisation": "halden",
        "name": "My name",
        "starts_on": "2025-01-01",
        "ends_on": "2027-12-31",
        "method": world.method.pk,
        "focus_areas": [world.energy.pk],
        "coordinators": [world.coordinator.pk],
        "steering_group": [world.leader.pk],
        "revision": hidden(opened, "revision"),
    }
    refused = client.post(url, data)
    assert "Someone else saved this" in refused.content.decode()
    assert Programme.objects.get(pk=world.programme.pk).name == "Renamed meanwhile"
    data["revision"] = hidden(refused, "revision")
    assert client.post(url, data).status_code == 302
    assert Programme.objects.get(pk=world.programme.pk).name == "My name"


# --- methods: a programme's own copy ------------------------------------------------------------------


def own_method(world, client):
    """The programme's own copy of its method, made through the page; the copy's first phase."""
    from innocities.programmes.models import Programme

    assert client.post(f"/programmes/{world.programme.slug}/method/", {"action": "copy"}).status_code == 302
    method = Programme.objects.get(pk=world.programme.pk).method
    assert method.owner_programme_id == world.programme.pk
    return method, method.phases.get(order=1)


def rename_data(opened, **names):
    data = {"name_sv": "Behov", "name_nb": "Behov", "name_en": "Need", "revision": hidden(opened, "revision")}
    data.update(names)
    return data


def test_a_stale_phase_name_is_refused_with_both_names_and_saving_again_keeps_it(world, login):
    from innocities.programmes import actions as programme_actions
    from innocities.programmes.models import Phase

    client = login(world.coordinator)
    method, phase = own_method(world, client)
    url = f"/programmes/{world.programme.slug}/method/phases/{phase.pk}/"
    opened = edit_form(client, url)
    programme_actions.rename_phase(
        programme=world.programme, phase=phase, names={"nb": "Behovet, sa Astrid"}, actor=world.admin
    )
    refused = client.post(url, rename_data(opened, name_nb="Behovet, sa Ingrid"))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else saved this after you opened the form" in page
    assert "Changed since you opened the form" in page
    assert "Behovet, sa Astrid" in page and "Behovet, sa Ingrid" in page
    assert Phase.objects.get(pk=phase.pk).name["nb"] == "Behovet, sa Astrid"
    again = client.post(url, rename_data(refused, name_nb="Behovet, sa Ingrid"))
    assert again.status_code == 302
    assert Phase.objects.get(pk=phase.pk).name["nb"] == "Behovet, sa Ingrid"


def test_the_same_phase_name_sent_twice_is_no_conflict(world, login):
    from innocities.programmes.models import Phase

    client = login(world.coordinator)
    _method, phase = own_method(world, client)
    url = f"/programmes/{world.programme.slug}/method/phases/{phase.pk}/"
    data = rename_data(edit_form(client, url), name_en="The need")
    assert [client.post(url, data).status_code for _ in range(2)] == [302, 302]
    assert Phase.objects.get(pk=phase.pk).name["en"] == "The need"


@threaded
def test_two_people_renaming_one_phase_at_once_keep_the_first_and_show_the_second_what_changed(world):
    from innocities.programmes.models import Method, Phase

    first, second = client_for(world.coordinator), client_for(world.admin)
    method, phase = own_method(world, first)
    url = f"/programmes/{world.programme.slug}/method/phases/{phase.pk}/"
    opened_first, opened_second = edit_form(first, url), edit_form(second, url)
    answers = together(
        lambda: first.post(url, rename_data(opened_first, name_nb="Ingrids navn")),
        lambda: second.post(url, rename_data(opened_second, name_nb="Astrids navn")),
    )
    assert sorted(r.status_code for r in answers) == [200, 302]
    loser = next(r for r in answers if r.status_code == 200)
    page = loser.content.decode()
    assert "Someone else saved this" in page and "Changed since you opened the form" in page
    winner = "Astrids navn" if answers[0].status_code == 200 else "Ingrids navn"
    assert winner in page
    assert Phase.objects.get(pk=phase.pk).name["nb"] == winner
    assert Method.objects.get(pk=method.pk).revision == method.revision + 1


def criterion_data(page, text):
    return {
        "kind": "must",
        "text": text,
        "evidence": "",
        "revision": hidden(page, "revision"),
        "once": hidden(page, "once"),
    }


@threaded
def test_two_criteria_added_at_once_from_forms_opened_at_the_same_revision_store_the_first(world):
    from innocities.programmes.models import Criterion

    first, second = client_for(world.coordinator), client_for(world.admin)
    method, phase = own_method(world, first)
    adapt = f"/programmes/{world.programme.slug}/method/"
    url = f"/programmes/{world.programme.slug}/method/phases/{phase.pk}/criteria/"
    page_first, page_second = edit_form(first, adapt), edit_form(second, adapt)
    answers = together(
        lambda: first.post(url, criterion_data(page_first, "Brukerrådet er hørt")),
        lambda: second.post(url, criterion_data(page_second, "Personvernet er vurdert")),
    )
    assert sorted(r.status_code for r in answers) == [302, 400]
    loser = next(r for r in answers if r.status_code == 400)
    page = loser.content.decode()
    assert "Someone else saved this" in page
    stored = "Personvernet er vurdert" if answers[0].status_code == 400 else "Brukerrådet er hørt"
    assert stored in page  # the criteria as stored now, beside the one this person sent
    own = Criterion.objects.filter(gate__method=method, key__startswith="own-")
    assert [c.text["en"] for c in own.all()] == [stored]
    # the form kept its token and moved to the stored revision: sending it again adds the criterion
    resent = (first if answers[0].status_code == 400 else second).post(url, criterion_data(loser, "Mine too"))
    assert resent.status_code == 302
    assert [c.text["en"] for c in own.all()] == [stored, "Mine too"]


@threaded
def test_a_double_clicked_criterion_is_added_once(world):
    from innocities.programmes.models import Criterion

    client = client_for(world.coordinator)
    method, phase = own_method(world, client)
    url = f"/programmes/{world.programme.slug}/method/phases/{phase.pk}/criteria/"
    data = criterion_data(edit_form(client, f"/programmes/{world.programme.slug}/method/"), "Rådet er hørt")
    answers = together(lambda: client.post(url, data), lambda: client.post(url, data))
    assert [r.status_code for r in answers] == [302, 302]
    assert Criterion.objects.filter(gate__method=method, text__en="Rådet er hørt").count() == 1


def test_a_criterion_removed_from_a_stale_page_is_refused_with_the_criteria_stored_now(world, login):
    from innocities.programmes import actions as programme_actions
    from innocities.programmes.models import Criterion

    client = login(world.coordinator)
    method, phase = own_method(world, client)
    adapt = f"/programmes/{world.programme.slug}/method/"
    opened = edit_form(client, adapt)
    removed = phase.gate.criteria.filter(kind="should").first()
    programme_actions.add_criterion(
        programme=world.programme,
        gate=phase.gate,
        kind="must",
        text="Added by Astrid meanwhile",
        evidence="",
        actor=world.admin,
    )
    url = f"/programmes/{world.programme.slug}/method/criteria/{removed.pk}/remove/"
    refused = client.post(url, {"revision": hidden(opened, "revision")})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else saved this" in page and "Added by Astrid meanwhile" in page
    assert Criterion.objects.filter(pk=removed.pk).exists()
    assert client.post(url, {"revision": hidden(refused, "revision")}).status_code == 302
    assert not Criterion.objects.filter(pk=removed.pk).exists()
    again = client.post(url, {"revision": hidden(refused, "revision")}, follow=True)
    assert "The criterion is no longer there." in again.content.decode()


@threaded
def test_two_people_copying_the_method_at_once_make_one_copy(world):
    from innocities.programmes.models import Method, Programme

    first, second = client_for(world.coordinator), client_for(world.admin)
    url = f"/programmes/{world.programme.slug}/method/"
    answers = together(
        lambda: first.post(url, {"action": "copy"}), lambda: second.post(url, {"action": "copy"})
    )
    assert [r.status_code for r in answers] == [302, 302]
    copies = Method.objects.filter(owner_programme=world.programme)
    assert copies.count() == 1
    assert Programme.objects.get(pk=world.programme.pk).method == copies.get()
    assert Project.objects.get(pk=world.private.pk).phase.method == copies.get()


# --- sustainability assessments: the workshop ------------------------------------------------------


def started(world, user=None):
    """An assessment of the private project with goals 6 and 13 relevant, started by the actions."""
    from innocities.sustainability import actions as sus
    from innocities.sustainability.catalogue import load_catalogue

    load_catalogue()
    user = user or world.lead
    assessment = sus.start_assessment(
        project=world.private, scope="Pilot", assessed_on=date.today(), participants=[], actors=[], user=user
    )
    sus.sort_goals(assessment=assessment, relevance={6: "relevant", 13: "relevant"}, user=user)
    assessment.refresh_from_db()
    return assessment


def sorting(opened, **chosen):
    data = {f"goal_{n}": "not_relevant" for n in range(1, 18)}
    data.update({f"goal_{n.removeprefix('g')}": value for n, value in chosen.items()})
    data["revision"] = hidden(opened, "revision")
    return data


def rating(opened, impact, rationale):
    return {
        "impact": impact,
        "pathway": "direct",
        "rationale": rationale,
        "revision": hidden(opened, "revision"),
    }


def test_a_stale_sorting_is_refused_goal_by_goal_and_nothing_of_the_other_persons_is_lost(world, login):
    from innocities.sustainability import actions as sus
    from innocities.sustainability.models import GoalAssessment

    assessment = started(world)
    client = login(world.coordinator)
    url = f"/assessments/{assessment.pk}/goals/"
    opened = edit_form(client, url)
    sus.assess_goal(
        assessment=assessment,
        goal_number=13,
        impact=2,
        rationale="Lars: less driving",
        knowledge_gap=False,
        targets=[],
        user=world.lead,
        pathway="direct",
    )
    refused = client.post(url, sorting(opened, g6="relevant", g7="relevant"))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else saved this" in page and "Changed since you opened the form" in page
    # goal 13 would lose its rating: it is listed with the rating stored now
    assert "13. Climate action" in page and "+2 clearly positive" in page
    assert GoalAssessment.objects.get(assessment=assessment, goal_id=13).impact == 2
    assert not GoalAssessment.objects.get(assessment=assessment, goal_id=7).relevance == "relevant"
    again = client.post(url, sorting(refused, g6="relevant", g7="relevant", g13="relevant"))
    assert again.status_code == 302
    rows = {row.goal_id: row for row in GoalAssessment.objects.filter(assessment=assessment)}
    assert rows[7].relevance == "relevant" and rows[13].impact == 2


@threaded
def test_two_people_rating_one_goal_at_once_keep_the_first_and_show_the_second_what_changed(world):
    from innocities.sustainability.models import Assessment, GoalAssessment

    assessment = started(world)
    url = f"/assessments/{assessment.pk}/goals/6/"
    first, second = client_for(world.lead), client_for(world.coordinator)
    opened_first, opened_second = edit_form(first, url), edit_form(second, url)
    answers = together(
        lambda: first.post(url, rating(opened_first, "2", "Lars: leaks found sooner")),
        lambda: second.post(url, rating(opened_second, "-1", "Ingrid: more electronics")),
    )
    assert sorted(r.status_code for r in answers) == [200, 302]
    loser = next(r for r in answers if r.status_code == 200)
    page = loser.content.decode()
    assert "Someone else saved this" in page and "Changed since you opened the form" in page
    row = GoalAssessment.objects.get(assessment=assessment, goal_id=6)
    if answers[0].status_code == 302:
        assert (row.impact, row.rationale) == (2, "Lars: leaks found sooner")
        assert "Lars: leaks found sooner" in page and "Ingrid: more electronics" in page
    else:
        assert (row.impact, row.rationale) == (-1, "Ingrid: more electronics")
        assert "Ingrid: more electronics" in page and "Lars: leaks found sooner" in page
    assert Assessment.objects.get(pk=assessment.pk).revision == assessment.revision + 1


def action_data(page, text):
    return {
        "kind": "strengthen",
        "goal": "6",
        "text": text,
        "owner": "VA",
        "revision": hidden(page, "revision"),
        "once": hidden(page, "once"),
    }


@threaded
def test_two_actions_added_at_once_from_pages_opened_at_the_same_revision_keep_the_first(world):
    from innocities.sustainability.models import AssessmentAction

    assessment = started(world)
    url = f"/assessments/{assessment.pk}/actions/"
    first, second = client_for(world.lead), client_for(world.coordinator)
    page_first, page_second = edit_form(first, url), edit_form(second, url)
    answers = together(
        lambda: first.post(url, action_data(page_first, "Lars' action")),
        lambda: second.post(url, action_data(page_second, "Ingrid's action")),
    )
    assert sorted(r.status_code for r in answers) == [200, 302]
    page = next(r for r in answers if r.status_code == 200).content.decode()
    assert "Someone else saved this" in page and "Changed since you opened the form" in page
    stored = list(AssessmentAction.objects.filter(assessment=assessment).values_list("text", flat=True))
    assert len(stored) == 1
    assert stored[0].replace("'", "&#x27;") in page


def test_an_action_removed_from_a_stale_page_is_refused_and_a_double_click_removes_it_once(world, login):
    from innocities.sustainability import actions as sus
    from innocities.sustainability.models import AssessmentAction

    assessment = started(world)
    action = sus.add_action(
        assessment=assessment, kind="strengthen", text="Meters", owner="VA", user=world.lead
    )
    client = login(world.coordinator)
    opened = edit_form(client, f"/assessments/{assessment.pk}/actions/")
    sus.add_action(
        assessment=assessment, kind="reduce", text="Added by Lars meanwhile", owner="VA", user=world.lead
    )
    url = f"/assessments/{assessment.pk}/actions/{action.pk}/remove/"
    refused = client.post(url, {"revision": hidden(opened, "revision")})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else saved this" in page and "Added by Lars meanwhile" in page
    assert AssessmentAction.objects.filter(pk=action.pk).exists()
    revision = hidden(refused, "revision")
    assert client.post(url, {"revision": revision}).status_code == 302
    again = client.post(url, {"revision": revision}, follow=True)
    assert "The action is no longer there." in again.content.decode()
    assert list(AssessmentAction.objects.values_list("text", flat=True)) == ["Added by Lars meanwhile"]


def test_a_step_of_an_assessment_completed_meanwhile_is_refused_as_completed(world, login):
    from innocities.sustainability import actions as sus

    assessment = started(world)
    client = login(world.coordinator)
    url = f"/assessments/{assessment.pk}/actions/"
    opened = edit_form(client, url)
    for number in (6, 13):
        sus.assess_goal(
            assessment=assessment,
            goal_number=number,
            impact=1,
            rationale="R",
            knowledge_gap=False,
            targets=[],
            user=world.lead,
            pathway="direct",
        )
    sus.complete_assessment(assessment=assessment, user=world.lead)
    assert client.post(url, action_data(opened, "Too late")).status_code == 404
    assert not assessment.actions.exists()


def scope_data(token):
    return {"scope": "Smarte vannmålere", "assessed_on": date.today().isoformat(), "once": token}


@threaded
def test_a_double_clicked_assessment_start_stores_one_assessment(world):
    from innocities.sustainability.catalogue import load_catalogue
    from innocities.sustainability.models import Assessment

    load_catalogue()
    client = client_for(world.lead)
    url = f"/projects/{world.private.pk}/assessments/new/"
    data = scope_data(hidden(client.get(url), "once"))
    answers = together(lambda: client.post(url, data), lambda: client.post(url, data))
    assert [r.status_code for r in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assessment = Assessment.objects.get(project=world.private)
    assert answers[0]["Location"] == f"/assessments/{assessment.pk}/goals/"
    assert client.post(url, data).status_code == 302  # sent once more, later: still one
    assert Assessment.objects.filter(project=world.private).count() == 1


def test_a_double_clicked_action_is_added_once(world, login):
    from innocities.sustainability.models import AssessmentAction

    assessment = started(world)
    client = login(world.lead)
    url = f"/assessments/{assessment.pk}/actions/"
    data = action_data(edit_form(client, url), "Meters")
    assert [client.post(url, data).status_code for _ in range(2)] == [302, 302]
    assert AssessmentAction.objects.filter(assessment=assessment).count() == 1


# --- one-time tokens on the other create forms ------------------------------------------------------


def actor_data(token, name="Hafslund Nett AS"):
    return {"organisation": "halden", "name": name, "sector": "business", "country": "NO", "once": token}


@threaded
def test_a_double_clicked_actor_is_registered_once(world):
    client = client_for(world.coordinator)
    url = "/actors/new/"
    data = actor_data(hidden(client.get(url), "once"))
    answers = together(lambda: client.post(url, data), lambda: client.post(url, data))
    assert [r.status_code for r in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert Actor.objects.filter(name="Hafslund Nett AS").count() == 1


def _setup_actor(world):
    from innocities.coproduction import actions as co

    return co.save_actor(
        organisation=world.halden, actor_user=world.coordinator, name="Fjordkraft", sector="business"
    )


def _setup_activity(world):
    from innocities.coproduction import actions as co

    return co.record_activity(
        project=world.private,
        user=world.coordinator,
        title="Workshop",
        kind="workshop",
        held_on=date.today(),
        phase=world.private.phase,
    )


def _setup_indicator(world):
    from innocities.sustainability import actions as sus

    return sus.save_indicator(
        organisation=world.halden,
        actor=world.coordinator,
        kind="own",
        code="VT1",
        name="Water loss",
        unit="%",
        direction="lower",
        dimension="ecological",
    )


def _setup_call_idea(world):
    from datetime import timedelta

    from allauth.account.models import EmailAddress

    from innocities.accounts.models import User
    from innocities.engagement import actions as engagement

    call = engagement.publish_call(
        challenge=world.challenge,
        invitation="Hjelp oss",
        opens_on=date.today() - timedelta(days=1),
        closes_on=date.today() + timedelta(days=30),
        actor=world.coordinator,
    )
    kari = User.objects.create_user(email="kari@example.com", password="x-long-password", full_name="Kari")
    EmailAddress.objects.create(user=kari, email=kari.email, verified=True, primary=True)
    return engagement.submit_call_idea(call=call, title="Reklame", description="d", actor=kari)


def _target(baseline=10):
    return {"baseline_value": baseline, "baseline_year": 2024, "target_value": 5, "target_year": 2030}


# (what is created, who, set-up, the page that shows the form, where it is sent, what is sent, how many)
CREATE_FORMS = {
    "actor": (
        "coordinator",
        None,
        lambda w, _x: "/actors/new/",
        lambda w, _x: "/actors/new/",
        lambda w, _x: actor_data("", name="Norsk Vann"),
        lambda w, _x: Actor.objects.count(),
    ),
    "participation": (
        "coordinator",
        _setup_actor,
        lambda w, _x: f"/projects/{w.private.pk}/participations/new/",
        lambda w, _x: f"/projects/{w.private.pk}/participations/new/",
        lambda w, actor: {"actor": actor.pk, "role": "co_creator", "depth": 3},
        lambda w, _x: w.private.participations.count(),
    ),
    "activity": (
        "coordinator",
        None,
        lambda w, _x: f"/projects/{w.private.pk}/activities/new/",
        lambda w, _x: f"/projects/{w.private.pk}/activities/new/",
        lambda w, _x: {
            "title": "Verksted",
            "kind": "workshop",
            "held_on": date.today().isoformat(),
            "phase": w.private.phase_id,
            **{f"{s}_count": 0 for s in ("public", "business", "academia", "civil_society", "citizens")},
        },
        lambda w, _x: w.private.activities.count(),
    ),
    "evaluation criterion": (
        "coordinator",
        None,
        lambda w, _x: f"/challenges/{w.challenge.pk}/evaluation/",
        lambda w, _x: f"/challenges/{w.challenge.pk}/evaluation/criteria/",
        lambda w, _x: {"text": "Kostnad", "scale": ""},
        lambda w, _x: w.challenge.evaluation_criteria.count(),
    ),
    "evaluation invite": (
        "coordinator",
        None,
        lambda w, _x: f"/challenges/{w.challenge.pk}/evaluation/",
        lambda w, _x: f"/challenges/{w.challenge.pk}/evaluation/evaluators/",
        lambda w, _x: {"full_name": "Eva Ekspert", "email": "eva@example.com"},
        lambda w, _x: w.challenge.evaluators.count(),
    ),
    "capability round": (
        "admin",
        None,
        lambda w, _x: "/capability/",
        lambda w, _x: "/capability/rounds/",
        lambda w, _x: {
            "organisation": "halden",
            "kind": "baseline",
            "opens_on": date.today().isoformat(),
            "closes_on": date.today().isoformat(),
        },
        lambda w, _x: SurveyRound.objects.count(),
    ),
    "member": (
        "admin",
        None,
        lambda w, _x: "/organisations/halden/",
        lambda w, _x: "/organisations/halden/members/",
        lambda w, _x: {"full_name": "Nina Ny", "email": "nina@halden.example", "role": "member"},
        lambda w, _x: w.halden.memberships.count(),
    ),
    "strategic goal": (
        "admin",
        None,
        lambda w, _x: "/organisations/halden/",
        lambda w, _x: "/organisations/halden/goals/",
        lambda w, _x: {"title": "Fossilfri 2030", "description": ""},
        lambda w, _x: w.halden.strategic_goals.count(),
    ),
    "organisation": (
        "operator",
        None,
        lambda w, _x: "/organisations/new/",
        lambda w, _x: "/organisations/new/",
        lambda w, _x: {
            "name": "Østfold Energi",
            "kind": "energy",
            "country": "NO",
            "admin_name": "Ola",
            "admin_email": "ola@ostfold.example",
        },
        lambda w, _x: Organisation.objects.count(),
    ),
    "indicator": (
        "coordinator",
        None,
        lambda w, _x: "/indicators/new/",
        lambda w, _x: "/indicators/new/",
        lambda w, _x: {
            "organisation": "halden",
            "kind": "own",
            "code": "VT9",
            "name": "Lekkasje",
            "unit": "%",
            "direction": "lower",
            "dimension": "ecological",
        },
        lambda w, _x: w.halden.indicators.count(),
    ),
    "indicator target": (
        "coordinator",
        _setup_indicator,
        lambda w, indicator: f"/indicators/{indicator.pk}/",
        lambda w, indicator: f"/indicators/{indicator.pk}/target/",
        lambda w, _x: _target(),
        lambda w, indicator: indicator.targets.count(),
    ),
    "project outcome target": (
        "coordinator",
        _setup_indicator,
        lambda w, _x: f"/projects/{w.private.pk}/",
        lambda w, _x: f"/projects/{w.private.pk}/outcomes/target/",
        lambda w, indicator: {"indicator": indicator.pk, **_target()},
        lambda w, _x: w.private.indicator_targets.count(),
    ),
    "annual evaluation": (
        "coordinator",
        None,
        lambda w, _x: f"/programmes/{w.programme.slug}/",
        lambda w, _x: f"/programmes/{w.programme.slug}/evaluations/",
        lambda w, _x: {"held_on": date.today().isoformat(), "summary": "Et godt år", "decisions": ""},
        lambda w, _x: w.programme.evaluations.count(),
    ),
    "programme": (
        "admin",
        None,
        lambda w, _x: "/programmes/new/",
        lambda w, _x: "/programmes/new/",
        lambda w, _x: {
            "organisation": "halden",
            "name": "Klimaløft",
            "starts_on": "2026-01-01",
            "ends_on": "2028-12-31",
            "method": w.method.pk,
        },
        lambda w, _x: w.halden.programmes.count(),
    ),
    "report": (
        "member",
        _setup_call_idea,
        lambda w, idea: f"/calls/ideas/{idea.pk}/report/",
        lambda w, idea: f"/calls/ideas/{idea.pk}/report/",
        lambda w, _x: {"reason": "Reklame"},
        lambda w, idea: idea.reports.count(),
    ),
}


@pytest.mark.parametrize("what", sorted(CREATE_FORMS))
def test_every_create_form_sent_twice_with_its_token_stores_one(world, what):
    who, setup, page, url, data, count = CREATE_FORMS[what]
    made = setup(world) if setup else None
    client = client_for(getattr(world, who))
    shown = client.get(page(world, made))
    assert shown.status_code == 200
    token = hidden(shown, "once")  # the form carries a one-time token
    before = count(world, made)
    sent = {**data(world, made), "once": token}
    first = client.post(url(world, made), sent)
    assert first.status_code == 302, first.content.decode()[:3000]
    second = client.post(url(world, made), sent, follow=True)
    assert second.status_code == 200
    assert "You sent this form twice; it was saved once." in second.content.decode()
    assert count(world, made) == before + 1


def test_a_double_clicked_file_is_attached_once(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    activity = _setup_activity(world)
    client = client_for(world.coordinator)
    token = hidden(client.get(f"/activities/{activity.pk}/"), "once")
    for _ in range(2):
        upload = SimpleUploadedFile("notes.txt", b"Notater fra verkstedet", content_type="text/plain")
        answer = client.post(f"/activities/{activity.pk}/files/", {"file": upload, "once": token})
        assert answer.status_code == 302
    assert activity.attachments.count() == 1


def test_the_default_evaluation_criteria_pressed_twice_are_added_once(world):
    client = client_for(world.coordinator)
    url = f"/challenges/{world.challenge.pk}/evaluation/criteria/"
    for _ in range(2):
        assert client.post(url, {"action": "defaults"}).status_code == 302
    names = [c.label for c in world.challenge.evaluation_criteria.all()]
    assert len(names) == len(set(names)) == 5


# --- ideas and scaling: a second hand on the same row waits for the first -------------------------------


def _outcome(call):
    """What a thread's action came to: "done", or the message it was refused with."""
    from django.core.exceptions import ValidationError

    def run():
        try:
            call()
            return "done"
        except ValidationError as error:
            return " ".join(error.messages)

    return run


def _idea(world):
    from innocities.pipeline import actions

    return actions.submit_idea(
        organisation=world.halden,
        actor=world.member,
        programme=world.programme,
        title="Sykkelhotell ved stasjonen",
        description="Trygg parkering for sykler.",
    )


@threaded
def test_two_simultaneous_promotions_of_an_idea_make_one_project_and_tell_the_other(world):
    from innocities.pipeline import actions

    idea = _idea(world)
    promote = _outcome(
        lambda: actions.promote_idea(idea=Idea.objects.get(pk=idea.pk), actor=world.coordinator)
    )
    outcomes = together(promote, promote)
    assert sorted(outcomes) == ["This idea is already a project.", "done"]
    assert Project.objects.filter(idea=idea).count() == 1


@threaded
def test_a_double_clicked_status_change_is_recorded_and_told_once(world):
    from innocities.pipeline import actions
    from innocities.pipeline.models import IdeaStatusChange

    idea = _idea(world)
    park = _outcome(
        lambda: actions.set_idea_status(
            idea=idea, status="parked", reason="Venter på budsjett", actor=world.coordinator
        )
    )
    assert together(park, park) == ["done", "done"]
    assert IdeaStatusChange.objects.filter(idea=idea, status="parked").count() == 1


@threaded
def test_two_simultaneous_scalings_record_one(world):
    from innocities.pipeline import actions
    from innocities.pipeline.models import ProgressUpdate

    project = world.make_project(title="Digital vannmåler")
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.IMPLEMENTED)
    project.refresh_from_db()
    scale = _outcome(
        lambda: actions.mark_scaled(
            project=Project.objects.get(pk=project.pk),
            note="Tatt i bruk i Sarpsborg",
            actor=world.coordinator,
        )
    )
    assert sorted(together(scale, scale)) == ["The project is already marked as scaled.", "done"]
    assert ProgressUpdate.objects.filter(project=project).count() == 1
