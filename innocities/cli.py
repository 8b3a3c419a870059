"""`innocities`: the operator's console command.

innocities setup                      migrate, load reference data and the demo (once), collect static files
innocities serve [--host H --port P]  serve with gunicorn (production server, whitenoise for static files),
                                      with the task worker and the daily scheduler (digests, open data);
                                      --web-only serves pages alone (several app servers: deploy/)
innocities worker                     work the task queue (notifications, emails); survives database restarts
innocities scheduler                  queue the daily jobs once a day across all servers
innocities send-digests               email the daily digests now
innocities load-demo                  load the demo organisations, programmes and projects (idempotent)
innocities create-organisation ...    create an organisation and its first administrator
innocities import-municipalities      load the official Nordic municipality lists
innocities backup [--output PATH]     write the database and every uploaded file to one .tar archive
innocities restore ARCHIVE [--yes]    restore such an archive into an empty database and file storage
innocities <any manage.py command>    e.g. innocities migrate, innocities createsuperuser
"""

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return
    if argv[0] == "serve":
        _serve(argv[1:])
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(["innocities", *argv])


def _background_processes() -> list:
    """The task worker (notifications) and the daily digest, beside the web server."""
    import atexit
    import subprocess

    command = [sys.executable, "-m", "innocities.cli"]
    children = [
        subprocess.Popen([*command, "worker", "--interval", "1"]),
        subprocess.Popen([*command, "scheduler"]),
    ]
    atexit.register(lambda: [child.terminate() for child in children])
    return children


GUNICORN_CONFIG = Path(__file__).resolve().parent.parent / "config" / "gunicorn.py"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]", ""}


def refuse_development_settings(environ) -> str | None:
    """Why these settings must not serve a real site, or None.

    The development settings (`make run`) carry a published fallback key and no HTTPS; the moment a
    site answers other hosts or runs on PostgreSQL it is a deployment, and must use config.settings.prod.
    """
    module = environ.get("DJANGO_SETTINGS_MODULE", "")
    if module.endswith(".test"):
        return "The test settings never serve a site."
    if module.endswith(".local"):
        hosts = {h.strip() for h in environ.get("ALLOWED_HOSTS", "").split(",")}
        if environ.get("DATABASE_URL", "").startswith("postgres") or hosts - LOCAL_HOSTS:
            return (
                "This looks like a deployment (PostgreSQL or public host names) but runs the development "
                "settings: set DJANGO_SETTINGS_MODULE=config.settings.prod."
            )
    return None


def _serve(args: list[str]) -> None:
    import argparse

    from gunicorn.app.wsgiapp import run

    parser = argparse.ArgumentParser(prog="innocities serve")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
    parser.add_argument("--workers", default=os.environ.get("WEB_CONCURRENCY", "3"))
    parser.add_argument("--web-only", action="store_true", help="no task worker or scheduler beside it")
    options = parser.parse_args(args)
    refusal = refuse_development_settings(os.environ)
    if refusal:
        sys.exit(f"innocities serve: {refusal}")
    if os.environ.get("TASKS_BACKEND") != "immediate" and not options.web_only:
        _background_processes()
    sys.argv = [
        "gunicorn",
        "config.wsgi:application",
        "--config",
        str(GUNICORN_CONFIG),
        "--bind",
        f"{options.host}:{options.port}",
        "--workers",
        str(options.workers),
        "--forwarded-allow-ips",
        "127.0.0.1",
    ]
    run()


if __name__ == "__main__":
    main()
