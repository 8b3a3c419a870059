"""Hostile input never becomes a server error: every page of the apps, as each role, with its own
objects so the forms are reachable; every form submitted with hostile values per field, and every page
asked with hostile query parameters. Seeded, so a failure repeats; bounded to a few thousand requests."""

import random
import sys
import traceback
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import NoReverseMatch, reverse

from innocities.accounts.models import Membership, Role, User
from innocities.coproduction.models import Actor
from innocities.organisations.actions import create_network
from innocities.pipeline.actions import set_team_member
from innocities.pipeline.models import TeamRole
from tests.test_isolation import APPS, all_patterns, kind_of, other_organisations_objects

HOSTILE = [
    "\x00",
    "a\x00b",
    "\x01\x0b",
    "x" * 100_000,
    "-1",
    "1e309",
    "NaN",
    "-inf",
    "99999999999999999999",
    "0.0049999",
    "99999999999.995",
    "999999999999.99999",
    "<script>alert(1)</script>",
    "%00",
    "\u202egnp.exe",
    "../../etc/passwd",
    "🚀🇸🇪",
    "2026-02-30",
    "99999-01-01",
    "",
    " ",
]
QUERY_PARAMETERS = (
    "next",
    "page",
    "organisation",
    "q",
    "scope",
    "status",
    "programme",
    "challenge",
    # the dashboards: the period, the numbers behind a figure, the evidence's groups, the meeting pack
    "period",
    "start",
    "end",
    "figure",
    "ref",
    "factor",
    "group",
    "meeting",
    "since",
)
# Hostile files for every file field: the importer's and the uploads' awkward cases.
FILES = [
    ("m.csv", "indicator;year;value\r\nN00945;2024;1,5\r\n".encode("utf-16")),
    ("m.csv", b"indicator,year,value\rN00945,2024,1.5\r"),
    ("m.csv", b"indicator,year,value\n" + b"x" * 200_000 + b",2024,1\n"),
    ("m.csv", b"indicator,year,value\nN00945,2024,1\x00\n"),
    ("m.csv", b"indicator,year,value,source\nN00945,99999,1e309,\x01\x0b\n"),
    ("../../etc/passwd", b"\x00\x01\x02"),
]
# Links that would end the persona's session or delete them: not fuzzed (their own tests cover them).
SKIPPED_ACTIONS = ("/logout/", "/mfa/", "/me/data/close", "/accounts/", "/setlang/")
SEED = 20260302


class Forms(HTMLParser):
    """Every <form> on a page: its action, method and fields with their default values and choices."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower()}
            self._form.update(fields={}, choices={}, buttons=[], files=[], multi=set())
            self.forms.append(self._form)
        if self._form is None or not a.get("name"):
            return
        form, name = self._form, a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "file":
                form["files"].append(name)
            elif kind in {"submit", "image"}:
                form["buttons"].append((name, a.get("value") or ""))
            elif kind in {"checkbox", "radio"}:
                form["choices"].setdefault(name, []).append(a.get("value") or "on")
                if kind == "checkbox":
                    form["multi"].add(name)
                if "checked" in a:
                    form["fields"][name] = a.get("value") or "on"
                else:
                    form["fields"].setdefault(name, "")
            else:
                form["fields"][name] = a.get("value") or _plausible(kind, name)
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            form["buttons"].append((name, a.get("value") or ""))
        elif tag == "textarea":
            self._textarea = name
            form["fields"][name] = ""
        elif tag == "select":
            self._select = name
            form["fields"].setdefault(name, "")
            form["choices"][name] = []
            if "multiple" in a:
                form["multi"].add(name)
        elif tag == "option" and self._select:
            form["choices"][self._select].append(a.get("value", ""))
            if "selected" in a or not form["fields"][self._select]:
                form["fields"][self._select] = a.get("value", "")

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _plausible(kind, name):
    """A value a careful person would type, so the one hostile field is what the server sees."""
    if kind == "hidden":
        return ""
    if kind == "number" or name in {"year", "amount", "trl", "score", "value"}:
        return "3"
    if kind == "date" or name.endswith("_on"):
        return "2026-03-01"
    if kind == "email" or "email" in name:
        return "fuzz@example.com"
    return "Fuzz"


def world_of_own_objects(w):
    """Eskilstuna's objects, and a person in each role who may reach them."""
    objects = other_organisations_objects(w)
    member = User.objects.create_user(email="member@eskilstuna.example", password="x" * 12, full_name="M")
    Membership.objects.create(user=member, organisation=w.eskilstuna, role=Role.MEMBER)
    partner = User.objects.create_user(email="partner@eskilstuna.example", password="x" * 12, full_name="P")
    Membership.objects.create(user=partner, organisation=w.eskilstuna, role=Role.PARTNER)
    set_team_member(
        project=w.eskilstuna_private, user=partner, role=TeamRole.PARTNER, actor=w.eskilstuna_coordinator
    )
    network = create_network(
        name="Mälardalen", description="", operators=[w.operator], members=[w.eskilstuna], actor=None
    )
    from innocities.evaluation.actions import invite_evaluator
    from innocities.pipeline.models import Challenge

    expert = invite_evaluator(
        challenge=Challenge.objects.get(pk=objects["evaluation"]["pk"]),
        actor=w.eskilstuna_coordinator,
        email="expert@mdu.example",
        full_name="Eva Expert",
    ).user
    personas = {
        "coordinator": w.eskilstuna_coordinator,
        "member": member,
        "partner": partner,
        "citizen": User.objects.get(email="anna@example.com"),
        "outside expert": expert,
        "operator": w.operator,
        "anonymous": None,
    }
    membership = w.eskilstuna.memberships.get(user=member)
    extra = {
        "slug": w.eskilstuna.slug,
        "pk": membership.pk,
        "number": 6,
        "fmt": "csv",
    }
    by_name = {
        "organisations:network": {"slug": network.slug},
        "sustainability:dimension_map": {"slug": network.slug},
        "programmes:method": {"pk": w.eskilstuna_programme.method_id},
        "catalogue:dataset": {"key": "projects", "fmt": "csv"},
    }
    urls = []
    for namespace, pattern in all_patterns():
        if namespace not in APPS:
            continue
        name = f"{namespace}:{pattern.name}"
        kind = kind_of(name)
        wanted = {**extra, **(objects[kind] if kind else {}), **by_name.get(name, {})}
        kwargs = {key: value for key, value in wanted.items() if key in pattern.pattern.converters}
        try:
            urls.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:  # pragma: no cover - a new converter: the test must learn it
            pytest.fail(f"the fuzz walk cannot build {name}")
    urls += [
        "/",
        reverse("privacy"),
        reverse("accessibility"),
        reverse("account_data"),
        reverse("account_tokens"),
    ]
    urls += [reverse("account_login"), reverse("account_signup"), reverse("account_reset_password")]
    urls.append(reverse("sustainability:export", kwargs={"fmt": "xlsx"}))
    return personas, urls


