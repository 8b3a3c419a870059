"""List and board pages run a fixed number of queries, however many projects there are."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innocities.learning.actions import record_lesson
from innocities.pipeline import actions
from innocities.pipeline.models import Project
from innocities.site import bench

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


@pytest.fixture(autouse=True)
def nothing_cached(settings):
    """Count what a page costs when nothing is cached yet (roles, fragments): the cost that must not grow."""
    settings.CACHES = bench.NO_CACHE


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
            project=world.private, text=f"u{i}", written_on=date(2026, 1, i + 1), actor=world.lead
        )
    # Ten modules add panels; similar work elsewhere (about eight queries when nothing is cached, as
    # here) is kept per project and reader, lessons and reuse take one or two each.
    assert count(client, world.private.get_absolute_url()) <= 42


def add_citizen_work(world, call, n, start):
    from allauth.account.models import EmailAddress

    from innocities.accounts.models import User
    from innocities.coproduction import actions as co
    from innocities.engagement import actions as eng

    for i in range(start, start + n):
        person = User.objects.create_user(
            email=f"c{i}@example.com", password="x" * 12, full_name=f"Citizen {i}"
        )
        EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
        idea = eng.submit_call_idea(call=call, title=f"Citizen idea {i}", description="d", actor=person)
        eng.post_comment(idea=idea, text="Enig!", actor=person)
        supporter = User.objects.create_user(email=f"s{i}@example.com", password="x" * 12, full_name=f"S {i}")
        EmailAddress.objects.create(user=supporter, email=supporter.email, verified=True, primary=True)
        eng.support_idea(idea=idea, actor=supporter)
        eng.report(actor=supporter, idea=idea, reason="Spam?")
        actor = co.save_actor(
            organisation=world.halden,
            actor_user=world.coordinator,
            name=f"Actor {i}",
            sector=["public", "business", "academia", "civil_society", "citizens"][i % 5],
            country="NO",
            org_number="",
        )
        co.save_participation(
            project=world.private, actor=actor, user=world.coordinator, role="expert", depth=1 + i % 5
        )
        co.record_activity(
            project=world.private,
            user=world.lead,
            title=f"Workshop {i}",
            kind="workshop",
            held_on="2026-01-01",
            phase=world.private.phase,
            citizens_count=i,
        )


COPRODUCTION_PAGES = ["/calls/", "call", "idea", "/actors/", "/moderation/", "evaluation", "project", "gate"]


@pytest.mark.parametrize("name", COPRODUCTION_PAGES)
def test_coproduction_and_open_call_pages_do_not_grow_with_content(world, login, name):
    from datetime import date, timedelta

    from innocities.engagement import actions as eng
    from innocities.evaluation import actions as ev

    call = eng.publish_call(
        challenge=world.challenge,
        invitation="Hjelp!",
        opens_on=date.today(),
        closes_on=date.today() + timedelta(days=10),
        actor=world.coordinator,
    )
    ev.add_default_criteria(challenge=world.challenge, actor=world.coordinator)
    ev.invite_evaluator(challenge=world.challenge, user=world.coordinator, actor=world.coordinator)
    add_citizen_work(world, call, 2, 0)
    first_idea = world.challenge.ideas.filter(via_open_call=True).first()
    urls = {
        "call": call.get_absolute_url(),
        "idea": first_idea.get_public_url(),
        "evaluation": f"/challenges/{world.challenge.pk}/evaluation/",
        "project": world.private.get_absolute_url(),
        "gate": f"/projects/{world.private.pk}/gate/",
    }
    url = urls.get(name, name)
    client = login(world.coordinator)
    small = count(client, url)
    add_citizen_work(world, call, 8, 2)
    large = count(client, url)
    assert large == small, f"{url}: {small} queries, then {large}"
    assert small <= 42  # the project page: panels of ten modules, similar work computed (nothing cached)


def test_a_board_column_shows_its_first_cards_and_counts_the_rest(world, login):
    from innocities.pipeline.queries import BOARD_CARDS, PHASE_PAGE

    for i in range(BOARD_CARDS + 5):
        world.make_project(title=f"Kort {i:03d}")
    client = login(world.coordinator)
    page = client.get(reverse("pipeline:board", args=[world.programme.slug])).content.decode()
    shown = page.count('class="project-card ')
    assert shown == BOARD_CARDS  # all in phase 1: the column stops at its first cards
    total = world.programme.projects.count()
    assert f'<span class="board__count">{total}</span>' in page
    assert f"Show all {total} in this phase" in page
    page = client.get(reverse("pipeline:board", args=[world.programme.slug]) + "?phase=1").content.decode()
    assert page.count('class="project-card ') == min(total, PHASE_PAGE)
    for hostile in ("?phase=abc", "?phase=-1", "?phase=99999999", "?page=0&phase=1", "?phase=7"):
        assert client.get(reverse("pipeline:board", args=[world.programme.slug]) + hostile).status_code == 200


def test_the_indicator_library_shows_a_page_at_a_time_in_a_fixed_number_of_queries(world, login):
    from innocities.sustainability.actions import save_indicator
    from innocities.sustainability.indicator_views import LIBRARY_PAGE

    def add(n, start):
        for i in range(start, start + n):
            save_indicator(
                organisation=world.halden,
                actor=None,
                kind="own",
                code=f"I{i:03d}",
                name=f"Indikator {i:03d}",
                unit="%",
                direction="higher",
                dimension="social",
            )

    client = login(world.coordinator)
    add(3, 0)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("sustainability:indicators")).status_code == 200
    add(LIBRARY_PAGE + 10, 3)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("sustainability:indicators")).content.decode()
    assert page.count("Indikator ") == LIBRARY_PAGE and 'rel="next"' in page
    assert len(many) == len(few)


def test_a_portfolio_lists_the_first_projects_not_assessed_and_counts_the_rest(world, login):
    for i in range(35):
        world.make_project(title=f"Uvurdert {i:02d}")
    total = world.programme.projects.count()
    page = login(world.leader).get(reverse("sustainability:programme_portfolio", args=[world.programme.slug]))
    html = page.content.decode()
    assert page.status_code == 200 and html.count("Uvurdert ") == 30 - (total - 35)
    assert f"And {total - 30} more." in html


def test_my_work_lists_the_first_projects_and_counts_the_rest(world, login):
    from innocities.pipeline.queries import MY_WORK_ROWS

    client = login(world.lead)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("pipeline:my_work"))
    for i in range(MY_WORK_ROWS + 3):
        world.make_project(title=f"Ledet {i:02d}")
    led = world.lead.project_roles.filter(role="lead").count()
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("pipeline:my_work")).content.decode()
    assert page.count("Ledet ") <= MY_WORK_ROWS < led
    assert f"All {led} projects I lead" in page
    assert len(many) == len(few)


def test_the_programme_list_counts_only_visible_projects_per_programme(world, login):
    page = login(world.coordinator).get(reverse("programmes:list")).content.decode()
    halden = page[page.index(world.programme.name) :]
    visible = world.programme.projects.count()
    assert f"<strong>{visible}</strong>" in halden[:1200]
    # Eskilstuna's coordinator sees none of Halden's private projects in any count.
    other = login(world.eskilstuna_coordinator).get(reverse("programmes:list")).content.decode()
    assert world.programme.name not in other


def test_a_long_list_counts_no_further_than_its_cap(world, login):
    from innocities.core.paging import CappedPaginator
    from innocities.pipeline.models import Project

    for i in range(12):
        world.make_project(title=f"Mange {i:02d}", visibility="public")
    everything = Project.objects.order_by("title", "pk")
    capped = CappedPaginator(everything, 5, cap=10)
    assert capped.capped and capped.count == 11 and capped.num_pages == 2
    whole = CappedPaginator(everything.filter(title__startswith="Mange 0"), 5, cap=10)
    assert not whole.capped and whole.count == 10 and whole.num_pages == 2
    assert CappedPaginator(everything, 5, cap=10).get_page(99).number == 2
    page = login(world.coordinator).get(reverse("pipeline:projects") + "?scope=all").content.decode()
    assert "projects" in page and "More than" not in page


# The public catalogue, search, lessons, open data and the API: the same number of queries with five
# times the work, for a visitor and for a signed-in coordinator (nothing cached).
OPEN_PAGES = [
    "/catalogue/",
    "/catalogue/?country=NO&status=active&area=energy",
    "/catalogue/challenges/",
    "/catalogue/organisations/",
    "/catalogue/organisations/halden/",
    "/catalogue/feed/",
    "/sitemap-projects.xml",
    "/search/?q=prosjekt",
    "/search/?q=utfordring+id%C3%A9",
    "/lessons/",
    "/api/v1/projects",
    "/api/v1/projects?status=active",
    "/api/v1/challenges",
    "/api/v1/ideas",
    "/api/v1/lessons",
    "/api/v1/programmes",
]


def _more_open_work(world, n):
    add_work(world, n)
    for project in Project.objects.filter(
        organisation=world.halden, visibility="public", lessons__isnull=True
    )[:n]:
        record_lesson(project=project, actor=world.lead, what_worked="Lærdom", visibility="public")


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "coordinator"])
@pytest.mark.parametrize("url", OPEN_PAGES)
def test_open_pages_do_not_grow_with_the_number_of_projects(world, login, client, url, signed_in):
    reader = login(world.coordinator) if signed_in else client
    _more_open_work(world, 3)
    small = count(reader, url)
    _more_open_work(world, 12)
    large = count(reader, url)
    assert large == small, f"{url}: {small} queries with few projects, {large} with more"
    assert small <= 25, f"{url}: {small} queries"
