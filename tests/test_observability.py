"""What operators watch (innocities/core/observability.py, docs/operations.md): log lines with the request
id, expected refusals in one line, /metrics and who may read it, the 503 while the database is away,
error mail to ADMINS."""

import io
import json
import logging
import logging.config
import os
import socket
import subprocess
import sys
from datetime import timedelta
from unittest import mock

import psycopg
import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, SuspiciousOperation
from django.db import OperationalError, ProgrammingError
from django.db.utils import ConnectionHandler
from django.http import Http404, HttpResponse
from django.test import Client
from django.urls import include, path
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

import config.urls
from config.settings.base import logging_settings
from config.settings.env import env_addresses
from innocities.accounts.models import User
from innocities.core import observability
from innocities.core.observability import current_request_id, database_unavailable, request_id_bound

pytestmark = pytest.mark.django_db


# --- a few views that refuse or fail, for the one-line tests (this module is their URLconf) -------------
def forbidden(request):
    raise PermissionDenied


def missing(request):
    raise Http404("no such thing")


def suspicious(request):
    raise SuspiciousOperation("a header that cannot be")


def broken(request):
    raise RuntimeError("a bug in the view")


def whoami(request):
    return HttpResponse("signed in" if request.user.is_authenticated else "visitor")


urlpatterns = [
    path("t/forbidden", forbidden),
    path("t/missing", missing),
    path("t/suspicious", suspicious),
    path("t/broken", broken),
    path("t/whoami", whoami),
    path("", include("config.urls")),
]
handler500 = "innocities.core.observability.server_error"


@task()
def tidy_up():
    return None


# --- fixtures --------------------------------------------------------------------------------------
@pytest.fixture
def log_lines(settings):
    """The site's logging as production has it (LOG_FORMAT=json), written to a buffer; each line parsed."""

    def configure(mail_admins=False):
        config = logging_settings("json", mail_admins=mail_admins)
        config["handlers"]["console"]["stream"] = stream
        logging.config.dictConfig(config)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    stream = io.StringIO()
    configure()
    lines.configure = configure
    yield lines
    logging.config.dictConfig(settings.LOGGING)


