"""Several app servers on one database (issue 11): the cluster `deploy/cluster.py` starts — nginx with TLS in
front of two gunicorn app servers, a task worker and a scheduler, production settings, PostgreSQL and
Redis — is driven over real HTTP: a session made on one server is served by the other, an upload through
one is downloaded through the other, nginx refuses a body over the upload limit, and a rolling restart of
the app servers while requests run loses none of them.

It needs nginx, openssl and the PostgreSQL at 127.0.0.1:5432, and runs in the PostgreSQL pass of `.ci/run`
(which sets REQUIRE_SERVICES=1: there a missing piece fails the test instead of skipping it).
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests
import urllib3

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "innocities_cluster_test"


def _missing() -> str | None:
    for tool in ("nginx", "openssl", "psql"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode != 0:
        return "no PostgreSQL at 127.0.0.1:5432"
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return "the cluster runs in the PostgreSQL pass (DATABASE_URL=postgres://…)"
    return None


def _need_services():
    reason = _missing()
    if reason:
        if os.environ.get("REQUIRE_SERVICES") == "1" and "PostgreSQL pass" not in reason:
            pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _psql(*sql: str) -> None:
    for statement in sql:
        subprocess.run(["psql", f"{SERVER}/postgres", "-qc", statement], check=True, capture_output=True)


class Cluster:
    def __init__(self, directory: Path):
        self.dir = directory
        self.port, self.apps = _free_port(), (_free_port(), _free_port())
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            "DATABASE_URL": f"{SERVER}/{DATABASE}",
            "REDIS_URL": "redis://127.0.0.1:6379/11",
            "LOG_FORMAT": "json",
        }

    def run(self, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
        command = [sys.executable, str(ROOT / "deploy" / "cluster.py"), *args, "--dir", str(self.dir)]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=timeout)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return result

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def app(self, index: int) -> str:
        return f"http://127.0.0.1:{self.apps[index]}"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    _need_services()
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    _psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    subprocess.run(["redis-cli", "-n", "11", "flushdb"], check=False, capture_output=True)
    running = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        running.run(
            "up", "--demo", "--port", str(running.port), "--app-ports", ",".join(map(str, running.apps))
        )
        yield running
    finally:
        subprocess.run(
            [sys.executable, str(ROOT / "deploy" / "cluster.py"), "down", "--dir", str(running.dir)],
            env=running.env, capture_output=True, timeout=120,
        )  # fmt: skip
        _psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


class Forms(HTMLParser):
    """Every form on a page: its action and the values of its inputs."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": {}})
        elif tag in {"input", "button"} and self.forms and attrs.get("name") and attrs.get("type") != "file":
            if (
                attrs.get("type") not in {"submit", "checkbox", "radio"}
                or tag == "input"
                and attrs.get("checked")
            ):
                self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


def form(html: str, action: str) -> dict:
    parser = Forms()
    parser.feed(html)
    found = [f for f in parser.forms if action in f["action"]]
    assert found, f"no form posting to {action}"
    return found[0]


def browser(cluster: Cluster) -> requests.Session:
    session = requests.Session()
    session.verify = False  # the cluster's own self-signed certificate
    session.trust_env = False  # else REQUESTS_CA_BUNDLE in the environment turns verification back on
    return session


def through(cluster: Cluster, session: requests.Session, index: int, method: str, path: str, **kwargs):
    """A request straight to one app server, as nginx sends it (HTTPS told by the proxy's header)."""
    headers = {
        "Host": f"127.0.0.1:{cluster.port}",
        "X-Forwarded-Proto": "https",
        "Referer": cluster.url + path,
        # the site's cookies are Secure: sent by hand on this plain-HTTP hop, as nginx passes them on
        "Cookie": "; ".join(f"{c.name}={c.value}" for c in session.cookies),
        **kwargs.pop("headers", {}),
    }
    return session.request(
        method, cluster.app(index) + path, headers=headers, allow_redirects=False, **kwargs
    )


def sign_in(cluster: Cluster, session: requests.Session, index: int, email: str) -> None:
    page = through(cluster, session, index, "GET", "/accounts/login/")
    fields = form(page.text, "/accounts/login/")["fields"]
    fields.update({"login": email, "password": (cluster.dir / "demo_password").read_text().strip()})
    response = through(cluster, session, index, "POST", "/accounts/login/", data=fields)
    assert response.status_code == 302, response.text[:2000]


