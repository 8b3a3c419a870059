"""Personas and a small world for the tests: Halden and Sarpsborg share a network, Eskilstuna does not.

Named like the demo's personas so a failing test reads like a story.
"""

from datetime import date
from types import SimpleNamespace

import pytest

from innocities.accounts.models import Membership, Role, User
from innocities.organisations.actions import create_network, import_municipalities
from innocities.organisations.models import Organisation, StrategicGoal
from innocities.pipeline import actions
from innocities.pipeline.models import TeamRole
from innocities.programmes.actions import load_shipped_methods
from innocities.programmes.models import FocusArea, Programme

PASSWORD = "correct-horse-battery"


def person(email, name, organisation=None, role=None):
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name)
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def organisation(name, country="NO", kind="municipality"):
    return Organisation.objects.create(name=name, slug=name.lower(), kind=kind, country=country)


def programme(org, method, slug, **extra):
    prog = Programme.objects.create(
        organisation=org,
        name=f"Programme {org.name}",
        slug=slug,
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
        method=method,
        **extra,
    )
    return prog


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits live in the cache; every test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def world(db):
    innocities, guide = load_shipped_methods()
    halden, sarpsborg, eskilstuna = (
        organisation("Halden"),
        organisation("Sarpsborg"),
        organisation("Eskilstuna", country="SE"),
    )
    w = SimpleNamespace(
        method=innocities, guide=guide, halden=halden, sarpsborg=sarpsborg, eskilstuna=eskilstuna
    )
    w.admin = person("admin@halden.example", "Astrid Admin", halden, Role.ADMIN)
    w.coordinator = person("coordinator@halden.example", "Ingrid Halvorsen", halden, Role.COORDINATOR)
    w.lead = person("lead@halden.example", "Lars Lead", halden, Role.PROJECT_LEAD)
    w.member = person("member@halden.example", "Mona Member", halden, Role.MEMBER)
    w.leader = person("leader@halden.example", "Leif Leader", halden, Role.LEADERSHIP)
    w.partner = person("partner@halden.example", "Petra Partner", halden, Role.PARTNER)
    w.sarpsborg_member = person("member@sarpsborg.example", "Sara Sarpsborg", sarpsborg, Role.MEMBER)
    w.eskilstuna = eskilstuna
    w.eskilstuna_coordinator = person(
        "coordinator@eskilstuna.example", "Erik Eskilstuna", eskilstuna, Role.COORDINATOR
    )
    w.operator = person("operator@innocities.example", "Olga Operator")
    w.outsider = person("nobody@example.com", "No Membership")
    w.network = create_network(
        name="Østfold cluster",
        description="",
        operators=[w.operator],
        members=[halden, sarpsborg],
        actor=None,
    )
    w.energy = FocusArea.objects.create(key="energy", name={"en": "Energy", "sv": "Energi", "nb": "Energi"})
    w.water = FocusArea.objects.create(key="water", name={"en": "Water", "sv": "Vatten", "nb": "Vann"})
    w.programme = programme(halden, innocities, "halden")
    w.programme.focus_areas.set([w.energy, w.water])
    w.programme.coordinators.add(w.coordinator)
    w.programme.steering_group.add(w.leader)
    w.sarpsborg_programme = programme(sarpsborg, innocities, "sarpsborg")
    w.eskilstuna_programme = programme(eskilstuna, guide, "eskilstuna")
    w.goal = StrategicGoal.objects.create(organisation=halden, title="Klimanøytral kommune 2030")

    def project(
        org=halden, prog=None, title="Landstrøm i Halden havn", visibility="private", lead=None, **extra
    ):
        return actions.create_project(
            organisation=org,
            programme=prog or w.programme,
            actor=lead or w.lead,
            lead=lead or w.lead,
            title=title,
            visibility=visibility,
            **{"summary": "Shore power for ships at berth.", **extra},
        )

    w.make_project = project
    w.private = project(title="Smarte vannmålere", focus_area=w.water)
    w.public = project(title="Solceller på skoletak", visibility="public", focus_area=w.energy)
    w.network_project = project(title="Delte elsykler", visibility="network")
    actions.set_team_member(project=w.private, user=w.member, role=TeamRole.MEMBER, actor=w.coordinator)
    actions.set_team_member(project=w.private, user=w.partner, role=TeamRole.PARTNER, actor=w.coordinator)
    w.sarpsborg_private = project(
        sarpsborg, w.sarpsborg_programme, "Sarpsborg private", lead=w.sarpsborg_member
    )
    w.sarpsborg_network = project(
        sarpsborg, w.sarpsborg_programme, "Sarpsborg shared", visibility="network", lead=w.sarpsborg_member
    )
    w.eskilstuna_private = project(
        eskilstuna, w.eskilstuna_programme, "Digital hemtjänst", lead=w.eskilstuna_coordinator
    )
    w.eskilstuna_public = project(
        eskilstuna,
        w.eskilstuna_programme,
        "Smarta vattenmätare",
        visibility="public",
        lead=w.eskilstuna_coordinator,
    )
    w.challenge = actions.create_challenge(
        organisation=halden,
        programme=w.programme,
        actor=w.coordinator,
        title="Mindre vannlekkasje",
        description="Vi mister 30 % av vannet i ledningsnettet.",
        status="open",
    )
    w.idea = actions.submit_idea(
        organisation=halden,
        actor=w.member,
        challenge=w.challenge,
        title="Akustiske lekkasjesensorer",
        description="Sensorer på kumlokk.",
    )
    w.eskilstuna_challenge = actions.create_challenge(
        organisation=eskilstuna,
        programme=w.eskilstuna_programme,
        actor=w.eskilstuna_coordinator,
        title="Ensamhet bland äldre",
        description="Många äldre upplever ensamhet.",
    )
    w.eskilstuna_idea = actions.submit_idea(
        organisation=eskilstuna,
        actor=w.eskilstuna_coordinator,
        programme=w.eskilstuna_programme,
        title="Digitala fikastunder",
        description="Videosamtal i grupp.",
    )
    import_municipalities(countries=("NO",))
    return w


