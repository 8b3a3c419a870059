"""The pipeline's extension points: gate evidence checked by the module that registered it, unknown
tags refused, and every row that points at a phase following an adapted method."""

from datetime import date
from pathlib import Path

import pytest
import yaml
from django.core import checks
from django.core.exceptions import ValidationError

from innocities.coproduction import actions as co
from innocities.core import registry
from innocities.pipeline import actions
from innocities.programmes.actions import METHODS_DIR, adapt_method, load_method_file
from innocities.sustainability.queries import current_assessment
from tests.conftest import assess


def test_every_tag_in_the_shipped_methods_is_checked_by_a_module():
    tags = {
        c.get("requires")
        for path in Path(METHODS_DIR).glob("*.yaml")
        for g in yaml.safe_load(path.read_text(encoding="utf-8"))["gates"]
        for c in g["criteria"]
    } - {None, ""}
    assert tags and tags <= registry.requirement_tags()
    assert "sdg_assessment" in registry.requirement_tags()  # registered by sustainability, not the pipeline


def test_a_misspelt_tag_is_refused_when_the_method_is_loaded(db, tmp_path):
    data = yaml.safe_load((Path(METHODS_DIR) / "innocities.yaml").read_text(encoding="utf-8"))
    data["key"] = "misspelt"
    data["gates"][0]["criteria"][0]["requires"] = "sdg_asessment"
    path = tmp_path / "misspelt.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError, match="sdg_asessment"):
        load_method_file(path=path)


def test_the_system_check_names_an_unknown_tag(monkeypatch, tmp_path):
    from innocities.pipeline import checks as pipeline_checks

    data = yaml.safe_load((Path(METHODS_DIR) / "innocities.yaml").read_text(encoding="utf-8"))
    data["gates"][1]["criteria"][0]["requires"] = "nobody_checks_this"
    (tmp_path / "broken.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(pipeline_checks, "METHODS_DIR", tmp_path)
    errors = pipeline_checks.method_requirements_are_known()
    assert [e.id for e in errors] == ["innocities.E001"] and "nobody_checks_this" in errors[0].msg
    monkeypatch.undo()
    assert [e for e in checks.run_checks() if e.id == "innocities.E001"] == []


def test_an_unregistered_tag_never_passes_a_gate_silently(world):
    with pytest.raises(ValueError):
        actions._requirement_unmet(world.private, "no_such_tag")


def test_a_method_adaptation_keeps_every_current_assessment_and_activity_on_its_phase(world):
    project = world.private
    assessment = assess(project, world.coordinator)
    assert current_assessment(project) == assessment
    activity = co.record_activity(
        project=project,
        user=world.coordinator,
        title="Workshop",
        kind="workshop",
        held_on=date.today().isoformat(),
        phase=project.phase,
    )
    actions.decide_gate(
        project=project,
        decision="hold",
        reasoning="Vent",
        met=set(),
        scores={},
        decided_on=date.today(),
        decision_makers=[world.coordinator],
        actor=world.coordinator,
    )
    copy = adapt_method(programme=world.programme, actor=world.coordinator)
    project.refresh_from_db()
    assessment.refresh_from_db()
    activity.refresh_from_db()
    assert project.method == copy and project.phase.method == copy
    assert assessment.phase == project.phase and activity.phase == project.phase
    assert current_assessment(project) == assessment, "the sdg_assessment criterion stays met"
    decision = project.gate_decisions.get()
    assert decision.from_phase.method == copy and decision.gate.method == copy
    assert world.sarpsborg_private.method != copy, "another programme's projects stay on the original"


def test_a_copied_method_says_whose_copy_it_is(world):
    copy = adapt_method(programme=world.programme, actor=world.coordinator)
    assert copy.name["en"] != world.method.name["en"]
    assert world.programme.name in copy.name["en"] and world.method.name["sv"] in copy.name["sv"]


def test_promoting_an_idea_runs_every_module_hook(world):
    from innocities.engagement.models import Follow, Support

    Support.objects.create(idea=world.idea, user=world.sarpsborg_member)
    actor = co.save_actor(
        organisation=world.halden,
        actor_user=world.coordinator,
        name="Halden Vann SA",
        sector="business",
        country="NO",
        org_number="",
    )
    world.idea.actors.add(actor)
    project = actions.promote_idea(idea=world.idea, actor=world.coordinator)
    assert Follow.objects.filter(idea=world.idea, user=world.sarpsborg_member).exists()
    assert project.participations.filter(actor=actor).exists()


def test_modules_contribute_dashboard_figures_with_their_counting_rules():
    figures = {f.key: f for f in registry.figures("dashboard")}
    # each module contributes its own: the pipeline, co-production, engagement and sustainability
    assert {"phases_now", "gates", "helix", "open_calls", "sdg", "benefits"} <= set(figures)
    assert all(str(f.label) and str(f.rule) and f.section for f in figures.values())


def test_every_published_event_kind_is_a_notification_kind():
    from innocities.notifications.models import Kind

    assert {event.kind for event in registry.events()} <= set(Kind.values)
