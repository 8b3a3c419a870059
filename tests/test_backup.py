"""Backups that restore: `innocities backup` and `innocities restore` run as an operator runs them.

The demo is loaded once (in a subprocess, as `innocities load-demo` does it) into a database of its own: a
temporary SQLite file, or a temporary PostgreSQL database when the suite runs on PostgreSQL
(DATABASE_URL=postgres://…); its uploaded files go to a temporary MEDIA_ROOT. The archive is restored into a
fresh empty database and media directory, and every table, row and column and every file byte must come
back. Damaged, hostile and newer archives and another vendor's dump are refused before anything is written
(checked in this process against the test database and storage, and through the console against an empty
site, which stays empty, with a message and no traceback); so is a target that holds data.

The commands run with the development settings (files on disk through the storage API) and their own
in-process cache, so clearing the cache after a restore touches nothing outside the test.
"""

import filecmp
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from innocities.core.backup import storage_files

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
SETTINGS = """from config.settings.local import *  # noqa: F403

# the test's own cache (a restore clears it) and quick password hashing for the demo's people
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LANGUAGE_CODE = "en"  # the console's messages are read in English here
"""
ATTACH = """
import os
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from innocities.accounts.models import User
from innocities.coproduction.actions import attach_file
from innocities.coproduction.models import Activity

activities = list(Activity.objects.order_by("pk")[:2])
user = User.objects.order_by("pk").first()
pdf = b"%PDF-1.7\\n" + os.urandom(700_000) + b"\\n%%EOF\\n"
png = b"\\x89PNG\\r\\n\\x1a\\n" + os.urandom(3_000)
attach_file(activity=activities[0], upload=SimpleUploadedFile("Rapport Østfold.pdf", pdf), user=user)
attach_file(activity=activities[1], upload=SimpleUploadedFile("kart.png", png), user=user)
default_storage.save("notes/Åre møte.txt", ContentFile("Referat från mötet i Åre.\\n".encode()))
"""


# --- databases and commands -----------------------------------------------------------------------


def _server():
    parts = urlsplit(os.environ["DATABASE_URL"])
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": parts.username or "postgres",
        "password": parts.password or None,
    }


def _admin(statement: str) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **_server()) as conn:
        conn.execute(statement)


