"""The public catalogue in Debian's Chromium: a visitor searches in Swedish, finds a Norwegian
implemented project, and its would-be reuser signs in and starts from it; similar work appears while
a project is written; axe's WCAG 2.1 AA checks on every new page."""

import re

import pytest

from innocities.catalogue import opendata
from innocities.catalogue.models import Concept, Term
from innocities.learning.actions import record_lesson
from innocities.pipeline.models import Project
from tests.conftest import PASSWORD
from tests.test_browser import WCAG, browser, page, sign_in, visit  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shore(world):
    concept = Concept.objects.create(key="shore-power")
    for language, text in (("sv", "landström"), ("nb", "landstrøm"), ("en", "shore power")):
        Term.objects.create(concept=concept, language=language, text=text)
    world.shore = world.make_project(
        title="Landstrøm for skip ved kai",
        summary="Bygge ut landstrøm for container- og bulkskip ved havnas hovedkaier.",
        visibility="public",
    )
    world.shore.status = "implemented"
    world.shore.save()
    world.lesson = record_lesson(
        project=world.shore,
        actor=world.lead,
        what_worked="Nettselskapet var med fra første dag.",
        advice="Bestill nettilknytningen et år i forveien.",
        visibility="public",
    )
    return world


SEARCH_BOX = "Search projects, challenges, ideas and organisations"


def test_a_visitor_finds_norwegian_shore_power_in_swedish_and_a_coordinator_reuses_it(shore, page):  # noqa: F811
    visit(page, "/")
    page.get_by_role("searchbox", name=SEARCH_BOX).fill("landström")
    page.get_by_role("searchbox", name=SEARCH_BOX).press("Enter")
    result = page.get_by_role("link", name="Landstrøm for skip ved kai").first  # then its lesson
    assert result.get_attribute("lang") == "nb"
    assert "Also searched for" in page.content() and "shore power" in page.content()
    result.click()
    assert page.locator("h1").get_attribute("lang") == "nb"
    assert "Implemented" in page.content()
    page.get_by_role("link", name="Sign in to reuse it in your organisation").click()
    page.get_by_label("Email").fill("coordinator@eskilstuna.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/reuse/"))
    assert page.get_by_label("Title").input_value() == "Landstrøm for skip ved kai"
    page.get_by_label("Title").fill("Landström vid Mälarhamnen")
    page.get_by_label("Programme").select_option(index=1)
    page.get_by_role("button", name="Start the project").click()
    page.wait_for_url(re.compile(r"/projects/\d+/$"))
    assert "Started from" in page.content() and "Landstrøm for skip ved kai" in page.content()
    reused = Project.objects.get(title="Landström vid Mälarhamnen")
    assert reused.organisation == shore.eskilstuna and reused.reuse.origin == shore.shore


def test_similar_work_appears_while_a_project_is_written(shore, page):  # noqa: F811
    sign_in(page, "coordinator@eskilstuna.example", PASSWORD)
    visit(page, "/projects/new/")
    page.get_by_label("Title").press_sequentially("Landström för färjor", delay=20)
    results = page.locator("#similar-results")
    results.get_by_text("Landstrøm for skip ved kai").wait_for()
    assert "Bestill nettilknytningen" in results.inner_text()  # before you start: their lesson
    assert page.csp_errors == []


def test_catalogue_search_api_and_open_data_pages_have_no_axe_violations(shore, page):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    opendata.generate()
    found = {}
    anonymous = [
        "/catalogue/",
        "/catalogue/?country=NO&status=reuse",
        "/catalogue/challenges/",
        "/catalogue/organisations/",
        "/catalogue/organisations/halden/",
        f"/catalogue/projects/{shore.shore.pk}/",
        "/search/?q=landstr%C3%B6m",
        "/search/?q=nothing+at+all",
        "/lessons/",
        shore.lesson.get_absolute_url(),
        "/open-data/",
    ]
    for url in anonymous:
        visit(page, url)
        found[f"{url} (anonymous)"] = axe.run(page, options=WCAG).response["violations"]
    sign_in(page, "coordinator@eskilstuna.example", PASSWORD)
    for url in (
        "/search/?q=landstr%C3%B6m",
        "/me/tokens/",
        "/projects/new/",
        f"/catalogue/projects/{shore.shore.pk}/reuse/",
        f"/projects/{shore.eskilstuna_public.pk}/",
        f"/projects/{shore.eskilstuna_public.pk}/lessons/new/",
        "/api/v1/docs",
    ):
        visit(page, url)
        found[url] = axe.run(page, options=WCAG).response["violations"]
    visit(page, "/me/tokens/")
    page.get_by_role("button", name="Make the token").click()  # the form with its errors
    found["token form with errors"] = axe.run(page, options=WCAG).response["violations"]
    summary = {url: [(v["id"], len(v["nodes"])) for v in vs] for url, vs in found.items() if vs}
    assert summary == {}
    assert page.csp_errors == []
