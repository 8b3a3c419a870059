"""Evidence of what works and the anonymised research dataset: the Wilson interval, grouping and
suppression on a small history built with the actions, isolation, what the dataset holds and who may
download it, and a query count that does not grow with the projects."""

import csv
import io
from datetime import datetime, time, timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from innocities.coproduction import actions as co
from innocities.insight.evidence import wilson
from innocities.pipeline.actions import add_funding_line, decide_gate
from innocities.pipeline.models import Project
from innocities.programmes.models import Criterion, Gate, Method, Phase, Programme
from tests.conftest import assess

TODAY = timezone.localdate()


# --- the Wilson score interval ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),
        (5, 10, 0.2366, 0.7634),
        (10, 10, 0.7225, 1.0),
        # Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_published_values(successes, n, low, high):
    lower, upper = wilson(successes, n)
    assert lower == pytest.approx(low, abs=5e-5)
    assert upper == pytest.approx(high, abs=5e-5)


def test_wilson_interval_stays_within_zero_and_one_and_needs_projects():
    assert wilson(10, 10)[1] == 1.0 and wilson(0, 10)[0] == 0.0
    assert wilson(0, 0) is None
    with pytest.raises(ValueError):
        wilson(11, 10)


# --- a small history ---------------------------------------------------------------------------------


def sprint(world, owner=None, slug="halden-sprint"):
    """A two-phase method with one gate (passing it implements the project), and a programme using it."""
    method = Method.objects.create(key=f"sprint-{slug}", name={"en": "Sprint"})
    trying = Phase.objects.create(method=method, order=1, key="try", name={"en": "Try"})
    Phase.objects.create(method=method, order=2, key="run", name={"en": "Run"})
    gate = Gate.objects.create(method=method, phase=trying, key="g1", name={"en": "Decide"})
    Criterion.objects.create(gate=gate, key="worth-it", kind="must", text={"en": "Worth it"})
    owner = owner or {"organisation": world.halden}
    programme = Programme.objects.create(
        name=f"Sprint {slug}",
        slug=slug,
        starts_on=TODAY - timedelta(days=800),
        ends_on=TODAY + timedelta(days=800),
        method=method,
        **owner,
    )
    programme.steering_group.add(world.leader)
    return programme


def recorded_days_ago(project, days):
    """The project as if recorded ``days`` days before today (its creation is the clock's)."""
    when = timezone.make_aware(datetime.combine(TODAY - timedelta(days=days), time(12)))
    Project.objects.filter(pk=project.pk).update(created_at=when)


def end(world, project, *, implemented: bool, maker=None, actor=None):
    project.refresh_from_db()
    met = {c.pk for c in project.phase.gate.criteria.filter(kind="must")} if implemented else set()
    decide_gate(
        project=project,
        decision="go" if implemented else "stop",
        reasoning="Besluttet i styringsgruppen.",
        decided_on=TODAY,
        decision_makers=[maker or world.leader],
        met=met,
        scores={},
        actor=actor or world.coordinator,
    )


def deep(world, project, n):
    """Co-production of a deep project: business (collaborate) and academia (empower), three tools."""
    business = co.save_actor(
        organisation=world.halden, actor_user=world.coordinator, name=f"Bedrift {n}", sector="business"
    )
    academia = co.save_actor(
        organisation=world.halden, actor_user=world.coordinator, name=f"Høgskole {n}", sector="academia"
    )
    co.save_participation(project=project, actor=business, user=world.coordinator, role="co_creator", depth=4)
    co.save_participation(project=project, actor=academia, user=world.coordinator, role="expert", depth=5)
    for tool in ("actor-map", "interviews", "brainwriting"):
        co.record_activity(
            project=project,
            user=world.coordinator,
            kind="workshop",
            title=f"Verksted {tool}",
            held_on=TODAY,
            phase=project.phase,
            tool=tool,
            citizens_count=4,
            outcomes="Hemmelige notater fra verkstedet",
        )
    add_funding_line(
        project=project,
        source="vinnova",
        state="granted",
        amount=100000,
        currency="SEK",
        actor=world.coordinator,
    )


