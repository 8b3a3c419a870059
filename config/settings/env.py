"""The one place the environment is read. Every variable is listed in .env.example."""

import os
import tempfile
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _read_dotenv() -> None:
    """Load KEY=VALUE lines from .env beside manage.py without overriding the real environment."""
    path = BASE_DIR / ".env"
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


_read_dotenv()


def env_str(name: str, default: str = "") -> str:
    """The variable's value; an empty value counts as unset."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_addresses(name: str) -> list[tuple[str, str]]:
    """``"Name <a@b.example>, Other <c@d.example>"`` as [(name, address), ...], the form Django's ADMINS
    takes; a name with a comma in it goes in quotes. An entry that is no address stops the start-up."""
    pairs = [(n, a) for n, a in getaddresses([os.environ.get(name, "")]) if n or a]
    for display, address in pairs:
        if address.count("@") != 1 or address.startswith("@") or address.endswith("@"):
            raise ImproperlyConfigured(f"{name}: {display or address!r} is not an email address.")
    return pairs


def database(default_sqlite: Path, url: str | None = None) -> dict:
    url = url or os.environ.get("DATABASE_URL") or f"sqlite:///{default_sqlite}"
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"].endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
        options = config.setdefault("OPTIONS", {})
        options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        # SQLite has one writer: a transaction takes the write lock when it begins (IMMEDIATE), and a
        # second writer waits up to 20 s for it instead of failing with "database is locked" midway.
        options["timeout"] = 20
        options["transaction_mode"] = "IMMEDIATE"
        if env_bool("TEST_SQLITE_FILE"):
            # Tests on a file instead of the shared in-memory database, whose table locks fail a
            # concurrent writer at once: tests/test_concurrency.py needs it (twice as slow, so opt-in).
            name = Path(tempfile.gettempdir()) / f"innocities-test-{os.getpid()}.sqlite3"
            config["TEST"] = {"NAME": str(name)}
    return config
