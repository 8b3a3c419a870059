"""Gate rules: only a gate decision moves a project, and only as the method allows."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from innocities.pipeline.actions import add_funding_line, decide_gate
from innocities.pipeline.models import ProjectStatus


def must_ids(project):
    return {c.pk for c in project.phase.gate.criteria.filter(kind="must")}


def go(world, project, **extra):
    project.refresh_from_db()
    gate = getattr(project.phase, "gate", None)
    if gate and gate.criteria.filter(requires="sdg_assessment").exists():
        from tests.conftest import assess

        if not project.assessments.filter(phase=project.phase, completed_at__isnull=False).exists():
            assess(project, world.coordinator)
    arguments = dict(
        project=project,
        decision="go",
        reasoning="Need verified with data.",
        decided_on=date(2026, 3, 1),
        decision_makers=[world.leader],
        scores={},
        actor=world.coordinator,
    )
    arguments.update(extra)
    if "met" not in arguments:
        arguments["met"] = must_ids(project)
    return decide_gate(**arguments)


def ready_for_every_gate(world, project):
    project.receiving_unit = "Vann og avløp"
    project.evidence_level = 3
    project.save()
    add_funding_line(
        project=project,
        source="enova",
        state="applied",
        amount=500000,
        currency="NOK",
        actor=world.coordinator,
    )
    from innocities.pipeline.actions import set_team_member

    set_team_member(project=project, user=world.partner, role="partner", actor=world.coordinator)


def test_go_moves_the_project_to_the_next_phase(world):
    record = go(world, world.private)
    world.private.refresh_from_db()
    assert world.private.phase.order == 2
    assert record.from_phase.order == 1 and record.to_phase.order == 2
    assert world.private.status == ProjectStatus.ACTIVE


def test_go_is_impossible_while_a_must_meet_criterion_is_unmet(world):
    with pytest.raises(ValidationError) as error:
        go(world, world.private, met=set(list(must_ids(world.private))[1:]))
    assert "decision" in error.value.error_dict
    world.private.refresh_from_db()
    assert world.private.phase.order == 1
    assert not world.private.gate_decisions.exists()


def test_go_with_conditions_needs_conditions(world):
    with pytest.raises(ValidationError) as error:
        go(world, world.private, decision="go_conditions")
    assert "conditions" in error.value.error_dict
    go(world, world.private, decision="go_conditions", conditions="Involve the users' association.")
    world.private.refresh_from_db()
    assert world.private.phase.order == 2


def test_a_decision_needs_reasoning_and_decision_makers(world):
    with pytest.raises(ValidationError) as error:
        go(world, world.private, reasoning="  ", decision_makers=[])
    assert {"reasoning", "decision_makers"} <= set(error.value.error_dict)


def test_phases_cannot_be_skipped(world):
    ready_for_every_gate(world, world.private)
    later = world.private.method.phases.get(order=5)
    orders = []
    for _ in range(3):
        go(world, world.private, recycle_to=later)
        world.private.refresh_from_db()
        orders.append(world.private.phase.order)
    assert orders == [2, 3, 4]


def test_a_must_criterion_naming_evidence_cannot_be_ticked_without_it(world):
    go(world, world.private)
    go(world, world.private)
    world.private.refresh_from_db()
    assert world.private.phase.key == "pre-project"
    with pytest.raises(ValidationError) as error:
        go(world, world.private)
    messages = " ".join(m for errors in error.value.message_dict.values() for m in errors)
    assert "receiving unit" in messages


def test_passing_the_last_gate_marks_the_project_implemented(world):
    ready_for_every_gate(world, world.private)
    for _ in range(5):
        go(world, world.private)
    world.private.refresh_from_db()
    assert world.private.phase.order == 6
    assert world.private.status == ProjectStatus.IMPLEMENTED
    with pytest.raises(ValidationError):
        go(world, world.private, met=set())


def test_recycle_returns_to_an_earlier_phase_only(world):
    ready_for_every_gate(world, world.private)
    go(world, world.private)
    go(world, world.private)
    world.private.refresh_from_db()
    phase_one = world.private.method.phases.get(order=1)
    current = world.private.phase
    with pytest.raises(ValidationError):
        decide_gate(
            project=world.private,
            decision="recycle",
            recycle_to=current,
            reasoning="r",
            decided_on=date(2026, 4, 1),
            decision_makers=[world.leader],
            met=set(),
            scores={},
            actor=world.coordinator,
        )
    decide_gate(
        project=world.private,
        decision="recycle",
        recycle_to=phase_one,
        reasoning="Need unclear.",
        decided_on=date(2026, 4, 1),
        decision_makers=[world.leader],
        met=set(),
        scores={},
        actor=world.coordinator,
    )
    world.private.refresh_from_db()
    assert world.private.phase == phase_one and world.private.status == ProjectStatus.ACTIVE


def test_hold_pauses_and_a_later_go_resumes(world):
    go(world, world.private, decision="hold", met=set(), reasoning="Await the budget.")
    world.private.refresh_from_db()
    assert world.private.status == ProjectStatus.ON_HOLD and world.private.phase.order == 1
    go(world, world.private)
    world.private.refresh_from_db()
    assert world.private.status == ProjectStatus.ACTIVE and world.private.phase.order == 2


def test_stop_ends_the_project_for_good(world):
    go(world, world.private, decision="stop", met=set(), reasoning="No user need.")
    world.private.refresh_from_db()
    assert world.private.status == ProjectStatus.STOPPED
    with pytest.raises(ValidationError):
        go(world, world.private, met=set())


def test_scores_must_be_one_to_five(world):
    should = world.private.phase.gate.criteria.filter(kind="should").first()
    with pytest.raises(ValidationError):
        go(world, world.private, scores={should.pk: 7})
    record = go(world, world.private, scores={should.pk: 4})
    assert record.score == 4.0


def test_the_latest_decision_can_be_annulled_and_the_project_returns(world):
    from innocities.pipeline.actions import annul_gate_decision

    first = go(world, world.private)
    stop = go(world, world.private, decision="stop", met=set(), reasoning="Feil prosjekt?")
    world.private.refresh_from_db()
    assert world.private.status == ProjectStatus.STOPPED
    with pytest.raises(ValidationError):
        annul_gate_decision(decision=first, reason="x", actor=world.coordinator)  # not the latest
    with pytest.raises(ValidationError):
        annul_gate_decision(decision=stop, reason=" ", actor=world.coordinator)  # a reason is needed
    annul_gate_decision(decision=stop, reason="Registrert på feil prosjekt.", actor=world.coordinator)
    world.private.refresh_from_db()
    assert world.private.status == ProjectStatus.ACTIVE and world.private.phase.order == 2
    stop.refresh_from_db()
    assert stop.annulled_at and stop.annulment_reason == "Registrert på feil prosjekt."
    go(world, world.private)  # the project goes on from where it was
    world.private.refresh_from_db()
    assert world.private.phase.order == 3
