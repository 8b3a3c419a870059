"""Role × action matrix over HTTP: who may see and do what on Halden's private project."""

import pytest
from django.urls import reverse

Y, FORBIDDEN, HIDDEN = 200, 403, 404

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

# action: (url builder, expected status per person, in PEOPLE order)
MATRIX = {
    "view_project": (
        lambda w: reverse("pipeline:project", args=[w.private.pk]),
        [Y, Y, Y, Y, Y, Y, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "edit_project": (
        lambda w: reverse("pipeline:project_edit", args=[w.private.pk]),
        [Y, Y, Y, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "decide_gate": (
        lambda w: reverse("pipeline:gate", args=[w.private.pk]),
        [Y, Y, FORBIDDEN, FORBIDDEN, Y, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "add_team_member": (
        lambda w: reverse("pipeline:team_add", args=[w.private.pk]),
        [Y, Y, Y, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "register_challenge": (
        lambda w: reverse("pipeline:challenge_create") + "?organisation=halden",
        [Y, Y, Y, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "edit_challenge": (
        lambda w: reverse("pipeline:challenge_edit", args=[w.challenge.pk]),
        [Y, Y, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "submit_idea": (
        lambda w: reverse("pipeline:idea_create") + "?organisation=halden",
        [Y, Y, Y, Y, Y, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "edit_own_new_idea": (
        lambda w: reverse("pipeline:idea_edit", args=[w.idea.pk]),
        [Y, Y, FORBIDDEN, Y, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "promote_idea": (
        lambda w: reverse("pipeline:idea_promote", args=[w.idea.pk]),
        [Y, Y, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "view_programme": (
        lambda w: reverse("programmes:detail", args=[w.programme.slug]),
        [Y, Y, Y, Y, Y, HIDDEN, HIDDEN, HIDDEN, Y, HIDDEN],
    ),
    "adapt_method": (
        lambda w: reverse("programmes:method_adapt", args=[w.programme.slug]),
        [Y, Y, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, FORBIDDEN, HIDDEN],
    ),
    "create_programme": (
        lambda w: reverse("programmes:create") + "?organisation=halden",
        [Y, Y, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    ),
    "edit_programme": (
        lambda w: reverse("programmes:edit", args=[w.programme.slug]),
        [Y, Y, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN, FORBIDDEN, HIDDEN],
    ),
    "create_organisation": (lambda w: reverse("organisations:create"), [FORBIDDEN] * 8 + [Y, FORBIDDEN]),
}


@pytest.mark.parametrize("action", MATRIX)
def test_role_action_matrix(world, client, action):
    build, expected = MATRIX[action]
    url = build(world)
    got = []
    for name in PEOPLE:
        client.force_login(getattr(world, name))
        got.append(client.get(url).status_code)
    assert dict(zip(PEOPLE, got, strict=True)) == dict(zip(PEOPLE, expected, strict=True))


def test_anonymous_is_sent_to_sign_in(world, client):
    response = client.get(reverse("pipeline:project", args=[world.public.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_member_cannot_decide_a_gate_by_posting(world, login):
    response = login(world.member).post(
        reverse("pipeline:gate", args=[world.private.pk]),
        {
            "decision": "stop",
            "gate": world.private.phase.gate.pk,
            "reasoning": "x",
            "decided_on": "2026-01-01",
            "decision_makers": [world.member.pk],
        },
    )
    assert response.status_code == 403
    world.private.refresh_from_db()
    assert world.private.status == "active"


def test_steering_group_member_of_the_programme_decides_a_gate(world, login):
    gate = world.private.phase.gate
    data = {
        "decision": "go",
        "gate": world.private.phase.gate.pk,
        "reasoning": "The need is documented by meter data.",
        "decided_on": "2026-02-01",
        "decision_makers": [world.leader.pk],
    }
    for criterion in gate.criteria.all():
        data[f"must_{criterion.pk}" if criterion.kind == "must" else f"score_{criterion.pk}"] = (
            "on" if criterion.kind == "must" else "4"
        )
    response = login(world.leader).post(reverse("pipeline:gate", args=[world.private.pk]), data)
    assert response.status_code == 302
    world.private.refresh_from_db()
    assert world.private.phase.order == 2


def test_partner_sees_only_the_projects_they_are_named_in(world, login):
    client = login(world.partner)
    page = client.get(reverse("pipeline:projects") + "?scope=all").content.decode()
    assert "Smarte vannmålere" in page
    assert "Delte elsykler" not in page
    assert client.get(reverse("pipeline:project", args=[world.network_project.pk])).status_code == 404
    assert client.get(reverse("pipeline:challenges")).content.decode().count("Mindre vannlekkasje") == 0
