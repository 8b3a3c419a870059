"""What the operators watch: request ids, log lines, an access line per request, Prometheus metrics at
/metrics, error reports, and a friendly 503 while the database is away (docs/operations.md).

- **Request id**: ``RequestMiddleware`` (first in the middleware) takes ``X-Request-ID`` from the request
  when it is a sane token (nginx sets it), else makes one; every log record emitted while the request is
  handled carries it (``RequestIdFilter``), and so does the response. ``request_id_bound`` carries it
  into background work.
- **Access line**: the same middleware logs one line per request (method, path without the query string,
  status, duration, view name, the id of a signed-in person: never an email address or a query string,
  which may hold personal data) and observes the request in a latency histogram.
- **Expected refusals in one line**: ``QuietExpectedErrors`` drops the traceback Django logs with a
  403 or 400 and makes a SuspiciousOperation or a 503 a warning; a 500 keeps its traceback.
- **Metrics** with prometheus_client: the latency histogram (merged across gunicorn's workers when
  ``PROMETHEUS_MULTIPROC_DIR`` is set) and, read from the database at scrape time, the task queue.
- **503**: ``server_error`` (``handler500``) answers a lost database with 503, ``Retry-After`` and a
  plain page in the reader's language that needs no database.

This module is imported while logging is configured, before the apps are loaded: it imports no models.
"""

import contextvars
import ipaddress
import logging
import os
import re
import secrets
import sqlite3
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta

import sentry_sdk
from django.apps import apps
from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, InterfaceError, OperationalError
from django.db.models import Case, Count, F, Min, Q, When
from django.db.models.functions import Greatest
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import LazyObject, empty
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

access_logger = logging.getLogger("innocities.access")
logger = logging.getLogger(__name__)

# --- request id ----------------------------------------------------------------------------------
HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9._-]{1,64}")
_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request (or task) being handled now; None outside one."""
    return _request_id.get()


def sane_request_id(value) -> str | None:
    """``value`` when it is a token safe to log and send back (at most 64 of ``A-Za-z0-9._-``)."""
    return value if isinstance(value, str) and _SANE.fullmatch(value) else None


@contextmanager
def request_id_bound(value: str | None):
    """Every log record emitted inside carries ``value`` as its ``request_id`` (a fresh id when ``value``
    is not a sane token). For a task, pass the id of the request that queued it::

        with request_id_bound(request_id):
            ...
    """
    bound = sane_request_id(value) or uuid.uuid4().hex
    token = _request_id.set(bound)
    try:
        yield bound
    finally:
        _request_id.reset(token)


def forget_request_id(**kwargs) -> None:
    """On ``request_finished``: the request's id stays bound until its response is closed, because
    Django logs a 4xx/5xx line after the last middleware has returned."""
    _request_id.set(None)


def install() -> None:
    """Called from CoreConfig.ready()."""
    request_finished.connect(forget_request_id, dispatch_uid="innocities.observability.forget_request_id")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record a handler emits ("-" outside a request or task)."""

    def filter(self, record):
        record.request_id = _request_id.get() or "-"
        return True


# --- expected refusals in one line ---------------------------------------------------------------
class QuietExpectedErrors(logging.Filter):
    """Django logs a PermissionDenied, a BadRequest and a SuspiciousOperation with a full traceback, and
    a 503 as an error. They are expected answers, not faults: one line each, without the traceback, the
    exception named at the end; a SuspiciousOperation (400) and a 503 (the database away, load shed,
    /readyz failing) as warnings, so the admins are not mailed for each. A 500 is left as it is.
    On the ``django.request`` logger (before the mail handler) and on the console handler (for the
    ``django.security.*`` loggers)."""

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if not (record.name == "django.request" or record.name.startswith("django.security")):
            return True
        if not isinstance(status, int) or not (400 <= status < 500 or status == 503):
            return True
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            message = record.getMessage()
            detail = str(error).strip().splitlines()
            named = type(error).__name__ + (
                f": {detail[0][:200]}" if detail and detail[0] not in message else ""
            )
            record.msg, record.args = f"{message} ({named})", None
        record.exc_info = record.exc_text = record.stack_info = None
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


