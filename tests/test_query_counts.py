"""List and board pages run a fixed number of queries, however many projects there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from innocities.pipeline import actions

PAGES = [
    "/programmes/halden/board/",
    "/projects/",
    "/projects/?scope=all",
    "/challenges/",
    "/ideas/",
    "/my-work/",
    "/programmes/",
    "/programmes/halden/",
    "/organisations/",
    "/organisations/halden/",
]


def add_work(world, n):
    for i in range(n):
        project = world.make_project(
            title=f"Prosjekt {i}", focus_area=world.energy, visibility=["private", "network", "public"][i % 3]
        )
        actions.add_funding_line(
            project=project,
            source="own",
            state="granted",
            amount=1000,
            currency="NOK",
            actor=world.coordinator,
        )
        challenge = actions.create_challenge(
            organisation=world.halden,
            programme=world.programme,
            actor=world.coordinator,
            title=f"Utfordring {i}",
            description="d",
        )
        actions.submit_idea(
            organisation=world.halden,
            actor=world.member,
            challenge=challenge,
            title=f"Idé {i}",
            description="d",
        )


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", PAGES)
def test_queries_do_not_grow_with_the_number_of_projects(world, login, url):
    client = login(world.coordinator)
    add_work(world, 3)
    small = count(client, url)
    add_work(world, 12)
    large = count(client, url)
    assert large == small, f"{url}: {small} queries with few projects, {large} with more"
    assert small <= 20


def test_project_page_query_count_is_bounded(world, login):
    client = login(world.coordinator)
    for i in range(5):
        actions.add_progress_update(
            project=world.private, text=f"u{i}", written_on=f"2026-01-0{i + 1}", actor=world.lead
        )
    assert count(client, world.private.get_absolute_url()) <= 30