class Fuzzer:
    def __init__(self, client, label, rounds):
        self.client, self.label, self.rounds = client, label, rounds
        self.random = random.Random(f"{SEED}:{label}")
        self.seen, self.failures, self.requests, self.raised = set(), [], 0, None
        got_request_exception.connect(self.remember, weak=False)

    def remember(self, sender, request=None, **kwargs):
        kind, error, trace = sys.exc_info()
        frames = traceback.extract_tb(trace)
        ours = [frame for frame in frames if "/innocities/" in frame.filename] or frames
        where = ours[-1]
        self.raised = f"{kind.__name__}: {str(error)[:120]} at {where.filename}:{where.lineno}"

    def check(self, response, method, url, data=None):
        self.requests += 1
        if response.status_code >= 500:
            shown = {k: (v[:30] if isinstance(v, str) else v) for k, v in (data or {}).items()}
            self.failures.append(
                f"{self.label}: {method} {url[:100]} → {response.status_code} ({self.raised}) {shown!s:.300}"
            )
        self.raised = None

    def get(self, url, params=None):
        full = f"{url}?{urlencode(params, doseq=True)}" if params else url
        response = self.client.get(full)
        self.check(response, "GET", full)
        return response

    def post(self, url, data):
        response = self.client.post(url, data)
        self.check(response, "POST", url, data)

    def hostile(self):
        return self.random.choice(HOSTILE)

    def page(self, url):
        response = self.get(url)
        # Every parameter hostile at once; on pages the persona may open, each one alone as well.
        self.get(url, {parameter: self.hostile() for parameter in QUERY_PARAMETERS})
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            return
        for parameter in QUERY_PARAMETERS:
            self.get(url, {parameter: self.hostile()})
        parser = Forms()
        parser.feed(response.content.decode())
        for form in parser.forms:
            self.form(url, form)

    def form(self, page, form):
        action = urlsplit(form["action"]).path or page
        if any(part in action for part in SKIPPED_ACTIONS):
            return
        key = (action, form["method"], tuple(sorted(form["fields"])))
        if key in self.seen:
            return
        self.seen.add(key)
        names = sorted(set(form["fields"]) - {"csrfmiddlewaretoken"})
        if form["method"] == "get":
            for name in names:
                self.get(action, {**form["fields"], name: self.hostile()})
            return
        # Every field hostile at once, then each field alone (the others plausible), so the hostile
        # value reaches the action and not only the form's first refusal.
        self.post(action, self.data(form, {name: self.hostile() for name in names}))
        for _round in range(self.rounds):
            for name in names:
                self.post(action, self.data(form, {name: self.hostile()}))
        for name in form["multi"] & set(names):
            self.post(action, self.data(form, {name: [self.hostile(), self.hostile()]}))

    def data(self, form, hostile):
        data = {**form["fields"], **hostile}
        if form["buttons"]:
            name, value = self.random.choice(form["buttons"])
            data.setdefault(name, value)
        for name in form["files"]:
            filename, content = self.random.choice(FILES)
            data[name] = SimpleUploadedFile(filename, content)
        return data


