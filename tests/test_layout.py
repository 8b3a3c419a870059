"""Layout measured in Debian's Chromium: cards in one row of a grid start at the same height, and tables
in narrow columns fit or scroll inside a focusable wrapper, never clipped.

Skipped when /usr/bin/chromium is missing, like tests/test_browser.py.
"""

from datetime import date, timedelta

import pytest

from tests.test_browser import browser, sign_in  # noqa: F401 - the module-scoped browser fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For every grid of cards on the page: the tops of the cards in each row (the row being as many
# cards as the grid has columns).
CARD_ROWS = """() => [...document.querySelectorAll('.grid, .idea-cards')].map(grid => {
  const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length;
  const cards = [...grid.children].filter(child => child.getBoundingClientRect().height > 0);
  const rows = [];
  for (let i = 0; i < cards.length; i += columns) {
    rows.push(cards.slice(i, i + columns).map(card => card.getBoundingClientRect().top));
  }
  return rows;
}).flat().filter(row => row.length > 1)"""

# For every table in the narrow column of a two-column page: whether it overflows the column, and if
# so, which element holds it (the first ancestor narrower than the table) and how.
NARROW_TABLES = """() => [...document.querySelectorAll('.layout-2 > :last-child table')].map(table => {
  const width = table.getBoundingClientRect().width;
  let holder = table.parentElement;
  while (holder && holder.getBoundingClientRect().width + 1 >= width) holder = holder.parentElement;
  const wrapper = table.closest('.table-scroll');
  return {
    name: table.querySelector('caption')?.textContent || table.querySelector('th')?.textContent,
    width: width,
    overflows: wrapper ? wrapper.scrollWidth > wrapper.clientWidth + 1 : false,
    held_by_wrapper: holder === null || holder === wrapper,
    wrapper_scrolls: wrapper ? ['auto', 'scroll'].includes(getComputedStyle(wrapper).overflowX) : false,
    wrapper_focusable: wrapper ? wrapper.tabIndex === 0 && !!wrapper.getAttribute('aria-label') : false,
  };
})"""

CARD_OVERFLOW = """() => [...document.querySelectorAll(
  '.layout-2 > :last-child .card, .layout-2 > .card:last-child')]
  .filter(card => card.scrollWidth > card.clientWidth + 1)
  .map(card => card.textContent.trim().slice(0, 40))"""


@pytest.fixture
def context(browser, live_server):  # noqa: F811 - pytest's fixture injection
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 1366, "height": 900}
    )
    yield context
    context.close()


def _cards_and_calls(world):
    from innocities.engagement import actions as eng
    from innocities.pipeline import actions as pipeline

    second = pipeline.create_challenge(
        organisation=world.halden,
        programme=world.programme,
        actor=world.coordinator,
        title="Tryggere skoleveier",
        description="Barn går langs trafikkerte veier.",
        status="open",
    )
    for challenge in (world.challenge, second):
        eng.publish_call(
            challenge=challenge,
            invitation="Hjelp oss!",
            opens_on=date.today(),
            closes_on=date.today() + timedelta(days=20),
            actor=world.coordinator,
        )


def test_cards_in_one_row_of_a_grid_start_at_the_same_height(world, context):
    from tests.conftest import PASSWORD

    _cards_and_calls(world)
    page = context.new_page()
    sign_in(page, world.coordinator.email, PASSWORD)
    measured = 0
    for url in (
        "/my-work/",
        "/programmes/",
        "/calls/",
        f"/organisations/{world.halden.slug}/",
        f"/programmes/{world.programme.slug}/sustainability/",
    ):
        assert page.goto(url).status == 200, url
        for row in page.evaluate(CARD_ROWS):
            measured += 1
            assert max(row) - min(row) <= 1, (url, row)
    assert measured >= 4  # rows of two or more cards were found on the pages


def test_tables_in_the_sidebar_fit_or_scroll_inside_a_focusable_wrapper(world, context):
    from innocities.coproduction import actions as co
    from innocities.pipeline import actions as pipeline
    from tests.conftest import PASSWORD

    project = world.private
    for source, state, amount, currency, note in (
        ("own", "granted", 870000, "NOK", "Egen driftsramme"),
        ("regional", "granted", 400000, "NOK", "Østfold fylkeskommune – regionale utviklingsmidler"),
        ("horizon", "applied", 860000, "EUR", "Horizon Europe – EU Mission: Climate-Neutral Cities"),
    ):
        pipeline.add_funding_line(
            project=project,
            actor=world.coordinator,
            source=source,
            state=state,
            amount=amount,
            currency=currency,
            note=note,
        )
    for name, sector, number in (
        ("Høgskolen i Østfold", "academia", "974760673"),
        ("Naturvernforbundet i Halden", "civil_society", ""),
    ):
        actor = co.save_actor(
            organisation=world.halden,
            actor_user=world.coordinator,
            name=name,
            sector=sector,
            country="NO",
            org_number=number,
        )
        co.save_participation(project=project, actor=actor, user=world.coordinator, role="expert", depth=3)

    page = context.new_page()
    sign_in(page, world.coordinator.email, PASSWORD)
    for url in (project.get_absolute_url(), f"/projects/{project.pk}/gate/"):
        assert page.goto(url).status == 200, url
        tables = page.evaluate(NARROW_TABLES)
        assert tables, url
        for table in tables:
            # Nothing sticks out of the column unseen: a table wider than its column is held by a
            # wrapper that scrolls and that a keyboard can reach.
            assert table["held_by_wrapper"], (url, table)
            if table["overflows"]:
                assert table["wrapper_scrolls"] and table["wrapper_focusable"], (url, table)
        assert page.evaluate(CARD_OVERFLOW) == [], url
        if url == project.get_absolute_url():
            funding = [t for t in tables if t["name"] == "Funding lines"]
            assert funding and not funding[0]["overflows"], funding  # amounts wrap; the table fits
