"""What every person meets first: where they land, the menu they may open, the privacy notice and
the accessibility statement."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from innocities.engagement import actions as eng


@pytest.mark.parametrize(
    "language, heading",
    [("sv", "Integritetsmeddelande"), ("nb", "Personvernerklæring"), ("en", "Privacy notice")],
)
def test_the_privacy_notice_is_public_and_translated(client, db, language, heading):
    client.cookies["django_language"] = language
    page = client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert heading in page
    for needle in ("GDPR", "mailto:", "imy.se", "datatilsynet.no"):
        assert needle in page


def test_the_accessibility_statement_names_gaps_and_how_to_report(client, db):
    page = client.get(reverse("accessibility")).content.decode()
    assert "WCAG" in page and "digg.se" in page and "uutilsynet.no" in page and "mailto:" in page


def test_every_page_links_both_from_the_footer_and_signup_links_the_notice(client, db):
    page = client.get(reverse("account_signup")).content.decode()
    assert page.count(reverse("privacy")) >= 2 and reverse("accessibility") in page


def test_a_call_shows_the_organisations_data_protection_contact(world, client, login):
    admin = login(world.admin)
    admin.post(
        reverse("organisations:data_protection", args=["halden"]),
        {"data_protection_contact": "personvern@halden.example"},
    )
    call = eng.publish_call(
        challenge=world.challenge,
        invitation="Kom med idéer",
        actor=world.coordinator,
        opens_on=date.today(),
        closes_on=date.today() + timedelta(days=30),
    )
    client.logout()
    page = client.get(call.get_absolute_url()).content.decode()
    assert "personvern@halden.example" in page and reverse("privacy") in page


def test_only_the_admin_sets_the_data_protection_contact(world, login):
    response = login(world.coordinator).post(
        reverse("organisations:data_protection", args=["halden"]), {"data_protection_contact": "x@y.example"}
    )
    assert response.status_code == 403


def _menu(client):
    page = client.get(reverse("engagement:calls")).content.decode()
    header = page[page.index('class="main-nav"') : page.index("</header>")]
    return header


def test_each_role_lands_where_its_work_starts(world, login):
    assert login(world.coordinator).get("/")["Location"] == reverse("pipeline:my_work")
    network = login(world.operator).get("/")["Location"]
    assert network == reverse("organisations:network", args=[world.network.slug])


def test_the_operators_menu_opens_programmes_and_the_network(world, login):
    menu = _menu(login(world.operator))
    assert reverse("programmes:list") in menu and reverse("organisations:list") in menu
    assert reverse("engagement:my_ideas") not in menu


@pytest.mark.parametrize("person", ["member", "lead", "leader"])
def test_only_moderators_see_moderation(world, login, person):
    assert reverse("engagement:moderation") not in _menu(login(getattr(world, person)))


def test_a_moderator_sees_moderation(world, login):
    assert reverse("engagement:moderation") in _menu(login(world.coordinator))


def test_a_partner_sees_no_indicators_capability_challenges_or_ideas(world, login):
    menu = _menu(login(world.partner))
    for name in ("sustainability:indicators", "capability:overview", "pipeline:challenges", "pipeline:ideas"):
        assert reverse(name) not in menu
    assert reverse("pipeline:projects") in menu


def test_every_menu_entry_opens_for_the_person_it_is_shown_to(world, login):
    from innocities.core import registry

    for person in ("admin", "coordinator", "lead", "member", "leader", "partner", "operator", "outsider"):
        user = getattr(world, person)
        client = login(user)
        for item in registry.nav(user):
            assert client.get(reverse(item.url_name)).status_code == 200, (person, item.key)