PERSONAS = ("coordinator", "member", "partner", "citizen", "outside expert", "operator", "anonymous")


@pytest.mark.fuzz
@pytest.mark.parametrize("persona", PERSONAS)
def test_hostile_input_never_becomes_a_server_error(world, persona):
    people, urls = world_of_own_objects(world)
    client = Client(raise_request_exception=False)
    if people[persona] is not None:
        client.force_login(people[persona])
    fuzzer = Fuzzer(client, persona, rounds=2 if persona == "coordinator" else 1)
    for url in urls:
        fuzzer.page(url)
    got_request_exception.disconnect(fuzzer.remember)
    assert not fuzzer.failures, "\n".join(fuzzer.failures)
    assert fuzzer.requests > 100


# What the walk found, one sentence each; every test here answered 500 before its fix.


def test_a_nul_byte_in_a_query_parameter_answers_400_with_the_reason(world, login):
    response = login(world.coordinator).get("/capability/?organisation=%00")
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_a_nul_byte_in_a_form_answers_400_and_saves_nothing(world, login):
    response = login(world.coordinator).post(
        reverse("coproduction:actor_create"), {"name": "Acme\x00", "sector": "business", "country": "NO"}
    )
    assert response.status_code == 400
    assert not Actor.objects.filter(organisation=world.halden).exists()


def test_control_characters_are_refused_beside_the_field(world, login):
    response = login(world.coordinator).post(
        reverse("coproduction:actor_create"), {"name": "Acme\x0b AS", "sector": "business", "country": "NO"}
    )
    assert response.status_code in {200, 400}
    assert "Remove the invisible control characters from this text." in response.content.decode()
    assert not Actor.objects.filter(organisation=world.halden).exists()


def test_tabs_and_line_breaks_stay_allowed_in_text(world, login):
    login(world.coordinator).post(
        reverse("coproduction:actor_create"),
        {"name": "Acme AS", "sector": "business", "country": "NO", "description": "Rad 1\r\n\tRad 2"},
    )
    assert Actor.objects.get(organisation=world.halden).description == "Rad 1\r\n\tRad 2"


def test_a_search_longer_than_any_name_still_shows_the_list(world, login):
    client = login(world.coordinator)
    for url in ("/projects/", "/challenges/", "/actors/", "/organisations/"):
        assert client.get(url, {"q": "x" * 100_000, "scope": "all"}).status_code == 200


def test_a_key_too_large_for_the_database_is_refused_by_the_form(world, login):
    response = login(world.coordinator).post(
        reverse("programmes:create"),
        {
            "name": "Ny",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "steering_group": ["99999999999999999999"],
        },
    )
    assert response.status_code in {200, 400}
    assert "is not a valid value" in response.content.decode()


def _moderated_comment(world):
    other_organisations_objects(world)
    from innocities.engagement.models import Comment

    return Comment.objects.get()


@pytest.mark.parametrize("back", ["home", "99999-01-01", "1e309", "https://evil.example/", "//evil.example/"])
def test_the_moderators_next_is_only_a_path_on_this_site(world, login, back):
    comment = _moderated_comment(world)
    response = login(world.eskilstuna_coordinator).post(
        reverse("engagement:moderate", args=["comment", comment.pk]),
        {"action": "hide", "reason": "X", "next": back},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("engagement:moderation")


def test_the_moderators_next_path_is_followed(world, login):
    comment = _moderated_comment(world)
    response = login(world.eskilstuna_coordinator).post(
        reverse("engagement:moderate", args=["comment", comment.pk]),
        {"action": "hide", "reason": "X", "next": "/moderation/?page=2"},
    )
    assert response["Location"] == "/moderation/?page=2"


def _round(world):
    from innocities.evaluation.actions import add_default_criteria, invite_evaluator

    add_default_criteria(challenge=world.challenge, actor=world.coordinator)
    invite_evaluator(challenge=world.challenge, actor=world.coordinator, user=world.coordinator)
    return world.challenge


@pytest.mark.parametrize("criterion", ["<script>", "1e309", "99999999999999999999", ""])
def test_removing_a_criterion_that_is_not_a_key_answers_404(world, login, criterion):
    challenge = _round(world)
    response = login(world.coordinator).post(
        reverse("evaluation:criteria", args=[challenge.pk]), {"action": "remove", "criterion": criterion}
    )
    assert response.status_code == 404
    assert challenge.evaluation_criteria.count() == 5


@pytest.mark.parametrize("value", [" ", "3.5", "NaN", "1e309", "99999999999999999999", "٣"])
def test_a_score_that_is_not_a_whole_number_from_1_to_5_is_refused_beside_it(world, login, value):
    challenge = _round(world)
    criteria = list(challenge.evaluation_criteria.all())
    data = {f"score_{c.pk}": "3" for c in criteria} | {f"score_{criteria[0].pk}": value}
    response = login(world.coordinator).post(
        reverse("evaluation:score", args=[challenge.pk, world.idea.pk]), data
    )
    assert response.status_code == 400
    assert "Score from 1 to 5." in response.content.decode()
