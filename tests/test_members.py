"""An organisation's administrator changes roles and removes people who left, and the organisation
always keeps an administrator and every project a lead."""

from django.urls import reverse

from innocities.accounts.models import Membership, Role
from innocities.pipeline.models import ProjectMember, TeamRole


def _membership(user, organisation):
    return Membership.objects.get(user=user, organisation=organisation)


def test_the_admin_changes_a_role(world, login):
    member = _membership(world.member, world.halden)
    response = login(world.admin).post(
        reverse("organisations:member_role", args=["halden", member.pk]), {"role": Role.PROJECT_LEAD}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == Role.PROJECT_LEAD


def test_the_last_admin_cannot_step_down_or_be_removed(world, login):
    client = login(world.admin)
    admin = _membership(world.admin, world.halden)
    response = client.post(
        reverse("organisations:member_role", args=["halden", admin.pk]), {"role": "member"}
    )
    assert response.status_code == 400 and "only administrator" in response.content.decode()
    client.post(reverse("organisations:member_remove", args=["halden", admin.pk]))
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN


def test_removing_a_lead_hands_their_projects_to_the_coordinator(
    world, login, django_capture_on_commit_callbacks
):
    lead = _membership(world.lead, world.halden)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.admin).post(reverse("organisations:member_remove", args=["halden", lead.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=lead.pk).exists()
    assert ProjectMember.objects.get(project=world.private, role=TeamRole.LEAD).user == world.coordinator
    assert not ProjectMember.objects.filter(user=world.lead, project__organisation=world.halden).exists()
    assert world.coordinator.notifications.filter(kind="lead_handed_over").exists()


def test_a_leaving_coordinator_leaves_the_programme(world, login):
    coordinator = _membership(world.coordinator, world.halden)
    login(world.admin).post(reverse("organisations:member_remove", args=["halden", coordinator.pk]))
    assert not world.programme.coordinators.filter(pk=world.coordinator.pk).exists()


def test_only_the_organisations_admin_manages_its_members(world, login):
    member = _membership(world.member, world.halden)
    url = reverse("organisations:member_role", args=["halden", member.pk])
    assert login(world.coordinator).post(url, {"role": "admin"}).status_code == 403
    esk = _membership(world.eskilstuna_coordinator, world.eskilstuna)
    # another organisation's membership through our own slug is not found; through theirs, forbidden
    admin = login(world.admin)
    assert (
        admin.post(
            reverse("organisations:member_role", args=["halden", esk.pk]), {"role": "member"}
        ).status_code
        == 404
    )
    assert admin.post(reverse("organisations:member_remove", args=["eskilstuna", esk.pk])).status_code == 403
    esk.refresh_from_db()
    member.refresh_from_db()
    assert esk.role == Role.COORDINATOR and member.role == Role.MEMBER