class Databases:
    """Empty databases made for this module and dropped after it."""

    def __init__(self, folder: Path):
        self.folder, self.made = folder, []

    def new(self, label: str) -> str:
        if not POSTGRES:
            return f"sqlite:///{self.folder / f'{label}.sqlite3'}"
        name = f"innocities_backup_{os.getpid()}_{label}"
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        s = _server()
        password = f":{s['password']}" if s["password"] else ""
        return f"postgresql://{s['user']}{password}@{s['host']}:{s['port']}/{name}"

    def drop(self):
        for name in self.made:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Site:
    """One installation: a database and a media directory, driven through the console command."""

    def __init__(self, folder: Path, url: str, media: Path):
        self.folder, self.url, self.media = folder, url, media
        media.mkdir(parents=True, exist_ok=True)

    def run(self, *args, check=True) -> subprocess.CompletedProcess:
        env = {
            k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "BACKUP_DIR", "TEST_SQLITE_FILE"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="backup_settings",
            PYTHONPATH=os.pathsep.join([str(self.folder), str(ROOT), env.get("PYTHONPATH", "")]),
            DATABASE_URL=self.url,
            MEDIA_ROOT=str(self.media),
            FILE_STORAGE="filesystem",
            TASKS_BACKEND="immediate",
        )
        result = subprocess.run(
            [sys.executable, "-m", "innocities.cli", *args],
            cwd=self.folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if check and result.returncode:
            pytest.fail(f"innocities {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def restore(self, archive: Path) -> subprocess.CompletedProcess:
        return self.run("restore", str(archive), "--yes", check=False)


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    folder = tmp_path_factory.mktemp("backup")
    (folder / "backup_settings.py").write_text(SETTINGS, encoding="utf-8")
    databases = Databases(folder)
    yield folder, databases
    databases.drop()


@pytest.fixture(scope="module")
def source(place):
    """The demo with three uploaded files, and its backup."""
    folder, databases = place
    site = Site(folder, databases.new("source"), folder / "media-source")
    site.run("migrate", "--verbosity=0")
    site.run("load-demo")
    site.run("shell", "-c", ATTACH)
    out = site.run("backup", "--output", str(folder)).stdout
    archives = list(folder.glob("innocities-backup-*.tar"))
    assert len(archives) == 1 and str(archives[0]) in out and "3 files" in out, out
    site.archive = archives[0]
    return site


@pytest.fixture(scope="module")
def restored(place, source):
    folder, databases = place
    site = Site(folder, databases.new("target"), folder / "media-target")
    result = site.restore(source.archive)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Restored" in result.stdout and "3 files" in result.stdout
    return site


@pytest.fixture
def empty(place, request):
    """A fresh empty database and media directory, checked to be still empty after the test."""
    folder, databases = place
    label = f"empty{request.node.callspec.id if hasattr(request.node, 'callspec') else ''}"
    label = "".join(c for c in label if c.isalnum()).lower()[:30]
    site = Site(folder, databases.new(label), folder / f"media-{label}")
    yield site
    assert tables(site.url) == {}, "a refused restore must leave the database empty"
    assert not any(site.media.rglob("*")), "a refused restore must leave the storage empty"


# --- reading a database as it is ------------------------------------------------------------------


def tables(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, ordered by primary key (or by every column where there is none)."""
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            return {}
        conn = sqlite3.connect(path)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if not names:
                return {}
            result = {}
            for name in sorted(names):
                pk = [
                    r[1]
                    for r in sorted(conn.execute(f'PRAGMA table_info("{name}")'), key=lambda r: r[5])
                    if r[5]
                ]
                rows = conn.execute(
                    f'SELECT * FROM "{name}"' + (f' ORDER BY "{pk[0]}"' if len(pk) == 1 else "")
                )
                result[name] = rows.fetchall() if len(pk) == 1 else sorted(rows.fetchall(), key=repr)
            result["(schema)"] = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
            return result
        finally:
            conn.close()
    parts = urlsplit(url)
    with psycopg.connect(dbname=parts.path.lstrip("/"), **_server()) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                "AND table_type = 'BASE TABLE'"
            )
        ]
        result = {}
        for name in sorted(names):
            pk = [
                r[0]
                for r in conn.execute(
                    "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                    "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
                    [f'"{name}"'],
                )
            ]
            order = " ORDER BY " + ", ".join(f'"{c}"' for c in pk) if pk else ""
            rows = conn.execute(f'SELECT * FROM "{name}"{order}').fetchall()
            result[name] = rows if pk else sorted(rows, key=repr)
        if names:
            result["(sequences)"] = sorted(
                conn.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
            )
        return result


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


# --- the round trip -------------------------------------------------------------------------------


def test_a_backup_of_the_demo_restores_every_row_and_every_file(source, restored):
    before, after = tables(source.url), tables(restored.url)
    assert sum(len(rows) for rows in before.values()) > 5000, "the demo was loaded"
    assert set(before) == set(after)
    for name in before:
        assert before[name] == after[name], f"table {name} differs after the restore"
    names = files(source.media)
    assert len(names) == 3 and "notes/Åre møte.txt" in names
    assert files(restored.media) == names
    for name in names:
        assert filecmp.cmp(source.media / name, restored.media / name, shallow=False), name


def test_the_manifest_names_the_schema_and_every_file_with_its_checksum(source):
    with tarfile.open(source.archive) as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        members = {m.name: m for m in archive.getmembers()}
        for entry in manifest["files"]:
            data = archive.extractfile(entry["path"]).read()
            assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"])
    assert manifest["format_version"] == 1 and manifest["created_at"].endswith("Z")
    assert manifest["database"]["vendor"] == ("postgresql" if POSTGRES else "sqlite")
    assert manifest["schema"]["pipeline"] == manifest["migrations"]["pipeline"][-1]
    assert {"accounts", "pipeline", "coproduction", "contenttypes"} <= set(manifest["schema"])
    assert set(members) == {e["path"] for e in manifest["files"]} | {"manifest.json"}
    assert sum(1 for name in members if name.startswith("media/attachments/")) == 2


def test_restoring_over_a_database_that_holds_data_is_refused(source, restored, place):
    folder, _ = place
    before = tables(restored.url)
    result = restored.restore(source.archive)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is not empty" in result.stderr and (
        "sqlite:////path" in result.stderr or "createdb" in result.stderr
    )
    assert tables(restored.url) == before
    # an empty database but a storage that holds files: refused as well, nothing written
    fresh = Site(folder, place[1].new("filled"), restored.media)
    result = fresh.restore(source.archive)
    assert result.returncode == 1 and "already holds 3 files" in result.stderr
    assert tables(fresh.url) == {}


# --- archives that must be refused ----------------------------------------------------------------


def rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of the archive with its members passed through `change(name, data) -> [(name, data)]`."""
    with tarfile.open(archive) as old, tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as new:
        for member in old.getmembers():
            for name, data in change(member.name, old.extractfile(member).read()):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))
    return target


def flip_a_byte(archive: Path, target: Path) -> Path:
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".png"))
    data = bytearray(archive.read_bytes())
    data[member.offset_data + 100] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def _manifest(change):
    def rewrite_manifest(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            change(manifest)
            data = json.dumps(manifest).encode()
        return [(name, data)]

    return rewrite_manifest


def _future(manifest):
    manifest["schema"]["pipeline"] = "9999_from_the_future"
    manifest["migrations"]["pipeline"].append("9999_from_the_future")


OTHER = ("sqlite", "database/sqlite3.db") if POSTGRES else ("postgresql", "database/postgresql.dump")


def _other_vendor(name, data):
    """The archive as if another vendor's database had made it: manifest and member renamed."""
    if name.startswith("database/"):
        return [(OTHER[1], data)]
    if name == "manifest.json":
        manifest = json.loads(data)
        old = manifest["database"]["path"]
        manifest["database"] = {"vendor": OTHER[0], "path": OTHER[1]}
        for entry in manifest["files"]:
            if entry["path"] == old:
                entry["path"] = OTHER[1]
        data = json.dumps(manifest).encode()
    return [(name, data)]


DAMAGED = {
    "flipped": (flip_a_byte, [".png does not match its sha256"]),
    "missing": (
        lambda a, t: rewrite(a, t, lambda n, d: [] if n.startswith("media/notes/") else [(n, d)]),
        ["media/notes/Åre møte.txt is listed in the manifest but missing"],
    ),
    "extra": (
        lambda a, t: rewrite(
            a, t, lambda n, d: [(n, d)] + ([("media/extra.txt", b"x")] if n == "manifest.json" else [])
        ),
        ["media/extra.txt is in the archive but not in the manifest"],
    ),
    "dotdot": (
        lambda a, t: rewrite(
            a, t, lambda n, d: [("../" + n, d)] if n.startswith("media/notes/") else [(n, d)]
        ),
        ["named outside the archive", "../media/notes"],
    ),
    "nomanifest": (
        lambda a, t: rewrite(a, t, lambda n, d: [] if n == "manifest.json" else [(n, d)]),
        ["manifest.json is missing"],
    ),
    "notjson": (
        lambda a, t: rewrite(a, t, lambda n, d: [(n, d[:-10] if n == "manifest.json" else d)]),
        ["manifest.json cannot be read"],
    ),
    "newer": (
        lambda a, t: rewrite(a, t, _manifest(_future)),
        ["made by a newer InnoCities", "pipeline.9999_from_the_future", "Upgrade InnoCities first"],
    ),
    "vendor": (
        lambda a, t: rewrite(a, t, _other_vendor),
        ["needs the same database"],
    ),
}


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_a_damaged_hostile_or_newer_archive_is_refused_and_changes_nothing(damage, source, place, db):
    """In this process, against the test database and storage: refused before anything is written."""
    make, expected = DAMAGED[damage]
    archive = make(source.archive, place[0] / f"{damage}.tar")
    if not default_storage.exists("kept.txt"):
        default_storage.save("kept.txt", ContentFile(b"kept"))
    before, stored = _counts(), storage_files()
    with pytest.raises(CommandError) as refusal:
        call_command("restore", str(archive), "--yes")
    for text in expected:
        assert text in str(refusal.value), str(refusal.value)
    if damage not in {"newer", "vendor"}:
        assert "nothing was changed" in str(refusal.value)
    assert _counts() == before
    assert storage_files() == stored


@pytest.mark.parametrize("damage", ["flipped", "dotdot"])
def test_the_console_refuses_a_damaged_archive_with_a_message_and_leaves_an_empty_site_empty(
    damage, source, empty, place
):
    make, expected = DAMAGED[damage]
    archive = make(source.archive, place[0] / f"console-{damage}.tar")
    result = empty.restore(archive)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and result.stderr.startswith("CommandError: ")
    assert all(text in result.stderr for text in expected), result.stderr


def test_a_backup_never_overwrites_a_file(source):
    result = source.run("backup", "--output", str(source.archive), check=False)
    assert result.returncode == 1 and "exists already" in result.stderr and "Traceback" not in result.stderr
