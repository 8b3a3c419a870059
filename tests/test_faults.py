"""Background work survives faults (issue 11): PostgreSQL killed and started again under a running
`innocities worker` loses no queued notification, sends none twice, and needs no person.

The test runs a PostgreSQL server of its own (initdb in a temporary directory, on a free port) so that
killing it touches nothing else; it needs PostgreSQL's server binaries and runs in both passes of `.ci/run`
(REQUIRE_SERVICES=1 there: a missing piece fails the test instead of skipping it).
"""

import email
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1:] or [""]
PG_BIN = Path(BIN[0])
TASKS = 240


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivatePostgres:
    """A throwaway PostgreSQL server: its own data directory, port and socket."""

    def __init__(self, directory: Path):
        self.dir, self.port = directory, _free_port()
        self.data = directory / "data"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_owner, *command], capture_output=True, text=True, check=check)

    def create(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.as_owner:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.dir / "server.log")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def kill(self) -> None:
        """Stop at once, as a crash would: no checkpoint, every connection cut."""
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def postgres(tmp_path_factory):
    missing = [tool for tool in ("initdb", "pg_ctl") if not (PG_BIN / tool).exists()]
    if missing:
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"REQUIRE_SERVICES=1 but PostgreSQL's {', '.join(missing)} is missing")
        pytest.skip(f"PostgreSQL's server binaries ({', '.join(missing)}) are not installed")
    # under /tmp itself: pytest's own temporary directories are closed to the postgres user
    server = PrivatePostgres(Path(tempfile.gettempdir()) / f"innocities-pg-{os.getpid()}-{time.time_ns()}")
    server.create()
    yield server
    server.kill()
    shutil.rmtree(server.dir, ignore_errors=True)


def innocities(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "innocities.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, **kwargs,
    )  # fmt: skip


SEED = f"""
from innocities.accounts.models import User
from innocities.notifications.models import Notification
from innocities.notifications.tasks import email_notifications
people = [User.objects.create_user(email=f"person{{i}}@halden.example", password=None) for i in range(8)]
for i in range({TASKS}):
    n = Notification.objects.create(
        recipient=people[i % 8], kind="comment", key=f"comment:{{i}}",
        data={{"author": "Per", "idea": f"Idé {{i}}"}}, url=f"/ideas/{{i}}/",
    )
    email_notifications.enqueue(notification_ids=[n.pk])
"""

STATE = """
from django_tasks_db.models import DBTaskResult
from django.db.models import Count
print(dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id"))))
"""


def delivered(mail: Path) -> list[str]:
    """The Message-ID of every email written so far (the file backend puts one or more in each file)."""
    ids = []
    for path in mail.glob("*.log"):
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                ids.append(email.message_from_string(chunk.strip()).get("Message-ID"))
    return ids


def test_a_database_restart_under_a_running_worker_loses_no_queued_notification(postgres, tmp_path):
    mail = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": postgres.url,
        "REDIS_URL": "redis://127.0.0.1:6379/10",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail),
        "TASKS_BACKEND": "",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("TEST_SQLITE_FILE", None)
    assert innocities(env, "migrate", "--verbosity", "0").returncode == 0
    seeded = innocities(env, "shell", "--no-imports", "-c", SEED)
    assert seeded.returncode == 0, seeded.stderr[-2000:]

    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 - closed below
    worker = subprocess.Popen(
        [sys.executable, "-m", "innocities.cli", "worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while len(delivered(mail)) < TASKS // 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(delivered(mail)) < TASKS, "the database went away while the worker had work"
        postgres.kill()
        before = len(delivered(mail))
        time.sleep(3)  # the worker meets the dead database, and waits
        assert worker.poll() is None, "the worker is still running while the database is away"
        postgres.start()
        back = time.monotonic()
        while len(delivered(mail)) == before and time.monotonic() < back + 60:
            time.sleep(0.05)
        recovered = time.monotonic() - back
        while len(set(delivered(mail))) < TASKS and time.monotonic() < back + 120:
            time.sleep(0.1)
        ids = delivered(mail)
        state = innocities(env, "shell", "--no-imports", "-c", STATE).stdout.strip()
        print(
            f"\ndatabase restart: the worker sent again {recovered:.2f} s after the database was back; "
            f"{len(set(ids))}/{TASKS} delivered, {len(ids) - len(set(ids))} duplicate(s); tasks {state}"
        )
        assert worker.poll() is None
        assert len(set(ids)) == TASKS, f"every queued notification is delivered (worker log: {log.name})"
        # Exactly once, but for the one the database may lose the instant after the mail server took it:
        # that copy carries the same Message-ID, which mail systems treat as one message.
        assert len(ids) - len(set(ids)) <= 1
        assert "'FAILED'" not in state and "'RUNNING'" not in state and "'READY'" not in state
        assert recovered < 35
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()


def _get(url: str) -> tuple[int | str, dict]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", "Accept-Language": "en"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)
    except OSError as error:
        return type(error).__name__, {}


def test_the_site_answers_503_while_the_database_is_away_and_recovers_by_itself(postgres, tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "f" * 50,
        "DATABASE_URL": postgres.url,
        "REDIS_URL": "redis://127.0.0.1:6379/10",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "TASKS_BACKEND": "immediate",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("TEST_SQLITE_FILE", None)
    assert innocities(env, "migrate", "--verbosity", "0").returncode == 0
    log = open(tmp_path / "web.log", "w")  # noqa: SIM115 - closed below
    web = subprocess.Popen(
        [sys.executable, "-m", "innocities.cli", "serve", "--web-only", "--port", str(port), "--workers=1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    site = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while _get(site + "/readyz")[0] != 200:
            assert time.monotonic() < deadline, "the site started"
            time.sleep(0.2)
        # the API asks the database for each new question (a page's HTML needs collected static files,
        # which a fresh checkout has not; tests/test_observability.py renders the 503 page itself)
        assert _get(site + "/api/v1/projects?year=2024")[0] == 200
        postgres.kill()
        status, headers = _get(site + "/api/v1/projects?year=2023")
        assert status == 503 and headers.get("Retry-After") == "30", status
        assert _get(site + "/readyz")[0] == 503 and _get(site + "/healthz")[0] == 200
        postgres.start()
        back = time.monotonic()
        while _get(site + "/readyz")[0] != 200 and time.monotonic() < back + 60:
            time.sleep(0.05)
        recovered = time.monotonic() - back
        print(f"\ndatabase restart: the site answered again {recovered:.2f} s after the database was back")
        assert _get(site + "/api/v1/projects?year=2022")[0] == 200 and recovered < 10
    finally:
        web.terminate()
        web.wait(timeout=30)
        log.close()
