"""The REST API: its OpenAPI document, tokens made on the account page, what each caller may read and
write, problem details, ETags, cursors and rate limits — and Schemathesis over every operation."""

import json
import re
from datetime import date, timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from innocities.accounts import tokens
from innocities.accounts.models import ApiToken
from innocities.api import auth
from innocities.pipeline.models import Idea, ProgressUpdate
from innocities.sustainability.actions import save_indicator
from tests.conftest import programme

pytestmark = pytest.mark.django_db


def _token(user, scope="read", days=30):
    _token_row, secret = tokens.create_token(
        user=user, name="script", scope=scope, expires_on=date.today() + timedelta(days=days)
    )
    return secret


def _bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _ids(response):
    return {item["id"] for item in response.json()["items"]}


def test_the_openapi_document_is_valid_3_1_and_the_docs_page_serves_swagger_from_this_site(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)
    docs = client.get("/api/v1/docs").content.decode()  # the reference, rendered on the server
    assert "<code>/api/v1/projects/{project_id}/progress</code>" in docs and "IdeaIn" not in docs
    assert "<code>organisation</code>" in docs  # the fields of a body are listed
    explorer = client.get("/api/v1/docs/try").content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle" in explorer and "/api/v1/openapi.json" in explorer
    assert "https://" not in "".join(re.findall(r'(?:src|href)="([^"]+)"', docs + explorer))  # no CDN


def test_a_token_made_on_the_account_page_reads_the_callers_visible_projects(world, login):
    page = login(world.coordinator)
    response = page.post("/me/tokens/", {"name": "Rapport", "scope": "read", "expires_on": "2099-01-01"})
    assert response.status_code == 400  # longer than a year
    expires = (date.today() + timedelta(days=30)).isoformat()
    response = page.post("/me/tokens/", {"name": "Rapport", "scope": "read", "expires_on": expires})
    secret = re.search(r"(ict_[A-Za-z0-9_-]+)", response.content.decode()).group(1)
    token = ApiToken.objects.get(user=world.coordinator)
    assert token.digest != secret and secret not in token.digest  # only a digest is kept
    api = Client()
    mine = _ids(api.get("/api/v1/projects", **_bearer(secret)))
    assert {world.private.pk, world.public.pk, world.network_project.pk, world.eskilstuna_public.pk} <= mine
    assert world.eskilstuna_private.pk not in mine and world.sarpsborg_private.pk not in mine
    assert "Never" not in page.get("/me/tokens/").content.decode()  # its last use is shown
    page.post(f"/me/tokens/{token.pk}/revoke/")
    refused = api.get("/api/v1/projects", **_bearer(secret))
    assert refused.status_code == 401 and refused["Content-Type"] == "application/problem+json"


def test_a_visitor_reads_public_data_only(world):
    api = Client()
    assert _ids(api.get("/api/v1/projects", {"limit": 200})) == {world.public.pk, world.eskilstuna_public.pk}
    for hidden in (world.private, world.network_project, world.eskilstuna_private):
        response = api.get(f"/api/v1/projects/{hidden.pk}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404
    assert api.get("/api/v1/indicators").json()["items"] == []
    assert api.post("/api/v1/ideas", {}, content_type="application/json").status_code == 401


def test_expired_and_unknown_tokens_are_refused_and_a_read_token_cannot_write(world):
    secret = _token(world.coordinator)
    ApiToken.objects.update(expires_on=date.today() - timedelta(days=1))
    assert Client().get("/api/v1/projects", **_bearer(secret)).status_code == 401
    assert Client().get("/api/v1/projects", **_bearer("ict_nonsense")).status_code == 401
    reader = _token(world.coordinator)
    body = {
        "organisation": "halden",
        "programme": world.programme.slug,
        "title": "Via API",
        "description": "d",
    }
    response = Client().post("/api/v1/ideas", body, content_type="application/json", **_bearer(reader))
    assert response.status_code == 403 and not Idea.objects.filter(title="Via API").exists()


def test_writes_call_the_pages_actions_under_the_pages_permissions(world):
    writer = _token(world.coordinator, scope="write")
    api = Client()
    body = {"organisation": "halden", "challenge": world.challenge.pk, "title": "Via API", "description": "d"}
    response = api.post("/api/v1/ideas", body, content_type="application/json", **_bearer(writer))
    assert response.status_code == 201, response.content
    idea = Idea.objects.get(title="Via API")
    assert idea.programme == world.challenge.programme and idea.submitted_by == world.coordinator
    progress = api.post(
        f"/api/v1/projects/{world.private.pk}/progress",
        {"text": "Piloten er i gang."},
        content_type="application/json",
        **_bearer(writer),
    )
    assert progress.status_code == 201 and ProgressUpdate.objects.filter(text="Piloten er i gang.").exists()
    indicator = save_indicator(
        organisation=world.halden, actor=world.coordinator, kind="kolada", code="N00945", name="Andel",
        unit="%", direction="higher", dimension="social",
    )  # fmt: skip
    recorded = api.post(
        f"/api/v1/indicators/{indicator.pk}/measurements",
        {"year": 2025, "value": "41.5"},
        content_type="application/json",
        **_bearer(writer),
    )
    assert recorded.status_code == 201
    assert api.get(f"/api/v1/indicators/{indicator.pk}/measurements", **_bearer(writer)).json()["items"][0][
        "value"
    ] in ("41.5", "41.5000", 41.5)
    # another organisation's project and challenge: 404, as on the pages
    elsewhere = api.post(
        f"/api/v1/projects/{world.eskilstuna_private.pk}/progress",
        {"text": "x"},
        content_type="application/json",
        **_bearer(writer),
    )
    assert elsewhere.status_code == 404
    refused = api.post(
        "/api/v1/ideas",
        {
            "organisation": "eskilstuna",
            "programme": world.eskilstuna_programme.slug,
            "title": "x",
            "description": "d",
        },
        content_type="application/json",
        **_bearer(writer),
    )
    assert refused.status_code == 403


def test_a_session_writes_only_with_its_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.lead)
    url = f"/api/v1/projects/{world.private.pk}/progress"
    assert client.post(url, {"text": "x"}, content_type="application/json").status_code == 403
    client.get("/me/tokens/")  # a page sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = client.post(url, {"text": "Med økt"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201


