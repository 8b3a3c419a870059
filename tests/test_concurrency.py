"""Correct under concurrent use: real requests from two threads at once, each with its own client and
its own database connection, released together by a barrier (no mocks). Run on SQLite and PostgreSQL."""

import re
import threading
from datetime import date

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from innocities.pipeline.models import GateDecision, Project, ProjectStatus

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