@pytest.fixture(scope="module")
def refused(django_db_blocker):
    """The error Django raises when PostgreSQL cannot be reached: a port on this machine nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    away = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "127.0.0.1",
                "PORT": port,
                "NAME": "innocities_observability_away",
                "USER": "postgres",
                "OPTIONS": {"connect_timeout": 2},
            }
        }
    )["default"]
    with django_db_blocker.unblock(), pytest.raises(OperationalError) as caught:
        away.ensure_connection()
    return caught.value


def database_raises(error):
    return mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection", side_effect=error)


def scrape(client, **headers):
    response = client.get("/metrics", **headers)
    assert response.status_code == 200, response.status_code
    return {f.name: f for f in text_string_to_metric_families(response.content.decode())}


def sample(families, name, **labels):
    for family in families.values():
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s.value
    return None


# --- request ids and log lines ----------------------------------------------------------------------
def test_json_lines_carry_the_request_id_the_response_carries(client, log_lines):
    response = client.get("/catalogue/?q=anna@example.com")
    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32 and int(request_id, 16) >= 0  # a uuid4 in hex
    lines = log_lines()
    assert lines and all({"time", "level", "logger", "message", "request_id"} <= set(line) for line in lines)
    access = [line for line in lines if line["logger"] == "innocities.access"]
    assert len(access) == 1
    (line,) = access
    assert line["request_id"] == request_id and line["level"] == "INFO"
    assert line["method"] == "GET" and line["path"] == "/catalogue/" and line["status"] == 200
    assert line["view"] == "catalogue:index" and line["user_id"] is None
    assert isinstance(line["duration_ms"], float)
    assert line["time"].endswith("+00:00")
    assert "anna@example.com" not in json.dumps(lines)  # the query string is never written


@pytest.mark.urls("tests.test_observability")
def test_the_access_line_names_a_signed_in_person_by_id_never_by_email(client, log_lines):
    person = User.objects.create_user(email="ingrid@halden.example", password="x" * 12, full_name="Ingrid")
    client.force_login(person)
    assert client.get("/t/whoami").content == b"signed in"
    (line,) = [line for line in log_lines() if line["logger"] == "innocities.access"]
    assert line["user_id"] == person.pk
    assert person.email not in json.dumps(log_lines())


def test_an_incoming_request_id_is_honoured_and_a_hostile_one_replaced(client, log_lines):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-3f2a.9_B")
    assert response["X-Request-ID"] == "nginx-3f2a.9_B"
    for hostile in ("x" * 65, "a b", "id\r\nSet-Cookie: x=1", "<script>", "åäö", ""):
        response = client.get("/healthz", HTTP_X_REQUEST_ID=hostile)
        assert response["X-Request-ID"] != hostile and len(response["X-Request-ID"]) == 32
    assert current_request_id() is None  # forgotten once the response is closed


def test_request_id_bound_carries_an_id_into_other_work(log_lines):
    with request_id_bound("from-the-request") as bound:
        assert bound == current_request_id() == "from-the-request"
        logging.getLogger("innocities.tasks").warning("retrying")
        with request_id_bound("<hostile>") as fresh:
            assert len(fresh) == 32
        assert current_request_id() == "from-the-request"
    assert current_request_id() is None
    logging.getLogger("innocities.tasks").warning("between requests")
    first, second = log_lines()
    assert first["request_id"] == "from-the-request" and second["request_id"] == "-"


# --- expected refusals in one line, faults with their traceback -----------------------------------------
@pytest.mark.urls("tests.test_observability")
@pytest.mark.parametrize(
    "url, status, message",
    [
        ("/t/forbidden", 403, "Forbidden (Permission denied): /t/forbidden (PermissionDenied)"),
        ("/t/missing", 404, "Not Found: /t/missing"),
        ("/no/such/page/", 404, "Not Found: /no/such/page/"),
    ],
)
def test_a_403_and_a_404_are_one_line_without_a_traceback(log_lines, url, status, message):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == status
    (line,) = [line for line in log_lines() if line["logger"] == "django.request"]
    assert line["message"] == message and line["level"] == "WARNING" and line["status_code"] == status
    assert "exc_info" not in line and line["request_id"] == response["X-Request-ID"]


@pytest.mark.urls("tests.test_observability")
def test_a_suspicious_operation_is_one_warning_and_a_500_keeps_its_traceback(log_lines):
    client = Client(raise_request_exception=False)
    assert client.get("/t/suspicious").status_code == 400
    response = client.get("/t/broken")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert request_id in response.content.decode()  # "Reference for support" on the 500 page
    security, error = [line for line in log_lines() if line["logger"].startswith("django.")]
    assert security["logger"] == "django.security.SuspiciousOperation" and security["level"] == "WARNING"
    assert (
        security["message"] == "a header that cannot be (SuspiciousOperation)" and "exc_info" not in security
    )
    assert error["level"] == "ERROR" and error["message"] == "Internal Server Error: /t/broken"
    assert "Traceback" in error["exc_info"] and "a bug in the view" in error["exc_info"]
    assert error["request_id"] == request_id


@pytest.mark.urls("tests.test_observability")
def test_admins_are_mailed_a_500_but_not_a_403_or_a_lost_database(settings, log_lines, refused):
    settings.ADMINS = env_addresses_from("Drift <drift@kommune.example>")
    log_lines.configure(mail_admins=True)
    client = Client(raise_request_exception=False)
    client.get("/t/forbidden")
    with database_raises(refused):
        assert client.get("/catalogue/").status_code == 503
    assert mail.outbox == []
    client.get("/t/broken")
    (report,) = mail.outbox
    assert report.to == ["drift@kommune.example"] and "/t/broken" in report.subject
    assert report.subject.startswith("[InnoCities] ")


def env_addresses_from(value):
    with mock.patch.dict(os.environ, {"ADMINS": value}):
        return env_addresses("ADMINS")


def test_admins_are_read_from_the_environment():
    assert env_addresses_from("Drift <drift@kommune.example>, Other <c@d.example>") == [
        ("Drift", "drift@kommune.example"),
        ("Other", "c@d.example"),
    ]
    assert env_addresses_from('"Berg, Anna" <anna@kommune.example>') == [
        ("Berg, Anna", "anna@kommune.example")
    ]
    assert env_addresses_from("ops@kommune.example") == [("", "ops@kommune.example")]
    assert env_addresses_from("") == []
    with pytest.raises(ImproperlyConfigured):
        env_addresses_from("Drift <drift-at-kommune>")


def test_the_log_format_is_json_or_console():
    assert logging_settings("console")["handlers"]["console"]["formatter"] == "console"
    with pytest.raises(ImproperlyConfigured):
        logging_settings("xml")


# --- /metrics ---------------------------------------------------------------------------------------
def test_metrics_are_404_without_a_token_or_an_allowed_address(settings, client):
    settings.METRICS_ALLOWED_IPS = ["192.0.2.0/24"]
    assert client.get("/metrics").status_code == 404  # the test client's address is 127.0.0.1
    settings.METRICS_TOKEN = "a-long-random-token"
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer a-long-random-token").status_code == 200
    assert Client(REMOTE_ADDR="192.0.2.7").get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="::ffff:192.0.2.7").get("/metrics").status_code == 200
    # Through nginx on the same machine every request comes from 127.0.0.1: the address does not count.
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1/32", "::1/128"]
    assert client.get("/metrics").status_code == 200
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404
    assert client.get("/metrics", HTTP_X_FORWARDED_PROTO="https").status_code == 404


def test_metrics_show_the_latency_histogram_of_a_view(client):
    labels = {"view": "catalogue:index", "method": "GET", "status": "200"}
    before = sample(scrape(client), "innocities_http_request_duration_seconds_count", **labels) or 0
    assert client.get("/catalogue/").status_code == 200
    families = scrape(client)
    assert sample(families, "innocities_http_request_duration_seconds_count", **labels) == before + 1
    assert (
        sample(families, "innocities_http_request_duration_seconds_bucket", le="+Inf", **labels) == before + 1
    )
    assert families["innocities_http_request_duration_seconds"].type == "histogram"


def test_metrics_show_the_task_queue_and_failed_tasks(settings, client, django_assert_max_num_queries):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    now = timezone.now()
    waiting = tidy_up.enqueue()
    DBTaskResult.objects.filter(pk=waiting.id).update(enqueued_at=now - timedelta(seconds=120))
    # due 30 s ago though queued an hour ago: it has waited 30 s, not an hour
    due = tidy_up.using(run_after=now - timedelta(seconds=30)).enqueue()
    DBTaskResult.objects.filter(pk=due.id).update(enqueued_at=now - timedelta(hours=1))
    tidy_up.using(run_after=now + timedelta(hours=1)).enqueue()  # not due yet: not waiting
    for finished in (now - timedelta(minutes=5), now - timedelta(days=2)):
        failed = tidy_up.enqueue()
        DBTaskResult.objects.filter(pk=failed.id).update(
            status="FAILED",
            task_path="innocities.notifications.tasks.email_notifications",
            finished_at=finished,
        )
    with django_assert_max_num_queries(2):
        families = scrape(client)
    assert sample(families, "innocities_database_up") == 1
    assert sample(families, "innocities_tasks_ready") == 2
    assert 120 <= sample(families, "innocities_tasks_oldest_ready_age_seconds") < 180
    email = "innocities.notifications.tasks.email_notifications"
    assert sample(families, "innocities_tasks_failed", task_path=email) == 2
    assert sample(families, "innocities_tasks_failed_last_hour", task_path=email) == 1


def test_metrics_answer_while_the_database_is_away(client, refused):
    with database_raises(refused):
        families = scrape(client)
    assert sample(families, "innocities_database_up") == 0
    assert "innocities_tasks_ready" not in families
    assert "innocities_http_request_duration_seconds" in families


def test_metrics_merge_the_samples_of_every_worker_process(client, tmp_path, monkeypatch):
    """With PROMETHEUS_MULTIPROC_DIR, as under gunicorn, each process writes its samples to files there
    and a scrape, answered by any worker, adds them up."""
    observe = (
        "from innocities.core.observability import REQUEST_SECONDS; "
        "REQUEST_SECONDS.labels(view='pipeline:project', method='GET', status='200').observe(0.2)"
    )
    environment = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for _worker in range(2):
        subprocess.run([sys.executable, "-c", observe], env=environment, check=True, timeout=60)
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    families = scrape(client)
    labels = {"view": "pipeline:project", "method": "GET", "status": "200"}
    assert sample(families, "innocities_http_request_duration_seconds_count", **labels) == 2
    assert sample(families, "innocities_tasks_ready") == 0  # read from the database at scrape time


# --- the database away -----------------------------------------------------------------------------
def test_a_lost_database_answers_503_with_retry_after_and_a_plain_page(refused, log_lines):
    client = Client(raise_request_exception=False)
    with database_raises(refused):
        response = client.get("/catalogue/?page=2", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "no-cache" in response["Cache-Control"]
    page = response.content.decode()
    assert '<html lang="sv">' in page
    assert response["X-Request-ID"] in page and 'href="/catalogue/?page=2"' in page
    with database_raises(refused):
        response = client.get("/catalogue/")
    page = response.content.decode()
    assert "InnoCities is briefly unavailable" in page and "try again in a minute" in page
    requests = [line for line in log_lines() if line["logger"] == "django.request"]
    assert len(requests) == 2 and all("exc_info" not in line for line in requests)
    assert requests[0]["level"] == "WARNING"
    assert requests[0]["message"].startswith("Service Unavailable: /catalogue/ (OperationalError: ")


def test_the_api_answers_503_problem_details_while_the_database_is_away(refused):
    with database_raises(refused):
        response = Client(raise_request_exception=False).get("/api/v1/programmes")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 503


def test_other_database_errors_stay_500s(refused):
    deadlock = OperationalError("deadlock detected")
    deadlock.__cause__ = psycopg.errors.DeadlockDetected("deadlock detected")
    shutdown = OperationalError("terminating connection due to administrator command")
    shutdown.__cause__ = psycopg.errors.AdminShutdown("terminating connection")
    assert database_unavailable(refused) and database_unavailable(shutdown)
    assert not database_unavailable(deadlock)
    assert not database_unavailable(ProgrammingError("relation does not exist"))
    assert not database_unavailable(RuntimeError("a bug"))
    with database_raises(deadlock):
        response = Client(raise_request_exception=False).get("/catalogue/")
    assert response.status_code == 500 and "Retry-After" not in response


def test_handler500_is_the_observability_one():
    assert config.urls.handler500 == "innocities.core.observability.server_error"
    assert observability.RETRY_AFTER == 30