def test_etags_answer_304_when_nothing_changed(world):
    api = Client()
    first = api.get(f"/api/v1/projects/{world.public.pk}")
    assert first.status_code == 200 and first["ETag"]
    assert api.get(f"/api/v1/projects/{world.public.pk}", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_cursor_pages_cover_every_row_once(world):
    for n in range(5):
        world.make_project(title=f"Offentlig {n}", visibility="public")
    api, seen, url = Client(), [], "/api/v1/projects?limit=2"
    while url:
        page = api.get(url).json()
        seen += [item["id"] for item in page["items"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 7
    assert api.get("/api/v1/projects", {"cursor": "!!"}).status_code == 400
    assert api.get("/api/v1/projects", {"limit": 0}).status_code == 422
    assert api.get("/api/v1/projects", {"country": "XX"}).status_code == 422


def test_rate_limits_per_caller_answer_429_with_retry_after(world, monkeypatch):
    monkeypatch.setitem(auth.LIMITS, "visitor", 3)
    api = Client()
    statuses = [api.get("/api/v1/organisations").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3] == 429
    limited = api.get("/api/v1/organisations")
    assert limited["Retry-After"] == "60" and limited["Content-Type"] == "application/problem+json"
    # a token has its own allowance
    assert Client().get("/api/v1/organisations", **_bearer(_token(world.coordinator))).status_code == 200


def test_the_programme_carries_its_method_as_data(world, login):
    secret = _token(world.coordinator)
    response = Client().get(f"/api/v1/programmes/{world.programme.slug}", **_bearer(secret))
    method = response.json()["method"]
    assert [p["key"] for p in method["phases"]][:2] == ["need", "idea"]
    assert method["phases"][0]["gate"]["criteria"]
    internal = programme(world.eskilstuna, world.eskilstuna_programme.method, "eskilstuna-internal")
    assert Client().get(f"/api/v1/programmes/{internal.slug}", **_bearer(secret)).status_code == 404
    # a programme that holds public work is listed by name to anyone; its details stay with its people
    assert Client().get(f"/api/v1/programmes/{world.eskilstuna_programme.slug}").status_code == 404
    listed = {p["slug"]: p for p in Client().get("/api/v1/programmes").json()["items"]}
    assert listed[world.eskilstuna_programme.slug]["starts_on"] is None


def test_problem_details_name_the_invalid_fields(world):
    writer = _token(world.coordinator, scope="write")
    response = Client().post(
        "/api/v1/ideas", {"organisation": "halden"}, content_type="application/json", **_bearer(writer)
    )
    assert response.status_code == 422
    problem = json.loads(response.content)
    assert problem["status"] == 422 and "title" in problem["errors"]


# --- Schemathesis: generated requests against every operation, as a visitor and with a write token ---
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Schemathesis calls the WSGI application as a server would; as Django's test client does, keep
    the end of each request from closing the test's database connection (and its transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_schemathesis_finds_no_server_error_and_every_answer_matches_the_schema(
    world, monkeypatch, wsgi_keeps_the_test_connection
):
    monkeypatch.setitem(auth.LIMITS, "visitor", 1_000_000)
    monkeypatch.setitem(auth.LIMITS, "token", 1_000_000)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    writer = {"Authorization": f"Bearer {_token(world.coordinator, scope='write')}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 19

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def call(case):
            case.call_and_validate(checks=CHECKS)  # with whatever credentials were generated
            if case.headers:
                case.headers.pop("Authorization", None)
            case.call_and_validate(checks=CHECKS)  # as a visitor
            case.call_and_validate(headers=writer, checks=CHECKS)  # with a token that may write

        call()
