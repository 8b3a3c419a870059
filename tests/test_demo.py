"""The demo: read from data files, deterministic, loading it twice changes nothing, and true in every
language and on every day it is loaded."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone, translation

from innocities.accounts.models import Membership, User
from innocities.catalogue import thesaurus
from innocities.coproduction.models import Depth, Participation
from innocities.demo import data
from innocities.learning.models import Lesson
from innocities.notifications.messages import text
from innocities.notifications.models import Notification
from innocities.organisations.models import Network, Organisation
from innocities.pipeline.models import Decision, GateDecision, Project
from innocities.programmes.models import Programme

DEMO = Path(data.__file__).resolve().parent.parent
# Dates that are plans, not events: they may lie ahead.
PLANNED = {
    ("programmes.Programme", "ends_on"),
    ("programmes.ProgrammeTarget", "due_on"),
    ("pipeline.Project", "ends_on"),
    ("pipeline.Milestone", "due_on"),
    ("engagement.OpenCall", "closes_on"),
}
NORWEGIAN = [
    "har nå status",
    "kommenterte",
    "Du er bedt",
    "Gå videre",
    "Under vurdering",
    "Valgt",
    "verifisert",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the tests below and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load-demo")
        yield
        transaction.set_rollback(True)


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "organisations", "programmes", "pipeline", "coproduction"}
    }


def test_the_demo_is_read_from_yaml_files_with_readable_nordic_text():
    assert not (DEMO / "data.py").exists()
    files = {path.stem for path in (DEMO / "data").glob("*.yaml")}
    assert set(data.FILES) == files
    organisations = (DEMO / "data" / "organisations.yaml").read_text(encoding="utf-8")
    assert "Østfold" in organisations and "Västerås" in organisations and "\\u00" not in organisations
    assert [p["slug"] for p in data.PROGRAMMES] == [
        p["slug"] for p in data.read_raw("programmes")["programmes"]
    ]


def test_the_demo_loads_once_and_a_second_load_changes_nothing(demo, db, capsys):
    first = row_counts()
    call_command("load-demo")
    assert row_counts() == first
    out = capsys.readouterr().out
    assert "already loaded" in out and "coordinator@halden.example" in out

    assert Organisation.objects.count() == 15
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert {"municipality", "port", "energy"} <= kinds
    assert {"Halden", "Sarpsborg", "Fredrikstad", "Narvik", "Eskilstuna", "Västerås", "Strängnäs"} <= {
        name.split(" ")[0] for name in Organisation.objects.values_list("name", flat=True)
    }
    assert Organisation.objects.get(slug="halden").official_code == "3101"
    assert Programme.objects.count() == 5 and Network.objects.count() == 1
    assert Programme.objects.filter(network__isnull=False).exists()

    assert Project.objects.count() == 120
    assert set(Project.objects.values_list("status", flat=True)) == {
        "active",
        "on_hold",
        "stopped",
        "implemented",
        "scaled",
    }
    assert set(Project.objects.values_list("phase__order", flat=True)) == {1, 2, 3, 4, 5, 6}
    past_first = Project.objects.filter(phase__order__gt=1)
    assert not past_first.filter(gate_decisions__isnull=True).exists()
    assert not GateDecision.objects.filter(reasoning="").exists()
    assert Project.objects.filter(visibility="public").exists()

    halden_people = Membership.objects.filter(user__email__endswith="@halden.example")
    roles = set(halden_people.values_list("role", flat=True))
    assert roles == {"admin", "coordinator", "project_lead", "member", "leadership", "partner"}
    assert User.objects.get(email="operator@innocities.example").operated_networks.exists()
    assert User.objects.get(email="coordinator@halden.example").check_password("innocities-demo")


def test_the_demo_has_participation_at_every_iap2_level(demo, db):
    assert set(Participation.objects.values_list("depth", flat=True)) == set(Depth.values)
    informed = set(Participation.objects.filter(depth=Depth.INFORM).values_list("role", flat=True))
    assert informed <= {"funder", "supplier"}


def _frame(notification, rendered):
    """The notification's text without what people wrote (titles, names, reasons)."""
    for value in notification.data.values():
        if isinstance(value, str) and value:
            rendered = rendered.replace(value, "")
    return rendered