def assess(project, user, impacts=None, actions=()):
    """Run a sustainability assessment of the project in its current phase (default: goals 6 and 13)."""
    from datetime import date

    from innocities.sustainability import actions as sus
    from innocities.sustainability.catalogue import load_catalogue
    from innocities.sustainability.models import Goal

    load_catalogue()
    project.refresh_from_db()
    impacts = impacts or {6: 2, 13: 1}
    assessment = sus.start_assessment(
        project=project, scope="Pilot", assessed_on=date.today(), participants=[user], actors=[], user=user
    )
    sus.sort_goals(assessment=assessment, relevance={n: "relevant" for n in impacts}, user=user)
    for number, impact in impacts.items():
        sus.assess_goal(
            assessment=assessment,
            goal_number=number,
            impact=impact,
            rationale="Begrunnelse",
            knowledge_gap=False,
            targets=[],
            user=user,
        )
    for kind, number in actions:
        sus.add_action(
            assessment=assessment,
            kind=kind,
            text="Tiltak",
            owner="VA",
            goal=Goal.objects.get(number=number),
            user=user,
        )
    return sus.complete_assessment(assessment=assessment, user=user)


@pytest.fixture
def login(client):
    def as_(user):
        client.force_login(user)
        return client

    return as_


def chromium_or_skip() -> str:
    """Debian's Chromium for the browser tests. Skipped where it is missing, except when the run
    says REQUIRE_BROWSER=1 (CI does): then a missing browser fails instead of passing quietly."""
    import os
    import shutil

    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but Debian's chromium is not installed")
        pytest.skip("Debian's chromium is not installed")
    return path
