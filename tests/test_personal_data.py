"""Every datum that names a person is accounted for: exported in "my data", gone when the account closes."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models

from innocities.accounts.actions import close_account, personal_data
from innocities.accounts.models import Membership, Role
from innocities.core import registry
from innocities.pipeline.models import ProjectMember, TeamRole


def _fields_naming_people():
    user_model = get_user_model()
    for model in apps.get_models():
        if model._meta.app_label == "oauth2_provider":  # the SSO tests' OpenID provider, test settings only
            continue
        for field in model._meta.get_fields():
            if field.is_relation and not field.auto_created and field.related_model is user_model:
                yield model._meta.label, field.name


def test_every_foreign_key_to_a_person_is_claimed():
    claimed = {(entry.model, name) for entry in registry.personal_data() for name in entry.fields}
    unclaimed = sorted(set(_fields_naming_people()) - claimed)
    assert unclaimed == [], f"declare a registry.PersonalData for {unclaimed}"


def test_claims_name_real_fields():
    real = set(_fields_naming_people())
    wrong = [(e.model, f) for e in registry.personal_data() for f in e.fields if (e.model, f) not in real]
    assert wrong == []


def test_export_covers_decisions_updates_and_roles(world):
    data = personal_data(world.coordinator)
    for section in ("project_roles", "gate_decisions", "progress_updates", "memberships", "assessments"):
        assert section in data
    assert json.dumps(data, ensure_ascii=False)


def _texts_mentioning(*needles):
    """Every text, e-mail and JSON column of every table that mentions one of the needles."""
    hits = []
    lowered = [n.lower() for n in needles if n]
    for model in apps.get_models():
        columns = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField | models.EmailField)
        ]
        if not columns:
            continue
        for row in model._default_manager.values_list("pk", *columns).iterator():
            text = json.dumps(row[1:], ensure_ascii=False, default=str).lower()
            for needle in lowered:
                if needle in text:
                    hits.append(f"{model._meta.label}#{row[0]}: {needle}")
    return hits


@pytest.mark.django_db(transaction=False)
def test_closing_a_demo_account_leaves_no_name_or_email_anywhere(django_capture_on_commit_callbacks):
    from innocities.demo.loader import load_demo
    from innocities.organisations.actions import import_municipalities
    from innocities.programmes.actions import load_shipped_methods

    import_municipalities()
    load_shipped_methods()
    load_demo()
    user_model = get_user_model()
    for email in ("lead@halden.example", "citizen@example.com", "partner@halden.example"):
        person = user_model.objects.get(email=email)
        name = person.full_name
        assert _texts_mentioning(name, email), "the search must find the person before"
        led = list(
            ProjectMember.objects.filter(user=person, role=TeamRole.LEAD).values_list("project_id", flat=True)
        )
        with django_capture_on_commit_callbacks(execute=True):
            close_account(user=person)
        left = _texts_mentioning(name, email)
        assert left == [], "\n".join(left)
        for project_id in led:
            assert ProjectMember.objects.filter(project_id=project_id, role=TeamRole.LEAD).exists()


def test_the_last_administrator_cannot_close_the_account(world):
    with pytest.raises(ValidationError):
        close_account(user=world.admin)
    assert Membership.objects.filter(user=world.admin, role=Role.ADMIN).exists()


def test_a_lead_who_leaves_hands_the_project_to_the_coordinator(world, django_capture_on_commit_callbacks):
    project = world.private
    project.programme.coordinators.add(world.coordinator)
    ProjectMember.objects.update_or_create(project=project, user=world.lead, defaults={"role": TeamRole.LEAD})
    ProjectMember.objects.filter(project=project, role=TeamRole.LEAD).exclude(user=world.lead).delete()
    with django_capture_on_commit_callbacks(execute=True):
        close_account(user=world.lead)
    assert ProjectMember.objects.get(project=project, role=TeamRole.LEAD).user == world.coordinator
    assert world.coordinator.notifications.filter(kind="lead_handed_over").exists()


def test_closing_redacts_the_name_as_a_word_never_inside_other_words(
    world, django_capture_on_commit_callbacks
):
    from innocities.pipeline.models import Project

    world.member.full_name = "Ann"
    world.member.save()
    Project.objects.filter(pk=world.public.pk).update(summary="Annual report by Ann, planned with ANN.")
    with django_capture_on_commit_callbacks(execute=True):
        close_account(user=world.member)
    assert Project.objects.get(pk=world.public.pk).summary == "Annual report by […], planned with […]."
