"""`innocities bench`: every main page as its personas see it, served the way production serves it.

Starts gunicorn with the production settings on a free local port against the configured database,
signs the personas in by writing their sessions, and asks each page with 8 clients at once (keep-alive
connections, each request a new page view). For each page: p50 and p95 in milliseconds, throughput,
and the share of the framework floor's throughput (a view that only reads the session and the user,
through the same middleware, measured in the same run). Then, in this process, each page once more
with its SQL captured and replayed alone: the page's time against the time of the SQL behind it.

Needs the scale data set (`innocities load-scale --factor F`). Prints one table and writes JSON.
"""

import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from innocities.accounts.models import User
from innocities.organisations.models import Organisation
from innocities.pipeline.models import Project
from innocities.programmes.models import Programme

BIG = "s-00001"


@dataclass
class Result:
    page: str
    persona: str
    path: str
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    per_second: float
    share_of_floor: float = 0.0
    queries: int = 0
    sql_ms: float = 0.0
    page_ms: float = 0.0
    statuses: dict = field(default_factory=dict)


def personas() -> dict[str, User | None]:
    big = Organisation.objects.get(slug=BIG)
    small = Organisation.objects.filter(slug__startswith="s-").order_by("-slug").first()
    return {
        "coordinator": User.objects.get(email=f"coordinator0.{big.slug}@scale.example"),
        "member": User.objects.get(email=f"member0.{big.slug}@scale.example"),
        "leader": User.objects.get(email=f"leadership0.{big.slug}@scale.example"),
        "small coordinator": User.objects.get(email=f"coordinator0.{small.slug}@scale.example"),
        "operator": User.objects.get(email="operator1.s@scale.example"),
        "anonymous": None,
    }


def pages() -> list[tuple[str, str, str]]:
    """(page, persona, path) for every main page."""
    big = Programme.objects.get(slug="s-big")
    project = (
        Project.objects.filter(programme=big, status="active", phase__gate__isnull=False)
        .order_by("pk")
        .first()
    )
    shared = Project.objects.filter(visibility="public").order_by("pk")
    public = shared.filter(status="implemented").first() or shared.first()
    return [
        ("floor", "coordinator", "/bench/floor/"),
        ("my work", "coordinator", "/my-work/"),
        ("my work", "member", "/my-work/"),
        ("my work", "leader", "/my-work/"),
        ("programmes", "coordinator", "/programmes/"),
        ("board 300/factor", "coordinator", "/programmes/s-big/board/"),
        ("board 40/factor", "coordinator", "/programmes/s-board/board/"),
        ("board filtered", "coordinator", "/programmes/s-big/board/?status=on_hold"),
        ("projects: mine", "coordinator", "/projects/"),
        ("projects: all", "coordinator", "/projects/?scope=all"),
        ("projects: search", "coordinator", "/projects/?scope=all&q=energi"),
        ("projects: all", "small coordinator", "/projects/?scope=all"),
        ("project", "coordinator", f"/projects/{project.pk}/"),
        ("gate review", "coordinator", f"/projects/{project.pk}/gate/"),
        ("programme portfolio", "leader", "/programmes/s-big/sustainability/"),
        ("organisation portfolio", "leader", f"/organisations/{BIG}/sustainability/"),
        ("goal page", "leader", "/sdg/13/"),  # across everything the reader may see: cached per reader
        ("indicators", "coordinator", "/indicators/"),
        ("indicators CSV", "coordinator", "/indicators/export.csv"),
        ("challenges", "coordinator", "/challenges/?scope=all"),
        ("ideas", "coordinator", "/ideas/?scope=all"),
        ("open calls", "anonymous", "/calls/"),
        # dashboards are cached per reader and period: the table's last columns measure them computed
        ("programme dashboard", "leader", "/dashboards/programme/s-big/"),
        ("organisation dashboard", "leader", f"/dashboards/organisation/{BIG}/"),
        ("network dashboard", "operator", "/dashboards/network/s-net-001/"),
        ("dashboard drill", "leader", "/dashboards/programme/s-big/projects/?figure=gates&ref=gate:need"),
        # the public catalogue and search, for a visitor and for a signed-in coordinator
        ("catalogue", "anonymous", "/catalogue/"),
        ("catalogue filtered", "anonymous", "/catalogue/?country=SE&status=reuse&area=energy"),
        ("catalogue page 20", "anonymous", "/catalogue/?page=20"),
        ("catalogue project", "anonymous", f"/catalogue/projects/{public.pk}/"),
        ("catalogue organisation", "anonymous", f"/catalogue/organisations/{BIG}/"),
        ("catalogue challenges", "anonymous", "/catalogue/challenges/"),
        ("catalogue feed", "anonymous", "/catalogue/feed/"),
        ("sitemap", "anonymous", "/sitemap-projects.xml"),
        ("search: one word", "anonymous", f"/search/?{urlencode({'q': 'landström'})}"),
        ("search: two words", "anonymous", "/search/?q=solceller+skole"),
        ("search: one word", "coordinator", f"/search/?{urlencode({'q': 'hemtjänst'})}"),
        ("search: three words", "coordinator", f"/search/?{urlencode({'q': 'vattenmätare tvilling flom'})}"),
        ("lessons", "anonymous", "/lessons/"),
        ("open data", "anonymous", "/open-data/"),
        ("open data: DCAT-AP", "anonymous", "/open-data/catalog.jsonld"),
        ("open data: indicators", "anonymous", "/open-data/indicators.csv"),
        ("api: projects", "anonymous", "/api/v1/projects"),
        ("api: projects filtered", "anonymous", "/api/v1/projects?country=SE&status=reuse"),
        ("api: project", "anonymous", f"/api/v1/projects/{public.pk}"),
        ("api: projects", "coordinator", "/api/v1/projects"),
        ("api: lessons", "coordinator", "/api/v1/lessons"),
    ]


