"""Cached fragments: computed once, computed anew after a change to what they depend on, on the cache
production uses (Redis) as on the test's own."""

import os

import pytest
from django.core.cache import cache
from django.test.utils import override_settings
from django.urls import reverse

from innocities.core import fragments

pytestmark = pytest.mark.django_db

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
    }
}


def _exercise():
    computed = []

    def compute():
        computed.append(1)
        return {"n": len(computed)}

    assert fragments.cached("t", ["programme:1"], compute) == {"n": 1}
    assert fragments.cached("t", ["programme:1"], compute) == {"n": 1}, "kept"
    fragments.touch("organisation:9")
    assert fragments.cached("t", ["programme:1"], compute) == {"n": 1}, "another name changed"
    fragments.touch("programme:1")
    assert fragments.cached("t", ["programme:1"], compute) == {"n": 2}, "computed anew"
    cache.delete("token:programme:1")  # a token the cache dropped never brings an old fragment back
    assert fragments.cached("t", ["programme:1"], compute) == {"n": 3}


def test_a_fragment_is_kept_until_what_it_depends_on_changes():
    _exercise()


def test_the_same_on_redis():
    with override_settings(CACHES=REDIS):
        try:
            cache.set("ping", 1)
        except Exception:  # noqa: BLE001 - any connection error means there is no Redis here
            if os.environ.get("REDIS_URL"):
                raise
            pytest.skip("no Redis at 127.0.0.1:6379")
        cache.clear()
        _exercise()


def test_the_board_shows_a_change_at_its_next_reading(world, login):
    """The board is cached per reader; an edit, a gate decision or a new project shows at once."""
    from django.urls import reverse

    from innocities.pipeline import actions

    client = login(world.coordinator)
    url = reverse("pipeline:board", args=["halden"])
    assert "Smarte vannmålere" in client.get(url).content.decode()
    actions.update_project(project=world.private, actor=world.coordinator, title="Vannmålere i Halden")
    page = client.get(url).content.decode()
    assert "Vannmålere i Halden" in page and "Smarte vannmålere" not in page
    world.make_project(title="Solceller på skolen")
    assert "Solceller på skolen" in client.get(url).content.decode()
    assert client.get(url, HTTP_HX_REQUEST="true").content.decode().startswith('<div id="board"')


def test_roles_are_kept_only_until_a_membership_or_network_changes(world, login):
    """Roles are cached per person; losing a membership or a network ends the access at the next request."""
    from innocities.accounts.models import Membership
    from innocities.organisations.actions import remove_member

    member = login(world.member)
    assert member.get(world.private.get_absolute_url()).status_code == 200
    remove_member(membership=Membership.objects.get(user=world.member), actor=world.admin)
    assert member.get(world.private.get_absolute_url()).status_code == 404

    sarpsborg = login(world.sarpsborg_member)
    assert sarpsborg.get(world.network_project.get_absolute_url()).status_code == 200
    world.network.members.remove(world.halden)
    assert sarpsborg.get(world.network_project.get_absolute_url()).status_code == 404


def test_my_work_shows_a_new_idea_or_project_at_its_next_reading(world, login):
    """The gates and ideas a coordinator reviews are cached per person, until their organisation's or
    programme's projects or ideas change."""
    from innocities.pipeline import actions

    client = login(world.coordinator)
    assert "Bysykler" not in client.get("/my-work/").content.decode()
    actions.submit_idea(
        organisation=world.halden,
        actor=world.member,
        programme=world.programme,
        title="Bysykler ved stasjonen",
        description="d",
    )
    assert "Bysykler ved stasjonen" in client.get("/my-work/").content.decode()
    project = world.make_project(title="Ladestasjoner")
    assert "Ladestasjoner" in client.get("/my-work/").content.decode()
    actions.update_project(project=project, actor=world.coordinator, title="Ladepunkter for elbiler")
    assert "Ladepunkter for elbiler" in client.get("/my-work/").content.decode()


def test_a_cached_board_follows_the_readers_roles(world, login):
    """A board kept for a reader is computed anew when what they may see changes, not only the board."""
    from innocities.accounts.models import Membership
    from innocities.organisations.actions import change_role

    client = login(world.leader)  # Halden's leadership and the programme's steering group
    url = reverse("pipeline:board", args=["halden"])
    assert "Smarte vannmålere" in client.get(url).content.decode()
    membership = Membership.objects.get(user=world.leader, organisation=world.halden)
    change_role(membership=membership, role="partner", actor=world.admin)
    response = client.get(url)  # still steering the programme, now a partner: Halden's private work is gone
    assert response.status_code == 200 and "Smarte vannmålere" not in response.content.decode()


def test_a_project_moved_to_another_programme_leaves_the_old_board(world, login):
    from innocities.pipeline import actions
    from tests.conftest import programme

    client = login(world.coordinator)
    url = reverse("pipeline:board", args=["halden"])
    assert "Smarte vannmålere" in client.get(url).content.decode()
    other = programme(world.halden, world.programme.method, "halden-2")
    actions.update_project(project=world.private, actor=world.coordinator, programme=other)
    assert "Smarte vannmålere" not in client.get(url).content.decode()