@pytest.fixture
def history(world):
    """Halden's sprint programme, shared with the network: five deeply co-produced projects (four
    implemented after 100, 200, 300 and 400 days, one stopped) and three with nobody taking part (one
    implemented, two stopped), plus one still running; Sarpsborg stops a private and a shared project."""
    programme = sprint(world)
    world.sprint = programme
    world.deep = []
    for n, days in enumerate([100, 200, 300, 400, None]):
        project = world.make_project(prog=programme, title=f"Dyp prosjekt {n}", visibility="network")
        deep(world, project, n)
        recorded_days_ago(project, days or 50)
        if n == 0:
            assess(project, world.coordinator)  # goals 6 and 13: a single dimension
        end(world, project, implemented=days is not None)
        world.deep.append(project)
    world.shallow = []
    for n, implemented in enumerate([True, False, False]):
        project = world.make_project(prog=programme, title=f"Grunt prosjekt {n}", visibility="network")
        add_funding_line(
            project=project,
            source="own",
            state="granted",
            amount=5000,
            currency="NOK",
            actor=world.coordinator,
        )
        end(world, project, implemented=implemented)
        world.shallow.append(project)
    running = world.make_project(prog=programme, title="Pågående prosjekt", visibility="network")
    deep(world, running, "running")
    world.sarpsborg_programme.coordinators.add(world.sarpsborg_member)
    for project in (world.sarpsborg_private, world.sarpsborg_network):
        end(world, project, implemented=False, maker=world.sarpsborg_member, actor=world.sarpsborg_member)
    return world


def evidence_url(kind, slug):
    return reverse("insight:evidence", args=[kind, slug])


def groups(response, factor):
    drawn = next(d for d in response.context["factors"] if d.factor.key == factor)
    return {row.key: row for row in drawn.rows}


def test_evidence_groups_ended_projects_and_suppresses_small_groups(history, login):
    response = login(history.operator).get(evidence_url("network", history.network.slug))
    assert response.status_code == 200
    overall = response.context["overall"].group
    # Halden's eight ended projects and Sarpsborg's shared one; the private one and the running one are out
    assert (overall.ended, overall.implemented) == (9, 5)
    depth = groups(response, "depth")
    deep = depth["4-5"]
    assert (deep.group.ended, deep.group.implemented, deep.percent) == (5, 4, 80)
    assert deep.group.median_days == 250  # 100, 200, 300, 400
    assert (deep.low, deep.high) == (38, 96)  # Wilson 4/5: 0.376–0.964
    assert depth["none"].group.suppressed and depth["none"].percent is None  # four ended
    assert depth["3"].group.ended == 0 and depth["3"].group.suppressed
    assert groups(response, "helix")["2-3"].group.ended == 5
    assert groups(response, "tools")["3+"].group.implemented == 4
    funding = groups(response, "funding")
    assert (funding["yes"].group.ended, funding["no"].group.ended) == (5, 4)  # own budget is not external
    assert funding["no"].group.suppressed
    balance = groups(response, "balance")
    assert balance["single_dimension"].group.ended == 1 and balance["single_dimension"].group.suppressed
    assert (balance["not_assessed"].group.ended, balance["not_assessed"].group.implemented) == (8, 4)
    page = response.content.decode()
    assert "fewer than 5" in page and "Association, not cause." in page
    assert "80 %" in page and "38–96 %" in page


def test_a_suppressed_group_shows_no_numbers_and_no_link(history, login):
    page = login(history.operator).get(evidence_url("network", history.network.slug)).content.decode()
    assert "factor=depth&amp;group=4-5" in page
    assert "factor=depth&amp;group=none" not in page
    # nor does its address, typed by hand, list the projects the page keeps back
    url = reverse("insight:evidence_projects", args=["network", history.network.slug])
    assert login(history.operator).get(url, {"factor": "depth", "group": "none"}).status_code == 404