def test_a_session_made_on_one_server_is_served_by_the_other(cluster):
    session = browser(cluster)
    sign_in(cluster, session, 0, "lead@halden.example")
    for index in (0, 1):
        page = through(cluster, session, index, "GET", "/my-work/")
        assert page.status_code == 200 and "lead@halden.example" not in page.url
        assert 'href="/accounts/logout/"' in page.text or "logout" in page.text
    # and through nginx, which sends it to either
    for _ in range(4):
        assert session.get(cluster.url + "/my-work/", allow_redirects=False).status_code == 200


def _activity_of(cluster: Cluster, email: str) -> int:
    code = (
        "from innocities.coproduction.models import Activity; "
        f"a = Activity.objects.filter(project__team__user__email='{email}', project__team__role='lead')"
        ".order_by('pk').first(); print(a.pk)"
    )
    env = {**cluster.env, "DJANGO_SETTINGS_MODULE": "config.settings.prod"}
    env.update(_cluster_settings(cluster))
    result = subprocess.run(
        [sys.executable, "-m", "innocities.cli", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return int(result.stdout.strip().splitlines()[-1])


def _cluster_settings(cluster: Cluster) -> dict:
    return {
        "SECRET_KEY": (cluster.dir / "secret_key").read_text().strip(),
        "MEDIA_ROOT": str(cluster.dir / "media"),
        "DEMO_ALLOWED": "true",
    }


def test_an_upload_through_one_server_is_downloaded_through_the_other(cluster):
    session = browser(cluster)
    sign_in(cluster, session, 0, "lead@halden.example")
    activity = _activity_of(cluster, "lead@halden.example")
    page = through(cluster, session, 0, "GET", f"/activities/{activity}/")
    assert page.status_code == 200, page.status_code
    upload = form(page.text, f"/activities/{activity}/files/")
    content = b"%PDF-1.4\n% InnoCities cluster test\n" + os.urandom(2048).hex().encode() + b"\n%%EOF\n"
    response = through(
        cluster, session, 0, "POST", f"/activities/{activity}/files/",
        data=upload["fields"], files={"file": ("protokoll.pdf", content, "application/pdf")},
    )  # fmt: skip
    assert response.status_code == 302, response.text[:2000]
    listing = through(cluster, session, 1, "GET", f"/activities/{activity}/").text
    links = re.findall(r'href="(/files/\d+/)"', listing)
    assert links, "the other server lists the new file"
    downloaded = through(cluster, session, 1, "GET", max(links, key=lambda u: int(u.split("/")[2])))
    assert downloaded.status_code == 200 and downloaded.content == content


def test_nginx_refuses_a_body_over_the_upload_limit(cluster):
    session = browser(cluster)
    response = session.post(
        cluster.url + "/accounts/login/", data=b"x" * (12 * 1024 * 1024),
        headers={"Content-Type": "application/octet-stream"}, allow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 413


def test_a_rolling_restart_loses_no_request(cluster):
    session = browser(cluster)
    sign_in(cluster, session, 0, "lead@halden.example")
    outcomes: list[int | str] = []
    done = threading.Event()

    def load(path: str, method: str = "GET", **kwargs):
        client = browser(cluster)
        client.cookies.update(session.cookies)
        while not done.is_set():
            try:
                response = client.request(
                    method, cluster.url + path, allow_redirects=False, timeout=15, **kwargs
                )
                outcomes.append(response.status_code)
            except requests.RequestException as error:
                outcomes.append(type(error).__name__)

    settings_form = {"next": "/", "language": "en"}
    csrf = {"Referer": cluster.url + "/", "X-CSRFToken": session.cookies["csrftoken"]}
    threads = [
        threading.Thread(target=load, args=("/catalogue/",)),
        threading.Thread(target=load, args=("/my-work/",)),
        threading.Thread(
            target=load,
            args=("/i18n/setlang/", "POST"),
            kwargs={"data": settings_form, "headers": csrf},
        ),  # fmt: skip
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        cluster.run("rolling-restart", timeout=300)
        time.sleep(1)
    finally:
        done.set()
        for thread in threads:
            thread.join()
    failed = [o for o in outcomes if o not in (200, 302)]
    print(
        f"\nrolling restart: {len(outcomes)} requests in {time.monotonic() - started:.1f} s, "
        f"{len(failed)} lost"
    )
    assert len(outcomes) > 50 and failed == []