# --- access line and latency ---------------------------------------------------------------------
REQUEST_SECONDS = Histogram(
    "innocities_http_request_duration_seconds",
    "Time from the first middleware to the response, by view name, method and status.",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
# Polled every few seconds by the load balancer and Prometheus: their access lines are DEBUG.
PROBES = {"healthz", "readyz", "metrics"}
# Views whose URL carries a secret (allauth's email confirmation and password reset keys): the access
# line names the part instead of showing it.
SECRET_URL_PARTS = {"account_confirm_email": ("key",), "account_reset_password_from_key": ("uidb36", "key")}


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return (match.view_name if match else None) or "<unresolved>"


def _logged_path(request) -> str:
    path, match = request.path, getattr(request, "resolver_match", None)
    for part in SECRET_URL_PARTS.get(match.view_name if match else None, ()):
        if match.kwargs.get(part):
            path = path.replace(str(match.kwargs[part]), f"<{part}>")
    return path


def _signed_in_user_id(request) -> int | None:
    """The person's id when something in the request already loaded them: never a query of its own
    (the access line must not ask the database, which may be the thing that is away)."""
    user = getattr(request, "user", None)
    if isinstance(user, LazyObject):
        user = user._wrapped
        if user is empty:
            return None
    return user.pk if user is not None and getattr(user, "is_authenticated", False) else None


class RequestMiddleware:
    """First in MIDDLEWARE: binds the request id, answers it in ``X-Request-ID``, logs the access line
    and observes the latency histogram."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request_id = sane_request_id(request.headers.get(HEADER)) or uuid.uuid4().hex
        _request_id.set(request_id)  # until the response is closed: see forget_request_id
        request.request_id = request_id
        sentry_sdk.set_tag("request_id", request_id)  # read only when SENTRY_DSN is set
        response = self.get_response(request)
        response[HEADER] = request_id
        seconds = time.perf_counter() - started
        view, method = _view_name(request), request.method if request.method in METHODS else "other"
        REQUEST_SECONDS.labels(view=view, method=method, status=str(response.status_code)).observe(seconds)
        path = _logged_path(request)
        access_logger.log(
            logging.DEBUG if view in PROBES else logging.INFO,
            "%s %s %s %.1f ms",
            method,
            path,
            response.status_code,
            seconds * 1000,
            extra={
                "method": method,
                "path": path,
                "status": response.status_code,
                "duration_ms": round(seconds * 1000, 1),
                "view": view,
                "user_id": _signed_in_user_id(request),
            },
        )
        return response


# --- metrics -------------------------------------------------------------------------------------
class TaskQueueCollector:
    """At scrape time, from django-tasks-db's table, in two queries: how many tasks wait for a worker,
    how long the oldest has waited since it became due, and the failed results by task (all kept, and
    those of the last hour: a figure an alert can compare with 0, whatever old results are deleted)."""

    def describe(self):
        return []  # registering must not query the database (it happens at import)

    def collect(self):
        up = GaugeMetricFamily(
            "innocities_database_up", "1 when the database answered this scrape's queries."
        )
        try:
            waiting, oldest, failed = task_queue_figures()
        except DatabaseError as error:
            logger.warning("metrics: the database did not answer (%s)", type(error).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily(
            "innocities_tasks_ready", "Tasks due and waiting for a worker (status READY).", value=waiting
        )
        yield GaugeMetricFamily(
            "innocities_tasks_oldest_ready_age_seconds",
            "Seconds the oldest ready task has waited since it became due (0 when none waits).",
            value=oldest,
        )
        by_task = GaugeMetricFamily(
            "innocities_tasks_failed",
            "Failed task results kept in the database, by task (sum them for all).",
            labels=["task_path"],
        )
        lately = GaugeMetricFamily(
            "innocities_tasks_failed_last_hour",
            "Of those, the ones that failed in the last hour, by task.",
            labels=["task_path"],
        )
        for task_path, count, last_hour in failed:
            by_task.add_metric([task_path], count)
            lately.add_metric([task_path], last_hour)
        yield by_task
        yield lately


def task_queue_figures() -> tuple[int, float, list[tuple[str, int, int]]]:
    """(ready tasks, seconds the oldest of them has waited since it became due,
    [(task path, failed, of which in the last hour)])."""
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects  # django_tasks_db's label
    now = timezone.now()
    count, age = waiting()
    failed = list(
        results.failed()
        .order_by()
        .values_list("task_path")
        .annotate(
            count=Count("pk"), last_hour=Count("pk", filter=Q(finished_at__gte=now - timedelta(hours=1)))
        )
    )
    return count, age, sorted(failed)


def waiting() -> tuple[int, float]:
    """(tasks ready to run, seconds the oldest of them has waited since it became due): a task queued
    to run later (a retry's pause) waits from then, not from when it was queued."""
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    now = timezone.now()
    # django-tasks-db stores "no run_after" as the year 9999
    due_since = Case(
        When(run_after__lte=now, then=Greatest("run_after", "enqueued_at")), default=F("enqueued_at")
    )
    ready = results.ready().aggregate(count=Count("pk"), since=Min(due_since))
    age = max(0.0, (now - ready["since"]).total_seconds()) if ready["since"] else 0.0
    return ready["count"], round(age, 1)


TASK_QUEUE = TaskQueueCollector()
REGISTRY.register(TASK_QUEUE)
PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED", "HTTP_X_FORWARDED_PROTO")


def metrics_allowed(request) -> bool:
    """A bearer token equal to ``METRICS_TOKEN``, or a client address in ``METRICS_ALLOWED_IPS`` on a
    request that did not come through the proxy (behind nginx on the same machine every request comes
    from 127.0.0.1; nginx marks the ones it forwards with X-Forwarded-For or X-Forwarded-Proto)."""
    token = settings.METRICS_TOKEN
    if token:
        kind, _sep, given = request.headers.get("Authorization", "").partition(" ")
        if kind.lower() == "bearer" and secrets.compare_digest(given.strip().encode(), token.encode()):
            return True
    if any(header in request.META for header in PROXY_HEADERS):
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    address = getattr(address, "ipv4_mapped", None) or address
    return any(address in ipaddress.ip_network(net, strict=False) for net in settings.METRICS_ALLOWED_IPS)


@require_safe
@never_cache
def metrics(request):
    """Prometheus's text format; 404 for anyone not allowed (the page's existence is not advertised)."""
    if not metrics_allowed(request):
        raise Http404
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # gunicorn's workers each write their samples to files there; a scrape merges them all
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(TASK_QUEUE)
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


# --- 500 and the friendly 503 --------------------------------------------------------------------
RETRY_AFTER = 30  # seconds
# PostgreSQL's codes for a database that cannot be reached: connection exceptions (class 08), shut down
# or starting up (57P01-57P03), too many connections (53300).
POSTGRES_AWAY = ("57P01", "57P02", "57P03", "53300")
SQLITE_AWAY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_CANTOPEN)


def database_unavailable(error) -> bool:
    """True when ``error`` says the database cannot be reached or dropped the connection; False for a
    fault of the query itself (a missing table, a deadlock, a statement timeout): those stay 500s."""
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    cause = error.__cause__  # the driver's own error, kept by Django's wrapper
    if isinstance(cause, sqlite3.Error):
        return getattr(cause, "sqlite_errorcode", None) in SQLITE_AWAY
    sqlstate = getattr(cause, "sqlstate", None)  # psycopg: None for a failure on the client's side
    return sqlstate is None or sqlstate.startswith("08") or sqlstate in POSTGRES_AWAY


def service_unavailable(request) -> HttpResponse:
    """503 with Retry-After and a plain page (no navigation, no database) in the reader's language."""
    language = translation.get_language_from_request(request)  # the cookie or Accept-Language
    with translation.override(language):
        body = loader.render_to_string(
            "503.html", {"request_id": current_request_id(), "again": request.get_full_path()}
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """``handler500``. Django calls it inside its ``except`` block, so ``sys.exc_info()`` is the error."""
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    body = loader.get_template("500.html").render({"request_id": current_request_id()})
    return HttpResponseServerError(body)