def _session_cookie(user, secret_key) -> str:
    """A signed-in session for the persona, signed with the served site's key."""
    if user is None:
        return ""
    with override_settings(SECRET_KEY=secret_key):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int, workers: int, secret_key: str) -> subprocess.Popen:
    """gunicorn with the production settings, (HTTPS told by the proxy header)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TASKS_BACKEND": "immediate",
        # every benchmark client comes from one address: the API's per-visitor limit would answer 429
        "API_RATE_LIMIT_VISITOR": "1000000",
        "API_RATE_LIMIT_SESSION": "1000000",
        "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT") or str(Path(settings.BASE_DIR) / "var" / "media"),
    }
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--config", str(Path(settings.BASE_DIR) / "config" / "gunicorn.py"),
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--forwarded-allow-ips", "127.0.0.1", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def _hammer(port, path, cookie, total, clients) -> tuple[list[float], dict[int, int], float]:
    """``total`` requests of one page from ``clients`` keep-alive connections at once."""
    latencies, statuses, lock = [], {}, threading.Lock()
    remaining = [total]
    headers = {"Cookie": cookie, "X-Forwarded-Proto": "https", "Host": "127.0.0.1"}

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 599
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - started


NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@override_settings(CACHES=NO_CACHE)
def _sql_behind(path, user) -> tuple[int, float, float]:
    """(queries, ms of the SQL replayed alone, ms of the whole page) for one page, in this process,
    with no cache: what a page costs when its cached fragments must be computed (the first reader
    after a change), against the SQL behind it."""
    client = Client(SERVER_NAME="localhost", HTTP_X_FORWARDED_PROTO="https")
    if user is not None:
        client.force_login(user)
    client.get(path)  # warm what lives in the process (templates, the database's buffers)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        client.get(path)
        page_ms = (time.perf_counter() - started) * 1000
    sql = [q["sql"] for q in captured.captured_queries]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for statement in sql:
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                cursor.execute(statement)
                cursor.fetchall()
    return len(sql), (time.perf_counter() - started) * 1000, page_ms


@dataclass
class Burst:
    seconds: int
    connections: int
    client_timeout_s: float
    answered: int = 0  # answers read by a client still waiting
    shed: int = 0  # 503: dropped before any work
    gave_up: int = 0  # the client stopped waiting (timeout, refused or reset)
    recovered_after_s: float = 0.0  # from the burst's end to the first quick answer of the floor


def burst(port, path, cookie, *, seconds=30, connections=200, client_timeout=5.0) -> Burst:
    """``connections`` clients ask ``path`` for ``seconds``, each giving up after ``client_timeout``
    and asking again at once; then the floor is asked every 0.1 s until it answers within a second."""
    result = Burst(seconds=seconds, connections=connections, client_timeout_s=client_timeout)
    lock, stop = threading.Lock(), time.monotonic() + seconds
    headers = {"Cookie": cookie, "X-Forwarded-Proto": "https", "Host": "127.0.0.1"}

    def client():
        while time.monotonic() < stop:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=client_timeout)
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                outcome = "shed" if response.status == 503 else "answered"
            except (OSError, http.client.HTTPException):
                outcome = "gave_up"
            finally:
                conn.close()
            with lock:
                setattr(result, outcome, getattr(result, outcome) + 1)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ended = time.monotonic()
    while time.monotonic() - ended < 300:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            conn.request("GET", "/bench/floor/", headers=headers)
            if conn.getresponse().status == 200:
                break
        except (OSError, http.client.HTTPException):
            time.sleep(0.1)
        finally:
            conn.close()
    result.recovered_after_s = round(time.monotonic() - ended, 1)
    return result


def run_burst(*, seconds: int, workers: int = 3) -> Burst:
    """The burst against the coordinator's my work, on a server of its own."""
    people = personas()
    secret_key = secrets.token_urlsafe(50)
    cookie = _session_cookie(people["coordinator"], secret_key)
    port = _free_port()
    process = serve(port, workers, secret_key)
    try:
        _hammer(port, "/my-work/", cookie, 16, 8)  # warm every worker
        return burst(port, "/my-work/", cookie, seconds=seconds)
    finally:
        process.terminate()
        process.wait(timeout=30)