def test_the_count_of_a_group_lists_the_projects_behind_it(history, login):
    client = login(history.operator)
    url = reverse("insight:evidence_projects", args=["network", history.network.slug])
    response = client.get(url, {"factor": "depth", "group": "4-5"})
    assert response.status_code == 200
    assert sorted(p.title for p in response.context["page"]) == [f"Dyp prosjekt {n}" for n in range(5)]
    response = client.get(url, {"factor": "balance", "group": "not_assessed"})
    titles = {p.title for p in response.context["page"]}
    assert "Dyp prosjekt 0" not in titles and "Grunt prosjekt 1" in titles and len(titles) == 8
    for hostile in ("<script>", "x" * 100_000, "\u202egnp.exe", "🚀", "%00", "-1", " ", "4-5 "):
        assert client.get(url, {"factor": "depth", "group": hostile}).status_code == 404
        assert client.get(url, {"factor": hostile, "group": "4-5"}).status_code == 404
    assert client.get(url).status_code == 404
    assert client.get(url, {"factor": "depth", "group": "4-5", "page": "x' OR 1=1"}).status_code == 200


def test_another_organisations_private_project_is_never_counted(history, login):
    """Sarpsborg's private stopped project: not in the network's evidence for Halden's coordinator or
    the operator, and not in the dataset; its own dashboard counts it for Sarpsborg."""
    for person in (history.coordinator, history.operator):
        response = login(person).get(evidence_url("network", history.network.slug))
        assert response.context["overall"].group.ended == 9
    response = login(history.sarpsborg_member).get(evidence_url("organisation", "sarpsborg"))
    assert response.context["overall"].group.ended == 2


def test_evidence_has_the_dashboards_access(history, login):
    url = evidence_url("network", history.network.slug)
    assert login(history.eskilstuna_coordinator).get(url).status_code == 404
    assert login(history.outsider).get(url).status_code == 404
    assert login(history.leader).get(evidence_url("programme", "halden-sprint")).status_code == 200
    assert (
        login(history.eskilstuna_coordinator).get(evidence_url("programme", "halden-sprint")).status_code
        == 404
    )
    assert login(history.coordinator).get(evidence_url("planet", "earth")).status_code == 404
    nothing_ended = login(history.eskilstuna_coordinator).get(evidence_url("organisation", "eskilstuna"))
    assert nothing_ended.status_code == 200 and nothing_ended.context["overall"].group.ended == 0
    assert "fewer than 5" in nothing_ended.content.decode()


def test_the_dashboards_header_links_to_the_evidence_and_the_dataset_for_those_who_may(world):
    """The snippet the dashboard's header includes (its context: the scope, and whether the reader may
    download the dataset)."""
    scope = SimpleNamespace(kind="network", owner=world.network)
    link = render_to_string("insight/_evidence_link.html", {"scope": scope})
    assert evidence_url("network", world.network.slug) in link
    assert reverse("insight:research", args=["network", world.network.slug]) not in link
    link = render_to_string("insight/_evidence_link.html", {"scope": scope, "may_download_research": True})
    assert reverse("insight:research", args=["network", world.network.slug]) in link


# --- the research dataset ----------------------------------------------------------------------------


def download(client, kind, slug):
    response = client.get(reverse("insight:research_csv", args=[kind, slug]))
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content).decode("utf-8")
    return response, body