def test_demo_notifications_read_in_the_readers_language(demo, db):
    notifications = list(Notification.objects.select_related("recipient"))
    assert len(notifications) >= 12
    assert {"nb", "sv"} <= {n.recipient.language for n in notifications}
    for notification in notifications:
        # codes, never prose in the language of the moment
        assert not {"status", "decision", "gate"} & set(notification.data), notification.data
        with translation.override("en"):
            english = _frame(notification, text(notification))
        with translation.override("sv"):
            swedish = _frame(notification, text(notification))
        assert english and not re.search("[æøåÆØÅäöÄÖ]", english), english
        assert not any(word in english for word in NORWEGIAN), english
        assert re.search("is now|commented on|You are asked| on “", english), english
        assert re.search("har nu status|kommenterade|Du ombeds| för ”", swedish), swedish
        assert not any(word in swedish for word in NORWEGIAN), swedish


def test_every_decision_gives_reasons_written_for_its_gate(demo, db):
    decisions = GateDecision.objects.select_related(
        "gate__phase", "project__organisation", "project__programme__method"
    )
    kinds = set()
    for decision in decisions:
        method, k = decision.project.programme.method.key, decision.gate.phase.order
        lang = data.LANGUAGE[decision.project.organisation.country]
        kinds.add(decision.decision)
        if decision.decision == "recycle":
            assert decision.reasoning in data.RECYCLE_REASONS[method][lang][k]
        elif decision.decision == "stop":
            assert decision.reasoning in data.STOP_REASONS[method][lang][k]
        elif decision.decision == "hold":
            assert decision.reasoning in [h["reason"] for h in data.HOLD_REASONS[lang]]
        if decision.decision == Decision.GO_WITH_CONDITIONS:
            written = data.CONDITIONS[method][lang]
            assert decision.conditions in [c["text"] for c in written if k in c["gates"]]
        if method == "innocities" and k >= 4:  # after the pilot, the concept is long chosen
            assert not re.search("konsept|koncept", decision.reasoning + decision.conditions, re.I)
    assert set(Decision.values) <= kinds


def test_no_demo_event_lies_in_the_future_and_nothing_running_has_ended(demo, db):
    today, now = timezone.localdate(), timezone.now()
    assert data.DEMO_TODAY <= today
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if (model._meta.label, field.name) in PLANNED:
                continue
            if isinstance(field, models.DateTimeField):
                later = model.objects.filter(**{f"{field.name}__gt": now + timedelta(minutes=5)})
            elif isinstance(field, models.DateField):
                later = model.objects.filter(**{f"{field.name}__gt": today})
            else:
                continue
            assert not later.exists(), f"{model._meta.label}.{field.name} lies in the future"
    running = Project.objects.filter(status__in=["active", "on_hold"])
    assert not running.filter(ends_on__lt=today).exists()
    assert not Programme.objects.filter(projects__in=running, ends_on__lt=today).exists()


@pytest.mark.parametrize("years", [0, 1, 4])
def test_the_demo_stays_true_when_loaded_in_later_years(years):
    written_for = data.read_raw("demo")["written_for"]
    for days in range(0, 366, 15):
        day = data.later(written_for, years) + timedelta(days=days)
        content = data.read(day)
        today = content["demo"]["written_for"]
        assert today <= day < data.later(today, 1)
        for programme in content["programmes"]["programmes"]:
            assert programme["ends_on"] > day + timedelta(days=30)
            assert all(e["held_on"] <= today for e in programme["evaluations"])
    halden = data.read(data.later(written_for, years))["programmes"]["programmes"][0]
    assert halden["name"] == f"InnoCities Halden {2024 + years}–{2027 + years}"
    assert halden["starts_on"] == date(2024 + years, 1, 1)


def test_a_visitor_searching_for_landstrom_finds_the_demos_shore_power_work_in_norwegian_and_english(
    demo, client
):
    thesaurus.load()
    page = client.get("/search/", {"q": "landström"}).content.decode()
    found = {title: lang for lang, title in re.findall(r'lang="(\w+)">([^<]+)</a></h2>', page)}
    assert found.get("Landstrøm i Narvik havn") == "nb"
    assert found.get("Shore power for ships at berth") == "en"
    # their teams' lessons are public with them, and found by the same search
    assert 'href="/lessons/' in page
    assert Lesson.objects.filter(language="en", advice__contains="tariff").exists()
    shown = {int(pk) for pk in re.findall(r'href="/catalogue/projects/(\d+)/"', page)}
    assert shown and set(Project.objects.filter(pk__in=shown).values_list("visibility", flat=True)) == {
        "public"
    }
