"""A leader's dashboard in Debian's Chromium: open it from the menu, choose a period, drill down to the
projects behind a number, download the meeting pack; and axe's WCAG 2.1 AA checks on the dashboards."""

from datetime import date

import pytest

from tests.conftest import PASSWORD
from tests.test_browser import WCAG, browser, page, sign_in, visit  # noqa: F401 - the fixtures
from tests.test_gates import go

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def decided(world):
    """Two of Halden's projects through their first gate this year, one of them stopped at the next."""
    go(world, world.private, decided_on=date(2026, 2, 1))
    go(world, world.public, decided_on=date(2026, 2, 2))
    go(world, world.public, decision="stop", decided_on=date(2026, 3, 1), met=set())
    return world


def test_a_leader_drills_down_from_the_dashboard_and_downloads_the_meeting_pack(decided, page):  # noqa: F811
    world = decided
    sign_in(page, "leader@halden.example", PASSWORD)
    page.get_by_role("link", name="Dashboards", exact=True).first.click()
    page.get_by_role("link", name=world.programme.name).click()
    assert page.get_by_role("heading", name=f"Dashboard: {world.programme.name}").is_visible()
    # a custom period, chosen with the form alone (no script needed)
    page.get_by_label("Period", exact=True).select_option("custom")
    page.get_by_label("From", exact=True).fill("2026-01-01")
    page.get_by_label("To", exact=True).fill("2026-06-30")
    page.get_by_role("button", name="Show").click()
    assert "period=custom" in page.url
    gates = page.locator("#figure-gates")
    assert "How it is counted" in gates.inner_text()
    # the two decisions at the first gate, linked to the projects behind them
    gates.get_by_role("row", name=world.method.phases.get(order=1).gate.label).get_by_role(
        "link", name="2", exact=True
    ).first.click()
    assert page.get_by_role("heading", name="The projects behind the number").is_visible()
    table = page.locator("table").inner_text()
    assert world.private.title in table and world.public.title in table
    assert "Sarpsborg" not in table
    page.get_by_role("link", name="Dashboard:").first.click()
    page.get_by_role("link", name="Meeting pack").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the meeting pack (PDF)").click()
    pdf = download.value
    assert pdf.suggested_filename.endswith(".pdf")
    with open(pdf.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_dashboards_have_no_axe_violations(decided, page):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    world = decided
    sign_in(page, "leader@halden.example", PASSWORD)
    axe, found = Axe(), {}
    for url in (
        "/dashboards/",
        "/dashboards/programme/halden/",
        "/dashboards/organisation/halden/?period=2026-Q1",
        f"/dashboards/network/{world.network.slug}/",
        "/dashboards/programme/halden/projects/?period=2026&figure=gates&ref=gate:need",
        "/dashboards/programme/halden/?period=custom&start=2026-05-01&end=2026-01-01",  # with its error
    ):
        visit(page, url)
        found[url] = axe.run(page, options=WCAG).response["violations"]
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, "/dashboards/programme/halden/")
    found["phone"] = axe.run(page, options=WCAG).response["violations"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "scrolls sideways"
    summary = {
        url: [(v["id"], len(v["nodes"])) for v in violations]
        for url, violations in found.items()
        if violations
    }
    assert summary == {}