def test_operator_downloads_a_dataset_of_codes_and_numbers(history, login):
    response, body = download(login(history.operator), "network", history.network.slug)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    # Halden's shared and public projects (8 ended, 1 running, the world's 2) and Sarpsborg's shared one
    assert len(rows) == 12
    assert len({r["project_code"] for r in rows}) == len(rows)
    assert all(r["project_code"].startswith("p-") for r in rows)
    halden = [r for r in rows if r["organisation_code"] != "other"]
    assert len(halden) == 11 and len({r["organisation_code"] for r in halden}) == 1
    assert all(r["organisation_kind"] == "municipality" and r["country"] == "NO" for r in halden)
    sarpsborg = [r for r in rows if r["organisation_code"] == "other"]
    assert len(sarpsborg) == 1 and sarpsborg[0]["organisation_kind"] == ""  # one project: suppressed
    assert sarpsborg[0]["programme_code"] == "other" and sarpsborg[0]["status"] == "stopped"
    implemented = sorted(int(r["days_to_implementation"]) for r in rows if r["days_to_implementation"])
    assert implemented[1:] == [100, 200, 300, 400]
    deep = [r for r in rows if r["deepest_depth"] == "5"]
    assert len(deep) == 6  # five ended and the running one
    assert {
        (r["helix_sectors"], r["method_tools"], r["activities"], r["citizens_engaged"]) for r in deep
    } == {("2", "3", "3", "12")}
    assert {r["external_funding_granted"] for r in deep} == {"yes"}
    assert sum(r["assessed"] == "yes" for r in rows) == 1
    assert {r["balance_class"] for r in rows} == {"single_dimension", "not_assessed"}


def test_the_dataset_holds_no_names_and_no_free_text(history, login):
    _response, body = download(login(history.operator), "network", history.network.slug)
    for text in (
        "Dyp prosjekt",
        "Grunt prosjekt",
        "Delte elsykler",
        "Sarpsborg shared",
        "Sarpsborg private",
        "Halden",
        "Sarpsborg",
        "Østfold",
        "Shore power",
        "Hemmelige notater",
        "Verksted",
        "Bedrift",
        "Besluttet",
        "Sprint",
        "Lars Lead",
    ):
        assert text.lower() not in body.lower(), text


def test_only_operators_and_staff_may_download_the_dataset(history, login):
    slug = history.network.slug
    for person in (history.coordinator, history.leader, history.sarpsborg_member):
        client = login(person)
        assert client.get(reverse("insight:research", args=["network", slug])).status_code == 404
        assert client.get(reverse("insight:research_csv", args=["network", slug])).status_code == 404
        assert "Research dataset" not in client.get(evidence_url("network", slug)).content.decode()
    # a programme owned by an organisation is no network's to share
    operator = login(history.operator)
    assert operator.get(reverse("insight:research", args=["programme", "halden-sprint"])).status_code == 404
    page = operator.get(reverse("insight:research", args=["network", slug]))
    assert page.status_code == 200
    assert (
        "days_to_implementation" in page.content.decode() and "fewer than 5 projects" in page.content.decode()
    )
    history.coordinator.is_staff = True
    history.coordinator.save()
    download(login(history.coordinator), "organisation", "halden")


def test_operator_downloads_the_dataset_of_a_programme_the_network_owns(history, login):
    sprint(history, {"network": history.network}, slug="cluster-sprint")
    client = login(history.operator)
    _response, body = download(client, "programme", "cluster-sprint")
    assert body.lstrip("\ufeff").startswith("project_code;organisation_code;")
    assert "Research dataset" in client.get(evidence_url("programme", "cluster-sprint")).content.decode()


# --- cost ----------------------------------------------------------------------------------------------


def queries(client, url, stream=False):
    cache.clear()  # nothing cached: every figure computed
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200
        if stream:
            b"".join(response.streaming_content)
    return len(captured)


def test_query_count_does_not_grow_with_the_projects(world, login):
    programme = sprint(world)
    client = login(world.operator)
    urls = [
        (evidence_url("network", world.network.slug), False),
        (reverse("insight:research_csv", args=["network", world.network.slug]), True),
    ]

    def add(n, start):
        for i in range(start, start + n):
            project = world.make_project(prog=programme, title=f"Prosjekt {i}", visibility="network")
            deep(world, project, i)
            end(world, project, implemented=i % 3 != 0)

    add(3, 0)
    few = [queries(client, url, stream) for url, stream in urls]
    add(9, 3)
    many = [queries(client, url, stream) for url, stream in urls]
    assert few == many
    assert many[0] <= 25 and many[1] <= 25
