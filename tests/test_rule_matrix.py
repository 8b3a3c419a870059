"""Every named rule × every persona, in the states that matter (each gate outcome and project status,
an idea before and after review), at the rule level; and the writes through HTTP.

A rule added without a row here fails ``test_every_named_rule_is_in_the_matrix``.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from rules.permissions import permissions

from innocities.capability.actions import start_round
from innocities.pipeline import actions
from innocities.pipeline.models import Project, ProjectStatus

PEOPLE = [
    "admin",
    "coordinator",
    "lead",
    "member",
    "leader",
    "partner",
    "sarpsborg_member",
    "eskilstuna_coordinator",
    "operator",
    "outsider",
]
STAFF = {"admin", "coordinator", "lead", "member", "leader"}
MANAGERS = {"admin", "coordinator"}
LEADS = {"admin", "coordinator", "lead"}
STEERING = {"admin", "coordinator", "leader"}
TEAM_WORK = {"admin", "coordinator", "lead", "member"}


def _decided(w, decision):
    """Halden's private project after a real gate decision of this kind (hold, stop, go, recycle)."""
    project = w.make_project(title=f"After {decision}")
    extra = {}
    if decision == "go":
        extra["met"] = {c.pk for c in project.phase.gate.criteria.filter(kind="must")}
    actions.decide_gate(
        project=project,
        decision=decision,
        reasoning="Grunn",
        met=extra.get("met", set()),
        scores={},
        decided_on=date.today(),
        decision_makers=[w.leader],
        recycle_to=None,
        actor=w.coordinator,
    )
    project.refresh_from_db()
    return project


def _implemented(w):
    project = w.make_project(title="Implemented")
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.IMPLEMENTED)
    project.refresh_from_db()
    return project


def _reviewed_idea(w):
    actions.set_idea_status(idea=w.idea, status="under_review", reason="", actor=w.coordinator)
    w.idea.refresh_from_db()
    return w.idea


def _round(w):
    return start_round(
        organisation=w.halden,
        kind="baseline",
        opens_on=date.today(),
        closes_on=date.today() + timedelta(days=9),
        actor=w.coordinator,
    )


# rule @ state: (the object, who may)
MATRIX = {
    "pipeline.add_challenge": (lambda w: w.halden, LEADS),
    "pipeline.add_idea": (lambda w: w.halden, STAFF),
    "pipeline.add_project": (lambda w: w.halden, LEADS),
    "pipeline.change_challenge": (lambda w: w.challenge, MANAGERS),
    "pipeline.change_idea@new": (lambda w: w.idea, MANAGERS | {"member"}),
    "pipeline.change_idea@under_review": (_reviewed_idea, MANAGERS),
    "pipeline.review_idea": (lambda w: w.idea, MANAGERS),
    "pipeline.decide_gate@active": (lambda w: w.private, STEERING),
    "pipeline.decide_gate@after_go": (lambda w: _decided(w, "go"), STEERING),
    "pipeline.decide_gate@on_hold": (lambda w: _decided(w, "hold"), STEERING),
    "pipeline.decide_gate@stopped": (lambda w: _decided(w, "stop"), set()),
    "pipeline.decide_gate@implemented": (_implemented, set()),
    "pipeline.annul_gate@on_hold": (lambda w: _decided(w, "hold"), STEERING),
    "pipeline.annul_gate@stopped": (lambda w: _decided(w, "stop"), STEERING),
    "pipeline.mark_scaled@active": (lambda w: w.private, set()),
    "pipeline.mark_scaled@implemented": (_implemented, STEERING),
    "pipeline.change_project": (lambda w: w.private, LEADS),
    "pipeline.report_progress": (lambda w: w.private, TEAM_WORK),
    "programmes.add_programme": (lambda w: w.halden, MANAGERS),
    "programmes.change_programme": (lambda w: w.programme, MANAGERS),
    "programmes.adapt_method": (lambda w: w.programme, MANAGERS),
    "organisations.create_organisation": (lambda w: None, {"operator"}),
    "organisations.manage_organisation": (lambda w: w.halden, {"admin"}),
    "organisations.manage_sign_on": (lambda w: w.halden, {"admin"}),
    "organisations.see_members": (lambda w: w.halden, STAFF | {"operator"}),
    "organisations.manage_network": (lambda w: w.network, {"operator"}),
    "coproduction.manage_actors": (lambda w: w.halden, LEADS),
    "coproduction.change_participation": (lambda w: w.private, TEAM_WORK),
    "coproduction.record_activity": (lambda w: w.private, TEAM_WORK),
    "engagement.publish_call": (lambda w: w.challenge, MANAGERS),
    "sustainability.assess": (lambda w: w.private, TEAM_WORK),
    "sustainability.manage_indicators": (lambda w: w.halden, LEADS),
    "sustainability.measure_benefits": (lambda w: w.private, LEADS),
    "capability.manage_rounds": (lambda w: w.halden, MANAGERS),
    "capability.view_results": (lambda w: w.halden, STAFF),
    "capability.answer_round": (_round, STAFF),
}


def test_every_named_rule_is_in_the_matrix():
    ours = {
        name
        for name in permissions
        if name.split(".")[0]
        in {
            "pipeline",
            "programmes",
            "organisations",
            "coproduction",
            "engagement",
            "sustainability",
            "capability",
            "evaluation",
            "notifications",
        }
    }
    assert ours == {key.split("@")[0] for key in MATRIX}


@pytest.mark.parametrize("case", MATRIX)
def test_rule_matrix(world, case):
    build, allowed = MATRIX[case]
    obj = build(world)
    got = {name for name in PEOPLE if getattr(world, name).has_perm(case.split("@")[0], obj)}
    assert got == allowed


# Writes over HTTP: an empty POST by someone allowed gets the form back with its errors (200/400);
# someone who sees the object but may not act gets 403; someone who may not see it gets 404.
WRITES = {
    "pipeline:project_edit": (lambda w: [w.private.pk], LEADS),
    "pipeline:gate": (lambda w: [w.private.pk], STEERING),
    "pipeline:team_add": (lambda w: [w.private.pk], LEADS),
    "pipeline:project_update": (lambda w: [w.private.pk], TEAM_WORK),
    "pipeline:challenge_edit": (lambda w: [w.challenge.pk], MANAGERS),
    "pipeline:idea_promote": (lambda w: [w.idea.pk], MANAGERS),
    "programmes:edit": (lambda w: [w.programme.slug], MANAGERS),
    "coproduction:participation_add": (lambda w: [w.private.pk], TEAM_WORK),
    "sustainability:start": (lambda w: [w.private.pk], TEAM_WORK),
}
# Who can see the object at all (the rest get 404): Halden's staff and the partner on its team.
SEES_PROJECT = STAFF | {"partner"}
SEES_HALDEN_WORK = STAFF
SEES_PROGRAMME = STAFF | {"operator"}


@pytest.mark.parametrize("name", WRITES)
def test_writes_over_http(world, client, name):
    build, allowed = WRITES[name]
    sees = {
        "pipeline:challenge_edit": SEES_HALDEN_WORK,
        "pipeline:idea_promote": SEES_HALDEN_WORK,
        "programmes:edit": SEES_PROGRAMME,
    }.get(name, SEES_PROJECT)
    url = reverse(name, args=build(world))
    got, expected = {}, {}
    for person in PEOPLE:
        client.force_login(getattr(world, person))
        status = client.post(url, {}).status_code
        got[person] = "allowed" if status in {200, 302, 400} else status
        expected[person] = "allowed" if person in allowed else (403 if person in sees else 404)
    assert got == expected