def run(*, requests: int = 200, clients: int = 8, workers: int = 3, only: str = "") -> list[Result]:
    """Every page (or those whose name holds ``only``, and always the floor), measured."""
    people = personas()
    secret_key = secrets.token_urlsafe(50)
    cookies = {name: _session_cookie(user, secret_key) for name, user in people.items()}
    port = _free_port()
    process = serve(port, workers, secret_key)
    results = []
    try:
        for page, persona, path in pages():
            if only and page != "floor" and only not in page:
                continue
            _hammer(port, path, cookies[persona], clients * 2, clients)  # warm up every worker
            latencies, statuses, wall = _hammer(port, path, cookies[persona], requests, clients)
            quantiles = statistics.quantiles(latencies, n=100)
            results.append(
                Result(
                    page=page,
                    persona=persona,
                    path=path,
                    requests=len(latencies),
                    errors=sum(n for status, n in statuses.items() if status >= 500),
                    p50_ms=round(statistics.median(latencies), 1),
                    p95_ms=round(quantiles[94], 1),
                    per_second=round(len(latencies) / wall, 1),
                    statuses=statuses,
                )
            )
    finally:
        process.terminate()
        process.wait(timeout=30)
    floor = results[0].per_second or 1
    for result in results:
        result.share_of_floor = round(result.per_second / floor, 3)
        queries, sql_ms, page_ms = _sql_behind(result.path, people[result.persona])
        result.queries, result.sql_ms, result.page_ms = queries, round(sql_ms, 1), round(page_ms, 1)
    return results


def table(results: list[Result]) -> str:
    header = (
        f"{'page':<24} {'persona':<18} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'floor':>6} "
        f"{'queries':>7} {'SQL ms':>7} {'page ms':>8} {'×SQL':>6} {'status':>6}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        ratio = f"{r.page_ms / r.sql_ms:.1f}" if r.sql_ms else "—"
        lines.append(
            f"{r.page:<24} {r.persona:<18} {r.p50_ms:>8.1f} {r.p95_ms:>8.1f} {r.per_second:>7.1f} "
            f"{r.share_of_floor:>6.3f} {r.queries:>7} {r.sql_ms:>7.1f} {r.page_ms:>8.1f} {ratio:>6} "
            f"{max(r.statuses, key=r.statuses.get):>6}"
        )
    return "\n".join(lines)


def write_json(results: list[Result], path: Path, meta: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**meta, "results": [asdict(r) for r in results]}, indent=2), encoding="utf-8")
