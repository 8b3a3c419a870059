"""Tenant isolation over every URL pattern: another organisation's private object answers 404,
for every method, and list pages never show it. A new URL with an object in it must be added here."""

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from innocities.catalogue import opendata
from innocities.coproduction import actions as co
from innocities.pipeline.models import Milestone
from tests.conftest import programme

APPS = (
    "pipeline",
    "programmes",
    "organisations",
    "coproduction",
    "engagement",
    "evaluation",
    "sustainability",
    "capability",
    "notifications",
    "insight",
    "catalogue",
    "learning",
)
# Outside the apps: the root (home, the person's own account pages, allauth, languages) and Django's
# admin (platform staff only). None of them takes another organisation's object: checked below.
OUTSIDE = (None, "admin", "api")  # the API has its own walk below


def all_patterns(resolver=None, namespace=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from all_patterns(entry, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            yield namespace, entry


def patterns():
    for namespace, entry in all_patterns():
        if namespace in APPS:
            yield f"{namespace}:{entry.name}", entry


def test_every_namespace_is_known():
    unknown = {namespace for namespace, _ in all_patterns()} - set(APPS) - set(OUTSIDE)
    assert unknown == set(), f"classify the URLs of {unknown} in tests/test_isolation.py"


# Root URLs that take an object of the person's own, checked by their own test below.
OWN_OBJECT_ROOT_URLS = {"me/tokens/<int:pk>/revoke/"}


def test_no_root_url_takes_an_object_id():
    """A new page outside the apps' namespaces with an object in its URL must join the walk."""
    suspicious = [
        str(entry.pattern)
        for namespace, entry in all_patterns()
        if namespace is None and any(c in {"pk", "slug", "id"} for c in entry.pattern.converters)
    ]
    assert set(suspicious) - OWN_OBJECT_ROOT_URLS == set()


def test_another_persons_api_token_cannot_be_revoked(world, login):
    from innocities.accounts import tokens

    token, _secret = tokens.create_token(
        user=world.eskilstuna_coordinator, name="x", scope="read", expires_on=date.today() + timedelta(days=9)
    )
    client = login(world.coordinator)
    assert client.post(reverse("account_token_revoke", args=[token.pk])).status_code == 404
    assert client.get(reverse("account_token_revoke", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None
    assert token.prefix not in client.get("/me/tokens/").content.decode()  # only one's own tokens are listed


def sustainability_objects(w):
    """An Eskilstuna assessment still in draft (so its editing steps exist) and a completed one."""
    from innocities.sustainability import actions as sus
    from tests.conftest import assess

    done = assess(w.eskilstuna_private, w.eskilstuna_coordinator, {6: 2, 13: -1}, actions=[("reduce", 13)])
    draft = sus.start_assessment(
        project=w.eskilstuna_private,
        scope="Utkast",
        assessed_on=done.assessed_on,
        participants=[],
        actors=[],
        user=w.eskilstuna_coordinator,
    )
    sus.sort_goals(assessment=draft, relevance={6: "relevant"}, user=w.eskilstuna_coordinator)
    action = sus.add_action(
        assessment=draft, kind="strengthen", text="Mer", owner="X", user=w.eskilstuna_coordinator
    )
    from datetime import timedelta

    from innocities.capability.actions import start_round
    from innocities.sustainability.actions import save_indicator

    indicator = save_indicator(
        organisation=w.eskilstuna,
        actor=None,
        kind="kolada",
        code="N00945",
        name="Andel",
        unit="%",
        direction="higher",
        dimension="social",
    )
    survey = start_round(
        organisation=w.eskilstuna,
        kind="baseline",
        opens_on=done.assessed_on,
        closes_on=done.assessed_on + timedelta(days=9),
        actor=w.eskilstuna_coordinator,
    )
    return {
        "project_outcome": {"pk": w.eskilstuna_private.pk, "what": "target"},
        "indicator": {"pk": indicator.pk, "what": "measurement"},
        "survey": {"pk": survey.pk},
        "assessment": {"pk": draft.pk, "number": 6, "action_pk": action.pk, "other_pk": done.pk},
        "organisation": {"slug": w.eskilstuna.slug},
    }


def engagement_objects(w):
    """Eskilstuna's call not yet open, a hidden citizen idea with a comment, and a citizen."""
    from datetime import date, timedelta

    from allauth.account.models import EmailAddress

    from innocities.accounts.models import User
    from innocities.engagement import actions as eng
    from innocities.pipeline.actions import create_challenge

    soon = eng.publish_call(
        challenge=w.eskilstuna_challenge,
        invitation="Snart",
        actor=w.eskilstuna_coordinator,
        opens_on=date.today() + timedelta(days=9),
        closes_on=date.today() + timedelta(days=40),
    )
    open_challenge = create_challenge(
        organisation=w.eskilstuna,
        programme=w.eskilstuna_programme,
        title="Öppen",
        description="d",
        actor=w.eskilstuna_coordinator,
    )
    open_call = eng.publish_call(
        challenge=open_challenge,
        invitation="Nu",
        actor=w.eskilstuna_coordinator,
        opens_on=date.today(),
        closes_on=date.today() + timedelta(days=40),
    )
    citizen = User.objects.create_user(
        email="anna@example.com", password="x" * 12, full_name="Anna Medborgare"
    )
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    idea = eng.submit_call_idea(call=open_call, title="Dold idé", description="d", actor=citizen)
    comment = eng.post_comment(idea=idea, text="Hej", actor=citizen)
    eng.hide(obj=idea, reason="Reklam", actor=w.eskilstuna_coordinator)
    from innocities.evaluation.actions import add_default_criteria, invite_evaluator
    from innocities.notifications.models import Notification

    add_default_criteria(challenge=open_challenge, actor=w.eskilstuna_coordinator)
    invite_evaluator(challenge=open_challenge, actor=w.eskilstuna_coordinator, user=w.eskilstuna_coordinator)
    notice = Notification.objects.create(
        recipient=w.eskilstuna_coordinator, kind="comment", key="iso", data={"idea": "x"}, url="/"
    )
    return {
        "evaluation": {"pk": open_challenge.pk, "idea_pk": idea.pk},
        "notification": {"pk": notice.pk},
        "call": {"pk": soon.pk},
        "hidden_idea": {"pk": idea.pk, "comment_pk": comment.pk},
        "comment_to_moderate": {"kind": "comment", "pk": comment.pk},
        "person": {"user_pk": citizen.pk},
    }


def other_organisations_objects(w):
    """Eskilstuna's private things, as the URL kwargs of each pattern want them."""
    milestone = Milestone.objects.create(
        project=w.eskilstuna_private, title="Upphandling", due_on="2026-06-01"
    )
    from datetime import date as _date

    from innocities.pipeline.actions import add_funding_line, decide_gate

    line = add_funding_line(
        project=w.eskilstuna_private,
        source="vinnova",
        state="applied",
        amount=100,
        currency="SEK",
        actor=w.eskilstuna_coordinator,
    )
    decision = decide_gate(
        project=w.eskilstuna_private,
        decision="hold",
        reasoning="Vänta",
        met=set(),
        scores={},
        decided_on=_date.today(),
        decision_makers=[w.eskilstuna_coordinator],
        actor=w.eskilstuna_coordinator,
    )
    actor = co.save_actor(
        organisation=w.eskilstuna,
        actor_user=w.eskilstuna_coordinator,
        name="Mälardalens universitet",
        sector="academia",
        country="SE",
        org_number="",
    )
    participation = co.save_participation(
        project=w.eskilstuna_private, actor=actor, user=w.eskilstuna_coordinator, role="expert", depth=3
    )
    activity = co.record_activity(
        project=w.eskilstuna_private,
        user=w.eskilstuna_coordinator,
        title="Workshop",
        kind="workshop",
        held_on="2026-02-01",
        phase=w.eskilstuna_private.phase,
    )
    attachment = co.attach_file(
        activity=activity,
        user=w.eskilstuna_coordinator,
        upload=SimpleUploadedFile("notes.txt", b"Anteckningar"),
    )
    phase = w.eskilstuna_programme.method.phases.get(order=1)
    criterion = phase.gate.criteria.first()
    from innocities.learning.actions import record_lesson

    lesson = record_lesson(
        project=w.eskilstuna_private,
        actor=w.eskilstuna_coordinator,
        what_worked="Hemligt lärande om upphandlingen",
        visibility="private",
    )
    return {
        "lesson": {"pk": lesson.pk},
        "project": {
            "pk": w.eskilstuna_private.pk,
            "milestone_pk": milestone.pk,
            "participation_pk": participation.pk,
            "user_pk": w.eskilstuna_coordinator.pk,
            "line_pk": line.pk,
            "decision_pk": decision.pk,
        },
        "actor": {"pk": actor.pk},
        "activity": {"pk": activity.pk},
        "attachment": {"pk": attachment.pk},
        "challenge": {"pk": w.eskilstuna_challenge.pk},
        "idea": {"pk": w.eskilstuna_idea.pk},
        **engagement_objects(w),
        **sustainability_objects(w),
        # a dashboard of Eskilstuna (an organisation in no network): its figures, drill-down and exports
        "dashboard": {"kind": "organisation", "slug": w.eskilstuna.slug, "key": "gates", "year": 2026},
        "programme": {
            "slug": w.eskilstuna_programme.slug,
            "phase_pk": phase.pk,
            "criterion_pk": criterion.pk,
        },
    }


# Which object each URL name carries; names without an object (lists, create forms) are listed as None.
OBJECT_OF = {
    r"^pipeline:(project|gate|milestone|funding|team|project_)": "project",
    r"^pipeline:challenge(?!s$|_create)": "challenge",
    r"^pipeline:idea(?!s$|_create)": "idea",
    r"^pipeline:board$": "programme",
    r"^coproduction:(participation_|activity_create)": "project",
    r"^coproduction:actor(?!s$|_create)": "actor",
    r"^coproduction:(activity$|activity_edit|attachment_add)": "activity",
    r"^coproduction:attachment$": "attachment",
    r"^programmes:(detail|edit|evaluation_add|method_adapt|phase_rename|criterion_)": "programme",
    r"^engagement:(call|submit)$": "call",
    r"^engagement:(idea|support|follow|comment|report|report_comment)$": "hidden_idea",
    r"^engagement:(publish|close)$": "challenge",
    r"^engagement:moderate$": "comment_to_moderate",
    r"^engagement:block$": "person",
    r"^sustainability:(project_assessments|start)$": "project",
    r"^sustainability:project_outcome$": "project_outcome",
    r"^sustainability:programme_portfolio$": "programme",
    r"^sustainability:organisation_portfolio$": "organisation",
    r"^sustainability:(assessment|relevance|goal_step|actions|action_remove|compare)$": "assessment",
    r"^sustainability:indicator(|_edit|_add)$": "indicator",
    r"^capability:(round|answer|close)$": "survey",
    r"^evaluation:(round|criteria|invite|score)$": "evaluation",
    r"^notifications:open$": "notification",
    r"^sustainability:board$": "assessment",
    r"^insight:(dashboard|drill|workbook|figure_csv|annual_report_(pdf|xlsx))$": "dashboard",
    r"^insight:(evidence|evidence_projects|research|research_csv)$": "dashboard",
    r"^insight:meeting_pack(_pdf)?$": "programme",
    r"^insight:one_pager$": "project",
    r"^insight:board_pdf$": "assessment",
    r"^catalogue:(project|reuse)$": "project",
    r"^learning:lesson(|_edit)$": "lesson",
    r"^learning:lesson_create$": "project",
    r"^catalogue:challenge$": "challenge",
}
NO_PRIVATE_OBJECT = {
    "pipeline:my_work",
    "pipeline:challenges",
    "pipeline:challenge_create",
    "pipeline:ideas",
    "pipeline:idea_create",
    "pipeline:projects",
    "pipeline:project_create",
    "programmes:list",
    "programmes:create",
    "programmes:methods",
    "programmes:method",
    # Organisations and networks are public facts; their pages are checked for leaks below.
    "organisations:list",
    "organisations:create",
    "organisations:detail",
    "organisations:member_add",
    # An organisation's memberships are reached only through its own slug (tested below).
    "organisations:member_role",
    "organisations:member_remove",
    "organisations:data_protection",
    "organisations:goal_add",
    # The single sign-on connection: its administrators and platform staff only, everyone else 403
    # (checked below and in tests/test_sso.py). "Sign in with your organisation" takes no object.
    "organisations:sign_on",
    "organisations:sign_in",
    "organisations:network",
    "engagement:calls",
    "engagement:my_ideas",
    "engagement:moderation",
    # The SDG catalogue is public; goal pages list only visible projects (checked below).
    "sustainability:goals",
    "sustainability:goal",
    # The indicator library and capability pages show only the person's own organisations' data.
    "sustainability:indicators",
    "sustainability:indicator_create",
    "sustainability:import",
    "sustainability:export",
    "capability:overview",
    # Networks are public facts; only their operators may change the grouping (checked in the tests).
    "sustainability:dimension_map",
    "capability:start",
    # The actor register lists only the person's own organisations' actors (checked below).
    "coproduction:actors",
    "coproduction:actor_create",
    # A person's own notifications and settings.
    "notifications:list",
    "notifications:mark_all_read",
    "notifications:preferences",
    # The dashboards the person may open: their own organisations, programmes and networks.
    "insight:index",
    # The public catalogue and search: public work only, or what the reader may see (checked below,
    # signed in and not).
    "catalogue:search",
    "catalogue:index",
    "catalogue:challenges",
    "catalogue:organisations",
    "catalogue:organisation",
    "catalogue:feed",
    "learning:lessons",
    "catalogue:similar",
    # Open data: public work only, in every file (checked below, signed in and not).
    "catalogue:open_data",
    "catalogue:dcat",
    "catalogue:dataset",
}


def kind_of(name):
    for pattern, kind in OBJECT_OF.items():
        if re.search(pattern, name) and name not in NO_PRIVATE_OBJECT:
            return kind
    return None


def test_every_url_pattern_is_classified():
    unclassified = [name for name, _ in patterns() if kind_of(name) is None and name not in NO_PRIVATE_OBJECT]
    assert unclassified == []


def _citizen(w):
    from allauth.account.models import EmailAddress

    from innocities.accounts.models import User

    person = User.objects.create_user(email="kari@example.com", password="x" * 12, full_name="Kari Citizen")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    return person


def _expert(w):
    """An outside expert evaluating Halden's ideas: sees that round only."""
    from innocities.evaluation.actions import add_default_criteria, invite_evaluator

    add_default_criteria(challenge=w.challenge, actor=w.coordinator)
    return invite_evaluator(
        challenge=w.challenge, actor=w.coordinator, email="expert@hiof.example", full_name="Eva Ekspert"
    ).user


# Everyone who is not Eskilstuna: another organisation's coordinator, a network peer, an invited
# partner, a network operator, a citizen and an outside expert.
PERSONAS = {
    "coordinator of another organisation": lambda w: w.coordinator,
    "network peer": lambda w: w.sarpsborg_member,
    "partner": lambda w: w.partner,
    "network operator": lambda w: w.operator,
    "citizen": _citizen,
    "outside expert": _expert,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_other_organisations_private_objects_answer_404_on_every_url(world, login, persona):
    objects = other_organisations_objects(world)
    client = login(PERSONAS[persona](world))
    checked = 0
    for name, pattern in patterns():
        kind = kind_of(name)
        if kind is None:
            continue
        kwargs = {key: value for key, value in objects[kind].items() if key in pattern.pattern.converters}
        url = reverse(name, kwargs=kwargs)
        response = client.post(url)
        assert response.status_code == 404, f"{persona}: POST {name} answered {response.status_code}"
        response = client.get(url)
        # A POST-only view refuses GET before it looks anything up (405 says nothing about the object).
        allowed = {404, 405} if response.get("Allow") == "POST" else {404}
        assert response.status_code in allowed, f"{persona}: GET {name} answered {response.status_code}"
        checked += 1
    assert checked >= 20


def test_the_method_copy_of_another_programme_is_404(world, login):
    from innocities.programmes.actions import adapt_method

    copy = adapt_method(programme=world.eskilstuna_programme, actor=world.eskilstuna_coordinator)
    assert login(world.coordinator).get(reverse("programmes:method", args=[copy.pk])).status_code == 404
    assert (
        login(world.eskilstuna_coordinator).get(reverse("programmes:method", args=[copy.pk])).status_code
        == 200
    )


# What anyone may open without signing in; each shows public work only.
PUBLIC_PAGES = [
    "/catalogue/",
    "/catalogue/?organisation=eskilstuna",
    "/catalogue/?country=SE&status=active",
    "/catalogue/challenges/",
    "/catalogue/organisations/",
    "/catalogue/organisations/eskilstuna/",
    "/catalogue/feed/",
    "/catalogue/feed/?country=SE",
    "/sitemap.xml",
    "/sitemap-projects.xml",
    "/sitemap-challenges.xml",
    "/search/?q=hemtjänst",
    "/search/?q=digital",
    "/search/?q=shore+power",
    "/search/?q=ensamhet",
    "/search/?q=fikastunder",
    "/search/?q=Mälardalens",
    "/search/?q=sarpsborg&kind=project",
    "/search/?q=upphandlingen",
    "/search/?q=upphandlingen&kind=lesson",
    "/lessons/",
    "/lessons/?occasion=gate",
    "/open-data/",
    "/open-data/catalog.jsonld",
    *[
        f"/open-data/{key}.{fmt}"
        for key in ("projects", "implemented-solutions", "challenges", "lessons", "indicators")
        for fmt in ("csv", "json")
    ],
]

SECRETS = [
    "Digital hemtjänst",
    "Hemligt lärande",
    "Ensamhet bland äldre",
    "Digitala fikastunder",
    "Sarpsborg private",
    "Mälardalens universitet",
]


@pytest.mark.parametrize(
    "url",
    [
        "/my-work/",
        "/projects/",
        "/projects/?scope=all",
        "/challenges/?scope=all",
        "/ideas/?scope=all",
        "/programmes/",
        "/sdg/6/",
        "/sdg/13/",
        "/actors/",
        "/actors/?q=M",
        "/programmes/halden/board/",
        "/organisations/",
        "/organisations/eskilstuna/",
        "/organisations/sarpsborg/",
        "/organisations/networks/ostfold-cluster/",
        "/projects/?scope=all&q=a",
        "/dashboards/",
        "/dashboards/programme/halden/",
        "/dashboards/organisation/halden/",
        "/dashboards/network/ostfold-cluster/",
        "/dashboards/network/ostfold-cluster/projects/?figure=phases_now&ref=phase:need",
        "/dashboards/network/ostfold-cluster/projects/?figure=helix&ref=sector:academia",
        "/dashboards/network/ostfold-cluster/projects/?figure=money&ref=money:vinnova",
        "/dashboards/network/ostfold-cluster/figures/realised.csv",
        "/dashboards/network/ostfold-cluster/evidence/",
        *PUBLIC_PAGES,
        "/similar/?title=Digital+hemtjänst&summary=Shore+power+for+ships",
        "/similar/?title=Ensamhet+bland+äldre&organisation=halden",
    ],
)
def test_list_pages_never_show_another_organisations_private_work(world, login, url):
    other_organisations_objects(world)
    opendata.generate()
    response = login(world.coordinator).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    for secret in SECRETS:
        assert secret not in page


def test_public_and_network_work_of_others_is_visible(world, login):
    client = login(world.coordinator)
    assert client.get(reverse("pipeline:project", args=[world.eskilstuna_public.pk])).status_code == 200
    assert client.get(reverse("pipeline:project", args=[world.sarpsborg_network.pk])).status_code == 200
    page = client.get("/projects/?scope=all").content.decode()
    assert "Smarta vattenmätare" in page and "Sarpsborg shared" in page


def test_network_work_is_hidden_outside_the_network(world, login):
    client = login(world.eskilstuna_coordinator)
    assert client.get(reverse("pipeline:project", args=[world.network_project.pk])).status_code == 404
    assert client.get(reverse("pipeline:project", args=[world.public.pk])).status_code == 200


def test_organisation_admin_pages_of_another_organisation_refuse(world, login):
    client = login(world.admin)
    response = client.post(
        reverse("organisations:member_add", args=["eskilstuna"]),
        {"full_name": "X", "email": "x@example.com", "role": "admin"},
    )
    assert response.status_code == 403
    assert not world.eskilstuna.memberships.filter(user__email="x@example.com").exists()
    page = client.get(reverse("organisations:detail", args=["eskilstuna"])).content.decode()
    assert "coordinator@eskilstuna.example" not in page


def test_another_organisations_single_sign_on_is_refused_and_never_shown(world, login):
    from innocities.organisations.actions import save_sign_on
    from innocities.organisations.models import SignOn

    save_sign_on(
        organisation=world.eskilstuna,
        actor=None,
        protocol="oidc",
        display_name="Logga in med Eskilstuna",
        domains=["eskilstuna.example"],
        server_url="https://idp.eskilstuna.example",
        client_id="eskilstuna-client-id",
        client_secret="eskilstuna-secret",
    )
    url = reverse("organisations:sign_on", args=["eskilstuna"])
    for person in (world.admin, world.eskilstuna_coordinator, world.operator, world.partner):
        client = login(person)
        for response in (
            client.get(url),
            client.post(url, {"part": "rules", "require_mfa": "on"}),
            client.post(url, {"part": "connection", "protocol": "oidc", "domains": "halden.example"}),
        ):
            assert response.status_code in {403, 404}, person
            assert "eskilstuna-client-id" not in response.content.decode()
    world.eskilstuna.refresh_from_db()
    assert not world.eskilstuna.require_mfa
    assert SignOn.objects.get().social_app.client_id == "eskilstuna-client-id"


def test_a_challenge_list_counts_only_the_ideas_the_reader_may_see(world, login):
    from innocities.pipeline import actions

    shared = actions.create_challenge(
        organisation=world.halden,
        programme=world.programme,
        actor=world.coordinator,
        title="Delt utfordring",
        description="d",
        visibility="network",
    )
    for visibility in ("network", "private", "private"):
        actions.submit_idea(
            organisation=world.halden,
            actor=world.member,
            challenge=shared,
            title=f"Idé {visibility}",
            description="d",
            visibility=visibility,
        )

    def count_for(user):
        page = login(user).get("/challenges/?scope=all").content.decode()
        row = page[page.index("Delt utfordring") :]
        return row[: row.index("</tr>")]

    assert "<td>1</td>" in count_for(world.sarpsborg_member)
    assert "<td>3</td>" in count_for(world.coordinator)


def test_a_visitor_not_signed_in_sees_no_private_or_network_work(world, client):
    objects = other_organisations_objects(world)
    opendata.generate()
    for name, pattern in patterns():
        if not name.startswith("catalogue:") or kind_of(name) is None:
            continue
        kwargs = {
            key: value for key, value in objects[kind_of(name)].items() if key in pattern.pattern.converters
        }
        response = client.get(reverse(name, kwargs=kwargs))
        # a page for signed-in people sends every visitor to the sign-in alike, before any lookup
        signing_in = response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert response.status_code == 404 or signing_in, name
    for hidden in (world.network_project, world.sarpsborg_network, world.private):
        assert client.get(reverse("catalogue:project", args=[hidden.pk])).status_code == 404
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        for secret in [*SECRETS, "Delte elsykler", "Sarpsborg shared", "Smarte vannmålere"]:
            assert secret not in page, f"{url} shows {secret}"


# --- the API: every operation with an object in its address answers 404 for another organisation's
# private object, to every persona and to a visitor; lists never name it.
API_OBJECT_OF = {
    "challenge": ("challenges/{}", "challenge"),
    "idea": ("ideas/{}", "idea"),
    "project": ("projects/{}", "project"),
    "report_progress": ("projects/{}/progress", "project"),
    "lesson": ("lessons/{}", "lesson"),
    "measurements": ("indicators/{}/measurements", "indicator"),
    "record_measurement": ("indicators/{}/measurements", "indicator"),
    "call": ("calls/{}", "call"),
    "programme": ("programmes/{}", "programme"),
}
API_WITHOUT_PRIVATE_OBJECT = {
    "openapi-json", "api-root", "organisations", "organisation", "programmes", "challenges", "ideas",
    "submit_idea", "projects", "calls", "lessons", "indicators",
}  # fmt: skip
ESKILSTUNA_SECRETS = [
    "Digital hemtjänst",
    "Ensamhet bland äldre",
    "Digitala fikastunder",
    "Mälardalens universitet",
    "Hemligt lärande",
]
API_LISTS = [
    "organisations",
    "programmes",
    "challenges",
    "ideas",
    "projects",
    "calls",
    "lessons",
    "indicators",
]


def api_names():
    return {entry.name for namespace, entry in all_patterns() if namespace == "api"}


def test_every_api_operation_is_classified():
    assert api_names() - set(API_OBJECT_OF) - API_WITHOUT_PRIVATE_OBJECT == set()


def _api_objects(w, objects):
    return {
        "challenge": w.eskilstuna_challenge.pk,
        "idea": w.eskilstuna_idea.pk,
        "project": w.eskilstuna_private.pk,
        "lesson": objects["lesson"]["pk"],
        "indicator": objects["indicator"]["pk"],
        "call": objects["call"]["pk"],  # Eskilstuna's call, not open yet
        # a programme with no public work (one that holds public work is shown beside it, to anyone)
        "programme": programme(w.eskilstuna, w.eskilstuna_programme.method, "eskilstuna-internal").slug,
    }


@pytest.mark.parametrize("persona", [*PERSONAS, "visitor"])
def test_the_api_answers_404_for_other_organisations_private_objects_and_lists_never_name_them(
    world, login, client, persona
):
    objects = other_organisations_objects(world)
    ids = _api_objects(world, objects)
    api = client if persona == "visitor" else login(PERSONAS[persona](world))
    for name, (path, kind) in API_OBJECT_OF.items():
        url = f"/api/v1/{path.format(ids[kind])}"
        body = {"report_progress": {"text": "x"}, "record_measurement": {"year": 2025, "value": "1"}}.get(
            name
        )
        writes = body is not None
        response = api.post(url, body, content_type="application/json") if writes else api.get(url)
        # a write by a visitor is refused before any lookup (401 says nothing about the object)
        allowed = {404, 401} if persona == "visitor" and writes else {404}
        assert response.status_code in allowed, f"{persona}: {name} answered {response.status_code}"
    for name in API_LISTS:
        page = api.get(f"/api/v1/{name}", {"limit": 200}).content.decode()
        for secret in ESKILSTUNA_SECRETS:
            assert secret not in page, f"{persona}: /api/v1/{name} names {secret}"
