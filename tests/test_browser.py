"""The main journey in Debian's Chromium, and axe's WCAG 2.1 AA checks on every page of the spine.

Skipped when /usr/bin/chromium is missing (`make test` installs it when run as root), and failed instead
when REQUIRE_BROWSER=1 (CI). Axe runs only on pages that answered 200: a 404 page is not the page meant.
"""

import os
import re

import pytest

from tests.conftest import chromium_or_skip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def browser():
    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.csp_errors = []
    page.on(
        "console",
        lambda message: (
            page.csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()


def visit(page, url):
    """Open a page that must answer 200 (axe on an error page would check the wrong page)."""
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"
    return response


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_main_journey_from_challenge_to_a_card_that_moves(world, page):
    from tests.conftest import PASSWORD

    page.goto("/")
    assert page.get_by_role("button", name="Change").count() == 1  # the language switch is on every page
    sign_in(page, "coordinator@halden.example", PASSWORD)

    page.goto("/challenges/new/")
    page.get_by_label("Title").fill("Tomme ferger om natten")
    page.get_by_label("Programme").select_option(label="Programme Halden")
    page.get_by_label("Description").fill("Fergene går nesten tomme etter kl. 22.")
    page.get_by_label("Status").select_option("open")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Tomme ferger om natten").wait_for()

    page.get_by_role("link", name="Submit an idea").first.click()
    page.get_by_label("Title").fill("Ferge på bestilling")
    page.get_by_label("Description").fill("Innbyggerne bestiller avgang i en app.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Ferge på bestilling").wait_for()

    page.get_by_role("link", name="Make it a project").click()
    page.get_by_label("Title").fill("Bestillingsferge Halden")
    page.get_by_role("button", name="Start the project").click()
    page.get_by_role("heading", name="Bestillingsferge Halden").wait_for()
    project_url = page.url

    page.get_by_role("link", name="Decide gate").click()
    for checkbox in page.locator("fieldset.criteria input[type=checkbox]").all():
        checkbox.check()
    page.get_by_label("Go", exact=True).check()
    page.get_by_label("Reasoning").fill("Reisedata viser behovet; brukerrådet støtter piloten.")
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_url(project_url)
    assert page.get_by_text("Reisedata viser behovet; brukerrådet støtter piloten.").first.is_visible()

    page.goto("/programmes/halden/board/")
    card = page.locator(".project-card", has_text="Bestillingsferge Halden")
    column = card.locator("xpath=ancestor::section[contains(@class,'board__column')]")
    assert re.search(r"\b2\b", column.locator("h2").inner_text())
    assert page.csp_errors == []


def test_board_filter_works_without_javascript(world, browser, live_server):
    from tests.conftest import PASSWORD

    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "coordinator@halden.example", PASSWORD)
    page.goto("/programmes/halden/board/")
    page.get_by_label("Search", exact=True).fill("solceller")
    page.get_by_role("button", name="Filter").click()
    assert page.locator(".project-card").count() == 1
    assert "q=solceller" in page.url
    context.close()


AXE_PAGES = [
    "/my-work/",
    "/programmes/",
    "/programmes/halden/",
    "/programmes/halden/board/",
    "/challenges/",
    "/challenges/new/",
    "/ideas/",
    "/ideas/new/",
    "/projects/",
    "/projects/new/",
    "/organisations/",
    "/organisations/halden/",
    "/programmes/methods/",
    "/programmes/halden/method/",
]


def _coproduction_world(world):
    """An open call with a citizen's idea and a comment, an actor in a project, a workshop, a round."""
    from datetime import date, timedelta

    from allauth.account.models import EmailAddress

    from innocities.accounts.models import User
    from innocities.coproduction import actions as co
    from innocities.engagement import actions as eng
    from innocities.evaluation import actions as ev

    call = eng.publish_call(
        challenge=world.challenge,
        invitation="Hjelp oss!",
        opens_on=date.today(),
        closes_on=date.today() + timedelta(days=20),
        actor=world.coordinator,
    )
    kari = User.objects.create_user(email="kari@example.com", password="x" * 12, full_name="Kari Innbygger")
    EmailAddress.objects.create(user=kari, email=kari.email, verified=True, primary=True)
    idea = eng.submit_call_idea(
        call=call, title="Sensorer på kumlokk", description="Lytt etter lekkasjer.", actor=kari
    )
    eng.post_comment(idea=idea, text="God idé!", actor=kari)
    actor = co.save_actor(
        organisation=world.halden,
        actor_user=world.coordinator,
        name="Høgskolen i Østfold",
        sector="academia",
        country="NO",
        org_number="974760673",
    )
    co.save_participation(project=world.private, actor=actor, user=world.coordinator, role="expert", depth=4)
    activity = co.record_activity(
        project=world.private,
        user=world.lead,
        title="Workshop",
        kind="workshop",
        held_on=date.today(),
        phase=world.private.phase,
        citizens_count=6,
        academia_count=2,
        outcomes="Tre behov.",
    )
    ev.add_default_criteria(challenge=world.challenge, actor=world.coordinator)
    ev.invite_evaluator(challenge=world.challenge, user=world.coordinator, actor=world.coordinator)
    return call, idea, activity


def test_pages_have_no_axe_violations(world, page):
    from axe_playwright_python.sync_playwright import Axe

    from tests.conftest import PASSWORD

    axe = Axe()
    call, citizen_idea, activity = _coproduction_world(world)
    found = {}
    for url in (
        "/accounts/login/",
        "/accounts/signup/",
        "/",
        "/calls/",
        call.get_absolute_url(),
        citizen_idea.get_public_url(),
    ):
        visit(page, url)
        found[f"{url} (anonymous)"] = axe.run(page, options=WCAG).response["violations"]
    sign_in(page, "coordinator@halden.example", PASSWORD)
    urls = AXE_PAGES + [
        f"/projects/{world.private.pk}/",
        f"/projects/{world.private.pk}/gate/",
        f"/challenges/{world.challenge.pk}/",
        f"/ideas/{world.idea.pk}/",
        f"/programmes/methods/{world.method.pk}/",
        f"/projects/{world.private.pk}/edit/",
        f"/projects/{world.private.pk}/team/",
        f"/ideas/{world.idea.pk}/promote/",
        f"/ideas/{world.idea.pk}/edit/",
        f"/challenges/{world.challenge.pk}/edit/",
        "/actors/",
        "/actors/new/",
        f"/projects/{world.private.pk}/participations/new/",
        f"/projects/{world.private.pk}/activities/new/",
        activity.get_absolute_url(),
        "/calls/",
        call.get_absolute_url(),
        citizen_idea.get_public_url(),
        f"/calls/{call.pk}/submit/",
        "/my-ideas/",
        "/moderation/",
        "/notifications/",
        "/notifications/settings/",
        "/me/data/",
        f"/challenges/{world.challenge.pk}/call/",
        f"/challenges/{world.challenge.pk}/evaluation/",
        f"/challenges/{world.challenge.pk}/evaluation/ideas/{citizen_idea.pk}/",
    ]
    for url in urls:
        visit(page, url)
        found[url] = axe.run(page, options=WCAG).response["violations"]
    # The programme's own copy of the method, with its editing forms, and a form showing its errors.
    page.goto("/programmes/halden/method/")
    page.get_by_role("button", name="Make our own copy").click()
    found["method copy"] = axe.run(page, options=WCAG).response["violations"]
    page.goto(f"/projects/{world.private.pk}/gate/")
    page.get_by_role("button", name="Record the decision").click()
    found["gate with errors"] = axe.run(page, options=WCAG).response["violations"]
    page.set_viewport_size({"width": 390, "height": 844})
    for url in ("/my-work/", "/programmes/halden/board/", f"/projects/{world.private.pk}/"):
        visit(page, url)
        found[f"{url} (phone)"] = axe.run(page, options=WCAG).response["violations"]
    # The operator's pages.
    page.context.clear_cookies()
    sign_in(page, "operator@innocities.example", PASSWORD)
    visit(page, "/organisations/new/")
    found["/organisations/new/"] = axe.run(page, options=WCAG).response["violations"]
    summary = {
        url: [(v["id"], len(v["nodes"])) for v in violations]
        for url, violations in found.items()
        if violations
    }
    assert summary == {}
    assert page.csp_errors == []


def test_axe_finds_a_violation_when_there_is_one(browser):
    """The accessibility check above is only worth something if it can fail."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.set_content('<html lang="en"><body><main><img src="x.png"><input type="text"></main></body></html>')
    ids = {v["id"] for v in Axe().run(page, options=WCAG).response["violations"]}
    page.close()
    assert {"image-alt", "label"} <= ids


def test_citizen_journey_from_open_call_to_the_organisations_answer(world, browser, live_server):
    from datetime import date, timedelta

    from django.core import mail

    from innocities.engagement.actions import publish_call
    from innocities.pipeline.models import Idea
    from tests.conftest import PASSWORD

    publish_call(
        challenge=world.challenge,
        invitation="Hjelp oss å finne lekkasjene!",
        opens_on=date.today(),
        closes_on=date.today() + timedelta(days=30),
        actor=world.coordinator,
    )
    citizen = browser.new_context(base_url=live_server.url, locale="nb-NO")
    page = citizen.new_page()
    page.set_default_timeout(15000)
    page.goto("/")
    page.get_by_role("link", name="Se de åpne utlysningene og send inn en idé").click()
    page.get_by_role("link", name="Mindre vannlekkasje").click()
    page.get_by_role("link", name="Send inn en idé").first.click()
    page.get_by_role("link", name="Registrer deg").first.click()
    page.get_by_label("Navnet ditt").fill("Kari Innbygger")
    page.get_by_label("E-post").fill("kari@example.com")
    page.locator("#id_password1").fill("et-langt-passord-2026")
    page.locator("#id_password2").fill("et-langt-passord-2026")
    page.locator("form button[type=submit]").last.click()
    link = next(
        line.strip() for m in mail.outbox for line in m.body.splitlines() if "/confirm-email/" in line
    )
    page.goto(link[link.index("/accounts/") :])
    page.locator("main form button[type=submit]").click()

    page.goto("/calls/")
    page.get_by_role("link", name="Mindre vannlekkasje").click()
    page.get_by_role("link", name="Send inn en idé").first.click()
    page.get_by_label("Ideen din i én setning").fill("Akustiske sensorer på kumlokk")
    page.get_by_label("Beskriv ideen din").fill("Lytt etter lekkasjer om natten.")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("heading", name="Akustiske sensorer på kumlokk").wait_for()
    idea = Idea.objects.get(title="Akustiske sensorer på kumlokk")

    coordinator = browser.new_context(base_url=live_server.url, locale="en-GB")
    staff = coordinator.new_page()
    sign_in(staff, "coordinator@halden.example", PASSWORD)
    staff.goto(f"/ideas/{idea.pk}/")
    staff.get_by_label("New status").select_option("under_review")
    staff.get_by_label("Reason").fill("Vi tester sensorer i to bydeler til våren.")
    staff.get_by_role("button", name="Change status").click()
    staff.get_by_text("Vi tester sensorer i to bydeler til våren.").first.wait_for()

    page.goto(f"/calls/ideas/{idea.pk}/")
    assert page.get_by_text("Vi tester sensorer i to bydeler til våren.").is_visible()
    assert page.get_by_text("Under vurdering").first.is_visible()
    citizen.close()
    coordinator.close()


def test_an_evaluation_round_with_an_outside_expert(world, browser, live_server):
    from innocities.evaluation.actions import add_default_criteria, invite_evaluator
    from tests.conftest import PASSWORD

    add_default_criteria(challenge=world.challenge, actor=world.coordinator)
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, "coordinator@halden.example", PASSWORD)
    page.goto(f"/challenges/{world.challenge.pk}/evaluation/")
    page.get_by_text("Invite an evaluator").click()
    page.get_by_label("Or an outside expert: name").fill("Eva Ekspert")
    page.get_by_label("The expert's email").fill("eva@hiof.example")
    page.get_by_role("button", name="Invite", exact=True).click()
    page.get_by_text("Eva Ekspert").first.wait_for()
    invite_evaluator(challenge=world.challenge, user=world.coordinator, actor=world.coordinator)
    expert = world.challenge.evaluators.get(user__email="eva@hiof.example").user
    expert.set_password(PASSWORD)
    expert.save()

    page.context.clear_cookies()
    sign_in(page, "eva@hiof.example", PASSWORD)
    page.goto(f"/challenges/{world.challenge.pk}/evaluation/")
    page.get_by_role("link", name="Akustiske lekkasjesensorer").click()
    assert page.get_by_text("once yours are in").is_visible()
    for select in page.locator("select[name^=score_]").all():
        select.select_option("4")
    page.locator("textarea[name^=comment_]").first.fill("Lovende, men dyrt.")
    page.get_by_role("button", name="Save my scores").click()
    page.get_by_text("Your scores were saved.").wait_for()

    page.context.clear_cookies()
    sign_in(page, "coordinator@halden.example", PASSWORD)
    page.goto(f"/challenges/{world.challenge.pk}/evaluation/")
    row = page.locator("tr", has_text="Akustiske lekkasjesensorer")
    assert "4.0" in row.inner_text()
    context.close()


def test_an_assessment_workshop_and_the_next_gate_shows_what_changed(world, browser, live_server):
    from datetime import date

    from innocities.pipeline.actions import decide_gate
    from innocities.sustainability.catalogue import load_catalogue
    from tests.conftest import PASSWORD, assess

    load_catalogue()
    gate = world.private.phase.gate
    decide_gate(
        project=world.private,
        decision="go",
        reasoning="Behov bekreftet",
        decided_on=date.today(),
        decision_makers=[world.leader],
        met={c.pk for c in gate.criteria.filter(kind="must")},
        scores={},
        actor=world.coordinator,
    )
    assess(world.private, world.lead, {6: 1, 13: 1})
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, "coordinator@halden.example", PASSWORD)
    page.goto(f"/projects/{world.private.pk}/assessments/new/")
    page.get_by_label("What is assessed?").fill("Smarte vannmålere i 200 husstander")
    page.get_by_role("button", name="Next: sort the goals").click()
    page.locator("fieldset", has_text="6. Clean water").get_by_label("Relevant", exact=True).check()
    page.locator("fieldset", has_text="12. Responsible consumption").get_by_label("Don't know").check()
    page.get_by_role("button", name="Next: assess each relevant goal").click()
    page.get_by_label("+2 clearly positive").check()
    page.get_by_label("Direct: the project itself causes it").check()
    page.get_by_label("Rationale").fill("Lekkasjer oppdages mye raskere.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Knowledge gap: we cannot judge it yet").check()
    page.get_by_label("Rationale").fill("Flere elektroniske målere.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Kind").select_option("reduce")
    page.get_by_label("Goal", exact=True).select_option(label="12. Responsible consumption and production")
    page.locator("#id_text").fill("Gjenbruk av gamle målere")
    page.get_by_label("Owner").fill("VA-avdelingen")
    page.get_by_role("button", name="Add the action").click()
    page.get_by_role("button", name="Complete the assessment").click()
    page.get_by_role("heading", name="Sustainability profile").wait_for()
    assert page.get_by_text("Knowledge gap on 12. Responsible consumption").first.is_visible()
    page.goto(f"/projects/{world.private.pk}/gate/")
    changed = page.locator("section", has_text="What changed since the assessment before")
    assert "6. Clean water and sanitation" in changed.inner_text()
    context.close()


def _indicator(world):
    from decimal import Decimal

    from innocities.sustainability.actions import record_measurement, save_indicator, set_target

    indicator = save_indicator(
        organisation=world.halden,
        actor=None,
        kind="own",
        code="V",
        name="Vanntap",
        unit="%",
        direction="lower",
        dimension="ecological",
    )
    set_target(
        indicator=indicator,
        actor=None,
        baseline_value=30,
        baseline_year=2020,
        target_value=20,
        target_year=2030,
    )
    record_measurement(indicator=indicator, year=2024, value=Decimal("24"), source="Egen", actor=None)
    return indicator


def test_sustainability_and_capability_pages_have_no_axe_violations(world, page):
    from datetime import date, timedelta

    from axe_playwright_python.sync_playwright import Axe

    from innocities.capability.actions import start_round
    from innocities.sustainability import actions as sus
    from tests.conftest import PASSWORD, assess

    done = assess(world.private, world.lead, {6: 2, 12: -1, 13: 1})
    assess(world.private, world.lead, {6: 2, 12: -1, 13: 2}, actions=[("reduce", 12)])
    draft = sus.start_assessment(
        project=world.public,
        scope="Solceller",
        assessed_on=date.today(),
        participants=[world.lead],
        actors=[],
        user=world.lead,
    )
    sus.sort_goals(assessment=draft, relevance={7: "relevant", 13: "relevant"}, user=world.lead)
    survey = start_round(
        organisation=world.halden,
        kind="baseline",
        opens_on=date.today(),
        closes_on=date.today() + timedelta(days=7),
        actor=world.coordinator,
    )
    sign_in(page, "coordinator@halden.example", PASSWORD)
    axe = Axe()
    found = {}
    for url in (
        "/sdg/",
        "/sdg/6/",
        done.get_absolute_url(),
        f"/assessments/{done.pk}/compare/{done.pk + 1}/",
        f"/projects/{world.private.pk}/assessments/",
        f"/projects/{world.private.pk}/assessments/new/",
        f"/assessments/{draft.pk}/goals/",
        f"/assessments/{draft.pk}/goals/7/",
        f"/assessments/{draft.pk}/actions/",
        "/programmes/halden/sustainability/",
        "/organisations/halden/sustainability/",
        "/capability/",
        "/indicators/",
        "/indicators/new/",
        f"/indicators/{_indicator(world).pk}/",
        survey.get_absolute_url(),
        f"/capability/rounds/{survey.pk}/answer/",
    ):
        visit(page, url)
        found[url] = axe.run(page, options=WCAG).response["violations"]
    # The network's grouping of the goals is its operator's page.
    page.context.clear_cookies()
    sign_in(page, "operator@innocities.example", PASSWORD)
    url = f"/networks/{world.network.slug}/dimensions/"
    visit(page, url)
    found[url] = axe.run(page, options=WCAG).response["violations"]
    summary = {
        url: [(v["id"], len(v["nodes"])) for v in violations]
        for url, violations in found.items()
        if violations
    }
    assert summary == {}
