#!/usr/bin/env python3
"""Run InnoCities as it runs in production, on this machine: nginx (TLS) in front of two app servers, one
task worker and one scheduler, on PostgreSQL and Redis, with the production settings.

    make cluster                                   # = python deploy/cluster.py up
    python deploy/cluster.py up [--dir D] [--port 8443] [--demo]
    python deploy/cluster.py rolling-restart [--dir D]   # each app server in turn, drained first
    python deploy/cluster.py status [--dir D]
    python deploy/cluster.py down [--dir D]

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/innocities_cluster, created when
missing), REDIS_URL (default redis://127.0.0.1:6379/12). Everything the cluster writes (its TLS certificate,
secret key, nginx configuration, logs, uploaded files, emails) is under --dir (default var/cluster).
The nginx site is deploy/nginx/innocities.conf, the same file production uses; the processes are those the
systemd units in deploy/systemd start.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
APP_PORTS = (8101, 8102)
# Debian's /etc/nginx/nginx.conf, reduced to what the site needs, with every path under the cluster's dir.
NGINX_MAIN = """{user}
worker_processes 2;
pid {pid};
error_log {logs}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log {logs}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{site}
}}
"""


def _python() -> str:
    return str(PYTHON) if PYTHON.exists() else sys.executable


class Cluster:
    def __init__(self, directory: Path, port: int, app_ports: tuple[int, ...] = APP_PORTS):
        self.dir = directory.resolve()
        self.port = port
        self.app_ports = app_ports
        self.state_file = self.dir / "state.json"

    # --- configuration -------------------------------------------------------------------------------
    def env(self) -> dict:
        secret = self.dir / "secret_key"
        if not secret.exists():
            secret.write_text(secrets.token_urlsafe(50))
            secret.chmod(0o600)
        origin = f"https://127.0.0.1:{self.port}"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.prod",
            "SECRET_KEY": secret.read_text().strip(),
            "DATABASE_URL": os.environ.get(
                "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/innocities_cluster"
            ),
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12"),
            "MEDIA_ROOT": str(self.dir / "media"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"{origin},https://localhost:{self.port}",
            "SITE_URL": origin,
            "DEMO_ALLOWED": "true",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.dir / "mail"),
            "LOG_FORMAT": os.environ.get("LOG_FORMAT", "json"),
            "PYTHONUNBUFFERED": "1",
        }

    def _tls(self) -> tuple[Path, Path]:
        cert, key = self.dir / "tls" / "cert.pem", self.dir / "tls" / "key.pem"
        if not cert.exists():
            cert.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                 "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
                check=True, capture_output=True,
            )  # fmt: skip
        return cert, key

    def write_nginx(self, down: set[int] = frozenset()) -> Path:
        """deploy/nginx/innocities.conf with this machine's values, inside a minimal nginx.conf."""
        cert, key = self._tls()
        servers = "\n    ".join(
            f"server 127.0.0.1:{port} max_fails=1 fail_timeout=10s{' down' if port in down else ''};"
            for port in self.app_ports
        )
        site = (ROOT / "deploy" / "nginx" / "innocities.conf").read_text()
        for name, value in {
            "APP_SERVERS": servers,
            "LISTEN": f"127.0.0.1:{self.port}",
            "SERVER_NAME": "localhost 127.0.0.1",
            "TLS_CERT": str(cert),
            "TLS_KEY": str(key),
            "STATIC_ROOT": str(ROOT / "var" / "static"),
        }.items():
            site = site.replace(f"@@{name}@@", value)
        temp = self.dir / "nginx-temp"
        temp.mkdir(exist_ok=True)
        logs = self.dir / "logs"
        main = NGINX_MAIN.format(
            user="user root;" if os.geteuid() == 0 else "",
            pid=self.dir / "nginx.pid", logs=logs, temp=temp, site=site,
        )  # fmt: skip
        config = self.dir / "nginx.conf"
        config.write_text(main)
        return config

    # --- processes -----------------------------------------------------------------------------------
    def _state(self) -> dict:
        return json.loads(self.state_file.read_text()) if self.state_file.exists() else {}

    def _save(self, state: dict) -> None:
        self.state_file.write_text(json.dumps(state, indent=2))

    def _spawn(self, name: str, args: list[str]) -> int:
        log = open(self.dir / "logs" / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
        process = subprocess.Popen(
            [_python(), "-m", "innocities.cli", *args],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        return process.pid

    def start_app(self, port: int) -> int:
        prometheus = self.dir / "metrics" / str(port)
        shutil.rmtree(prometheus, ignore_errors=True)
        prometheus.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(prometheus)
        try:
            return self._spawn(
                f"app-{port}",
                ["serve", "--web-only", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
            )
        finally:
            del os.environ["PROMETHEUS_MULTIPROC_DIR"]

    def up(self, demo: bool) -> None:
        if self._state():
            sys.exit(
                f"A cluster already runs from {self.dir} (python deploy/cluster.py down --dir {self.dir})."
            )
        for sub in ("logs", "media", "mail"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        env = self.env()
        self._create_database(env["DATABASE_URL"])
        print("setting up (migrate, reference data, static files)...", flush=True)
        setup = ["setup", "--demo"] if demo else ["setup", "--no-demo"]
        subprocess.run([_python(), "-m", "innocities.cli", *setup], cwd=ROOT, env=env, check=True)
        if demo:
            self._demo_password(env)
        state = {"apps": {}, "port": self.port, "app_ports": list(self.app_ports)}
        for port in self.app_ports:
            state["apps"][str(port)] = self.start_app(port)
        state["worker"] = self._spawn("worker", ["worker", "--interval", "1"])
        state["scheduler"] = self._spawn("scheduler", ["scheduler"])
        self._save(state)
        config = self.write_nginx()
        subprocess.run(["nginx", "-t", "-q", "-c", str(config)], check=True)
        subprocess.run(["nginx", "-c", str(config)], check=True)
        state["nginx"] = True
        self._save(state)
        for port in self.app_ports:
            self.wait_for(f"http://127.0.0.1:{port}/healthz")
        self.wait_for(f"https://127.0.0.1:{self.port}/healthz")
        apps = ", ".join(map(str, self.app_ports))
        print(f"InnoCities runs at https://127.0.0.1:{self.port}/ (a self-signed certificate): nginx, app")
        print(f"servers on {apps}, a worker and a scheduler. Logs in {self.dir / 'logs'}.")

    def _demo_password(self, env: dict) -> None:
        """Production settings never accept the demo's published password: the demo people get one of the
        cluster's own, written to demo_password."""
        saved = self.dir / "demo_password"
        if not saved.exists():
            saved.write_text(secrets.token_urlsafe(16))
            saved.chmod(0o600)
        code = (
            "from innocities.accounts.models import User; "
            "from django.contrib.auth.hashers import make_password; "
            f"User.objects.filter(email__endswith='.example').update(password=make_password({saved.read_text()!r}))"
        )
        subprocess.run([_python(), "-m", "innocities.cli", "shell", "--no-imports", "-c", code], cwd=ROOT,
                       env=env, check=True)  # fmt: skip
        print(f"The demo people sign in with the password in {saved}.")

    @staticmethod
    def _create_database(url: str) -> None:
        if not url.startswith(("postgres://", "postgresql://")):
            sys.exit("The cluster runs on PostgreSQL: set DATABASE_URL=postgres://…")
        name = url.rsplit("/", 1)[1].split("?")[0]
        server = url.rsplit("/", 1)[0] + "/postgres"
        exists = subprocess.run(
            ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        if not exists:
            subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)

    @staticmethod
    def wait_for(url: str, timeout: float = 60) -> None:
        context = ssl._create_unverified_context()  # the cluster's own self-signed certificate
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2, context=context) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{url} did not answer within {timeout:.0f} s")
            time.sleep(0.2)

    @staticmethod
    def stop(pid: int, timeout: float = 30) -> None:
        """SIGTERM (gunicorn finishes the requests it has begun), then wait for the process to end."""
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            try:  # our own child: reap it
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    return
            except ChildProcessError:
                pass
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)

    def reload_nginx(self, down: set[int] = frozenset()) -> None:
        config = self.write_nginx(down)
        subprocess.run(["nginx", "-c", str(config), "-s", "reload"], check=True, capture_output=True)

    def rolling_restart(self, drain: float = 2.0) -> None:
        """Each app server in turn: taken out of nginx (reload: nginx's old workers finish their requests),
        drained, stopped gracefully, started again, checked, and put back."""
        state = self._state()
        for port in self.app_ports:
            self.reload_nginx(down={port})
            time.sleep(drain)
            self.stop(state["apps"][str(port)])
            state["apps"][str(port)] = self.start_app(port)
            self._save(state)
            self.wait_for(f"http://127.0.0.1:{port}/healthz")
            self.reload_nginx()
            time.sleep(0.5)
            print(f"app server {port} restarted", flush=True)

    def down(self) -> None:
        state = self._state()
        if state.get("nginx"):
            subprocess.run(
                ["nginx", "-c", str(self.dir / "nginx.conf"), "-s", "quit"], check=False, capture_output=True
            )
        for pid in [*state.get("apps", {}).values(), state.get("worker"), state.get("scheduler")]:
            if pid:
                self.stop(pid)
        self.state_file.unlink(missing_ok=True)
        print("cluster stopped")

    def status(self) -> None:
        state = self._state()
        processes = [(f"app {port}", pid) for port, pid in state.get("apps", {}).items()]
        processes += [("worker", state.get("worker")), ("scheduler", state.get("scheduler"))]
        for name, pid in processes:
            alive = bool(pid) and Path(f"/proc/{pid}").exists()
            print(f"{name:10} pid {pid}: {'running' if alive else 'stopped'}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["up", "down", "status", "rolling-restart"])
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "cluster")
    parser.add_argument("--port", type=int, default=8443)
    parser.add_argument("--app-ports", default=",".join(map(str, APP_PORTS)))
    parser.add_argument("--demo", action="store_true", help="load the demo (its published logins)")
    options = parser.parse_args(argv)
    options.dir.mkdir(parents=True, exist_ok=True)
    saved = options.dir / "state.json"
    state = json.loads(saved.read_text()) if saved.exists() else {}
    app_ports = state.get("app_ports") or [int(p) for p in options.app_ports.split(",")]
    cluster = Cluster(options.dir, state.get("port", options.port), tuple(app_ports))
    {"up": lambda: cluster.up(options.demo), "down": cluster.down, "status": cluster.status,
     "rolling-restart": cluster.rolling_restart}[options.command]()  # fmt: skip


if __name__ == "__main__":
    main()
