"""Lessons learned: recorded by the team at a gate decision or when the work ends, read by whoever
the lesson's (and its project's) visibility allows, found by search, prompted on the project page."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from innocities.catalogue.models import Document
from innocities.learning import actions
from innocities.learning.models import Lesson, Occasion
from innocities.pipeline import actions as pipeline

pytestmark = pytest.mark.django_db


def _decide(project, user, decision="go"):
    return pipeline.decide_gate(
        project=project,
        decision=decision,
        reasoning="Behovet er dokumentert.",
        met=set(project.phase.gate.criteria.values_list("pk", flat=True)),
        scores={},
        decided_on=date.today(),
        decision_makers=[user],
        actor=user,
    )


def test_the_project_page_asks_the_team_for_a_lesson_after_a_decision_and_the_form_records_it(world, login):
    decision = _decide(world.public, world.coordinator, "stop")
    client = login(world.lead)
    page = client.get(world.public.get_absolute_url()).content.decode()
    create = reverse("learning:lesson_create", args=[world.public.pk])
    assert f"{create}?decision={decision.pk}" in page
    form = client.get(f"{create}?decision={decision.pk}").content.decode()
    assert "tool_actor-map" in form  # the method's tools, to rate
    response = client.post(
        create,
        {
            "decision": decision.pk,
            "what_worked": "Brukerintervjuene viste det egentlige behovet.",
            "what_did_not": "Leverandørmarkedet var ikke modent.",
            "advice": "Start med markedsdialog.",
            "visibility": "public",
            "language": "nb",
            "tool_actor-map": "4",
            "tool_user-interviews": "5",
        },
    )
    assert response.status_code == 302
    lesson = Lesson.objects.get(project=world.public)
    assert lesson.occasion == Occasion.STOPPED and lesson.decision == decision
    assert {(t.key, t.usefulness) for t in lesson.tools.all()} == {("actor-map", 4), ("user-interviews", 5)}
    assert f"{create}?decision=" not in client.get(world.public.get_absolute_url()).content.decode()
    # a second lesson for the same decision is refused
    again = client.post(create, {"decision": decision.pk, "what_worked": "x", "visibility": "private"})
    assert again.status_code == 400 and Lesson.objects.filter(project=world.public).count() == 1


def _lesson(project, user, visibility="public", **extra):
    return actions.record_lesson(
        project=project,
        actor=user,
        what_worked=extra.pop("what_worked", "Tidlig dialog med driften."),
        visibility=visibility,
        **extra,
    )


def test_a_visitor_reads_public_lessons_of_public_projects_only(world):
    public = _lesson(world.public, world.lead)
    narrower = _lesson(world.public, world.lead, visibility="private", what_worked="Hemmelig lærdom")
    of_a_private_project = _lesson(world.private, world.lead, what_worked="Intern lærdom")
    client = Client()
    assert client.get(public.get_absolute_url()).status_code == 200
    assert client.get(narrower.get_absolute_url()).status_code == 404
    assert client.get(of_a_private_project.get_absolute_url()).status_code == 404
    page = client.get(reverse("learning:lessons")).content.decode()
    assert "Tidlig dialog med driften." in page
    assert "Hemmelig lærdom" not in page and "Intern lærdom" not in page
    # the search index copies the narrower visibility: a public lesson of a private project is private
    doc = Document.objects.get(kind="lesson", object_id=of_a_private_project.pk)
    assert doc.visibility == "private" and doc.public_url == ""


def test_lessons_follow_their_projects_visibility_into_search(world):
    lesson = _lesson(world.public, world.lead, what_worked="Fjernavlest vannmåler sparte mye.")
    assert Document.objects.get(kind="lesson", object_id=lesson.pk).visibility == "public"
    pipeline.update_project(project=world.public, actor=world.coordinator, visibility="private")
    assert Document.objects.get(kind="lesson", object_id=lesson.pk).visibility == "private"
    assert Client().get(lesson.get_absolute_url()).status_code == 404


def test_another_organisations_private_lesson_is_404_and_not_found(world, login):
    secret = _lesson(
        world.eskilstuna_private,
        world.eskilstuna_coordinator,
        visibility="private",
        what_worked="Hemligt lärande",
    )
    client = login(world.coordinator)
    assert client.get(secret.get_absolute_url()).status_code == 404
    assert client.get(reverse("learning:lesson_edit", args=[secret.pk])).status_code == 404
    assert (
        client.post(reverse("learning:lesson_create", args=[world.eskilstuna_private.pk])).status_code == 404
    )
    assert secret.get_absolute_url() not in client.get("/search/", {"q": "lärande"}).content.decode()
    assert "Hemligt lärande" not in client.get(reverse("learning:lessons")).content.decode()
    own = login(world.eskilstuna_coordinator)
    assert secret.get_absolute_url() in own.get("/search/", {"q": "lärande"}).content.decode()


def test_an_edit_keeps_a_colleagues_change(world, login):
    lesson = _lesson(world.public, world.lead)
    url = reverse("learning:lesson_edit", args=[lesson.pk])
    client = login(world.lead)
    opened = lesson.revision
    actions.update_lesson(lesson=lesson, actor=world.coordinator, revision=opened, advice="Fra kollega")
    response = client.post(
        url, {"what_worked": "Min versjon", "visibility": "public", "language": "nb", "revision": opened}
    )
    assert response.status_code == 400
    lesson.refresh_from_db()
    assert lesson.advice == "Fra kollega" and lesson.what_worked != "Min versjon"


def test_only_the_team_and_managers_record_lessons(world, login):
    url = reverse("learning:lesson_create", args=[world.public.pk])
    assert login(world.sarpsborg_member).post(url, {"what_worked": "x"}).status_code == 403
    assert Client().get(url).status_code == 302  # to the sign-in


def test_a_scaled_project_asks_what_scaling_taught(world, login):
    world.public.status = "scaled"
    world.public.save()
    client = login(world.lead)
    page = client.get(world.public.get_absolute_url()).content.decode()
    assert "The solution was scaled." in page
    client.post(
        reverse("learning:lesson_create", args=[world.public.pk]),
        {"what_worked": "Felles anskaffelse.", "visibility": "public", "language": "nb"},
    )
    assert Lesson.objects.get(project=world.public).occasion == Occasion.SCALED
    assert "The solution was scaled." not in client.get(world.public.get_absolute_url()).content.decode()
