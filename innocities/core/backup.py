"""Back up and restore an installation: the database and every uploaded file in one tar archive.

An archive (`innocities backup`) holds, in this order:

    database/postgresql.dump   `pg_dump --format=custom --no-owner --no-privileges` (PostgreSQL), or
    database/sqlite3.db        a copy made with SQLite's online backup API, safe while the site runs
    media/<name>               every file in the default storage, read through the storage API (so files
                               in S3 are included), under the name the storage gives it
    manifest.json              what is inside: format version, when, which InnoCities, the database vendor,
                               each app's latest applied migration, and every member's size and sha256

A restore (`innocities restore`) reads the whole archive before it changes anything: a member that is
missing, extra, of the wrong size or checksum, or named outside the archive (absolute, `..`, a link) refuses
it. It then refuses an archive from a newer schema, from another database vendor, and a target database or
file storage that is not empty; only then are the files written, the database loaded, `migrate` run (an
archive from an older release is brought up to this one) and the cache cleared.

Files are streamed in blocks: nothing reads a whole database or upload into memory.
"""

import hashlib
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = "innocities-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
DATABASE_MEMBERS = {"postgresql": "database/postgresql.dump", "sqlite": "database/sqlite3.db"}
BLOCK = 1024 * 1024
MANIFEST_LIMIT = 64 * 1024 * 1024  # a manifest larger than this is not one we wrote
# libpq reads these from the environment; the settings' OPTIONS may name them (PGPASSWORD is set apart).
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


class BackupError(Exception):
    """An expected refusal or failure, told to the operator as it is (no traceback)."""


@dataclass
class Summary:
    path: Path
    manifest: dict
    seconds: float = 0.0
    archive_bytes: int = 0
    migrate_output: str = ""
    steps: list[str] = field(default_factory=list)

    @property
    def database(self) -> dict:
        return next(f for f in self.manifest["files"] if f["path"] == self.manifest["database"]["path"])

    @property
    def media(self) -> list[dict]:
        return [f for f in self.manifest["files"] if f["path"].startswith(MEDIA)]


def human_size(size: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return str(size)


def default_archive_name(now: datetime) -> str:
    return f"innocities-backup-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}.tar"


def archive_path(output: str | None, now: datetime) -> Path:
    """Where a backup goes: `output` (a file, or a directory to put the default name in), else
    BACKUP_DIR, else the current directory. An existing file is never overwritten."""
    name = default_archive_name(now)
    if output:
        path = Path(output).expanduser()
        if path.is_dir():
            path = path / name
    else:
        path = Path(getattr(settings, "BACKUP_DIR", "") or ".").expanduser() / name
    if path.exists():
        raise BackupError(_("%(path)s exists already; a backup never overwrites a file.") % {"path": path})
    return path.resolve()


# --- reading what is there ------------------------------------------------------------------------


def storage_files(storage=None, folder: str = "") -> list[str]:
    """Every file name in the storage, sorted; an absent storage directory holds none."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [posixpath.join(folder, name) if folder else name for name in files]
    for sub in folders:
        names.extend(storage_files(storage, posixpath.join(folder, sub) if folder else sub))
    return sorted(names)


def storage_description(storage=None) -> str:
    storage = storage or default_storage
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        prefix = getattr(storage, "location", "")
        return f"s3://{bucket}/{prefix}".rstrip("/")
    location = getattr(storage, "location", None)
    return str(location) if location else type(storage).__name__


def database_description() -> str:
    name = connection.settings_dict["NAME"]
    return f"{connection.vendor} {name}"


def applied_migrations() -> dict[str, list[str]]:
    """Each app's applied migrations in the order they were applied (the last is its schema version)."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    applied: dict[str, list[str]] = {}
    for app, name in recorder.migration_qs.order_by("applied", "id").values_list("app", "name"):
        applied.setdefault(app, []).append(name)
    return dict(sorted(applied.items()))


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this code has, and every one a squashed migration it has replaces."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(tuple(key) for key in getattr(migration, "replaces", []) or [])
    return known


def innocities_version() -> str:
    try:
        return metadata.version("innocities")
    except metadata.PackageNotFoundError:
        return "unknown"


# --- the database ---------------------------------------------------------------------------------


def _vendor() -> str:
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(
            _("Backups support PostgreSQL and SQLite; this database is %(vendor)s.") % {"vendor": vendor}
        )
    return vendor


def libpq_arguments(settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore and their environment: the password only ever in
    PGPASSWORD, never on a command line another user could read in the process list."""
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments.append(f"{option}={settings_dict[key]}")
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in LIBPQ_OPTIONS.items():
        value = (settings_dict.get("OPTIONS") or {}).get(option)
        if value:
            env[variable] = str(value)
    return arguments, env


def _run(program: str, arguments: list[str], env: dict) -> str:
    executable = shutil.which(program)
    if not executable:
        raise BackupError(
            _(
                "%(program)s was not found: install the PostgreSQL client programs of the server's "
                "version (Debian: apt-get install postgresql-client)."
            )
            % {"program": program}
        )
    result = subprocess.run(
        [executable, *arguments], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    if result.returncode:
        raise BackupError(
            _("%(program)s failed (exit status %(status)s): %(error)s")
            % {"program": program, "status": result.returncode, "error": result.stderr.strip()[-2000:]}
        )
    return result.stdout


def dump_database(target: Path) -> None:
    """The live database into the file `target`, consistent while the site keeps running."""
    vendor = _vendor()
    if vendor == "postgresql":
        arguments, env = libpq_arguments(connection.settings_dict)
        _run(
            "pg_dump",
            [
                *arguments,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target}",
                f"--dbname={connection.settings_dict['NAME']}",
            ],
            env,
        )
        return
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        with connection.wrap_database_errors:
            connection.connection.backup(destination)
        # one self-contained file: no write-ahead log beside it
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def load_database(source: Path) -> None:
    """The dumped database into the (empty) settings' database."""
    vendor = _vendor()
    if vendor == "postgresql":
        arguments, env = libpq_arguments(connection.settings_dict)
        connection.close()
        # Everything but the extensions' comments: only an extension's owner may comment on it, and a
        # database owner who is no superuser does not own one that already exists (pg_dump's known snag).
        contents = _run("pg_restore", ["--list", str(source)], env)
        wanted = source.with_name("restore.list")
        wanted.write_text(
            "".join(
                line for line in contents.splitlines(keepends=True) if " COMMENT - EXTENSION " not in line
            ),
            encoding="utf-8",
        )
        _run(
            "pg_restore",
            [
                *arguments,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--use-list={wanted}",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ],
            env,
        )
        return
    connection.ensure_connection()
    target = connection.connection
    origin = sqlite3.connect(source)
    try:
        # a WAL database refuses a backup of another page size; the target is empty, so switch it back
        target.execute("PRAGMA journal_mode=DELETE")
        origin.backup(target)
    finally:
        origin.close()
        connection.close()  # the next connection sets WAL again (the settings' init_command)


# --- writing an archive ---------------------------------------------------------------------------


class _Hashing:
    """A reader that counts and hashes what passes through it (tarfile reads it in blocks)."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        chunk = self.raw.read(size)
        self.sha256.update(chunk)
        self.size += len(chunk)
        return chunk


def _add(archive: tarfile.TarFile, name: str, size: int, reader, mtime: float) -> dict:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(mtime), 0o644
    hashing = _Hashing(reader)
    archive.addfile(info, hashing)
    if hashing.size != size:
        raise BackupError(_("%(name)s changed while it was read.") % {"name": name})
    return {"path": name, "size": size, "sha256": hashing.sha256.hexdigest()}


def create_backup(output: str | None = None, report: Callable[[str], None] = lambda line: None) -> Summary:
    """Write one archive of the database and every stored file; returns what was written.

    The archive is written under a temporary name beside its final one and renamed when complete, so a
    failed backup leaves no archive that looks whole."""
    started = time.monotonic()
    now = datetime.now(UTC)
    path = archive_path(output, now)
    vendor = _vendor()
    path.parent.mkdir(parents=True, exist_ok=True)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": now.isoformat().replace("+00:00", "Z"),
        "innocities_version": innocities_version(),
        "database": {"vendor": vendor, "path": DATABASE_MEMBERS[vendor]},
        "schema": {},
        "migrations": {},
        "storage": storage_description(),
        "files": [],
    }
    partial = path.with_name(f".{path.name}.partial")
    workdir = Path(tempfile.mkdtemp(prefix=".innocities-backup-", dir=path.parent))
    try:
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
            # the schema as the dump has it: read just before the dump starts
            manifest["migrations"] = applied_migrations()
            manifest["schema"] = {app: names[-1] for app, names in manifest["migrations"].items()}
            dump = workdir / "database"
            dump_database(dump)
            report(_("Database (%(vendor)s) dumped.") % {"vendor": vendor})
            with open(dump, "rb") as reader:
                entry = _add(archive, DATABASE_MEMBERS[vendor], dump.stat().st_size, reader, now.timestamp())
            manifest["files"].append(entry)
            dump.unlink()
            for name in storage_files():
                member = MEDIA + name
                if not is_safe_name(member):
                    raise BackupError(
                        _("The storage holds a file with an unsafe name: %(name)s") % {"name": name}
                    )
                with default_storage.open(name, "rb") as reader:
                    size = default_storage.size(name)
                    manifest["files"].append(_add(archive, member, size, reader, now.timestamp()))
            body = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(body), int(now.timestamp()), 0o644
            archive.addfile(info, _BytesReader(body))
        os.replace(partial, path)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(_("The backup could not be written: %(error)s") % {"error": error}) from error
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)
    return Summary(
        path=path, manifest=manifest, seconds=time.monotonic() - started, archive_bytes=path.stat().st_size
    )


class _BytesReader:
    def __init__(self, data: bytes):
        self.data, self.offset = data, 0

    def read(self, size=-1):
        end = len(self.data) if size is None or size < 0 else self.offset + size
        chunk = self.data[self.offset : end]
        self.offset += len(chunk)
        return chunk


# --- reading and checking an archive --------------------------------------------------------------


def is_safe_name(name: str) -> bool:
    """A relative name inside the archive: no absolute path, no `..` or `.` part, no backslash."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    return all(part not in {"", ".", ".."} for part in name.split("/"))


def _problems_in_manifest(manifest) -> list[str]:
    if not isinstance(manifest, dict):
        return [_("manifest.json is not a JSON object")]
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("format_version"), int):
        return [_("manifest.json is not an InnoCities backup manifest")]
    if manifest["format_version"] > FORMAT_VERSION:
        return [
            _("the archive's format version %(version)s was made by a newer InnoCities; upgrade first")
            % {"version": manifest["format_version"]}
        ]
    problems = []
    database = manifest.get("database")
    if not isinstance(database, dict) or database.get("vendor") not in DATABASE_MEMBERS:
        problems.append(_("manifest.json names no database vendor this release can restore"))
    elif database.get("path") != DATABASE_MEMBERS[database["vendor"]]:
        problems.append(_("manifest.json names no database file"))
    migrations = manifest.get("migrations", {})
    schema = manifest.get("schema")
    if not isinstance(schema, dict) or not all(isinstance(v, str) for v in schema.values()):
        problems.append(_("manifest.json has no schema version"))
    if not isinstance(migrations, dict) or not all(
        isinstance(names, list) and all(isinstance(n, str) for n in names) for names in migrations.values()
    ):
        problems.append(_("manifest.json lists migrations wrongly"))
    files = manifest.get("files")
    if not isinstance(files, list):
        return [*problems, _("manifest.json lists no files")]
    seen = set()
    for entry in files:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("size"), int)
            and entry["size"] >= 0
            and isinstance(entry.get("sha256"), str)
            and len(entry["sha256"]) == 64
        ):
            problems.append(
                _("manifest.json has a file entry without path, size and sha256: %(entry)r")
                % {"entry": entry}
            )
            continue
        path = entry["path"]
        if not is_safe_name(path) or not (path.startswith(MEDIA) or path in DATABASE_MEMBERS.values()):
            problems.append(_("manifest.json lists a file outside the archive: %(path)s") % {"path": path})
        if path in seen:
            problems.append(_("manifest.json lists %(path)s twice") % {"path": path})
        seen.add(path)
    if isinstance(database, dict) and database.get("path") not in seen:
        problems.append(_("manifest.json lists no database file"))
    return problems


def _refuse(path: Path, problems: list[str]) -> None:
    shown = problems[:10]
    more = len(problems) - len(shown)
    lines = "\n".join(f"  - {problem}" for problem in shown)
    if more:
        lines += "\n  - " + _("and %(count)s more") % {"count": more}
    raise BackupError(
        _("The archive %(path)s is damaged or not a backup; nothing was changed:\n%(problems)s")
        % {"path": path, "problems": lines}
    )


def read_archive(path: Path, database_to: Path | None = None) -> dict:
    """Check the archive completely and return its manifest; refuse it (BackupError) naming every
    problem found. With `database_to`, the database member is copied there while it is checked."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("There is no archive at %(path)s.") % {"path": path})
    try:
        with tarfile.open(path, "r:") as archive:
            return _check(path, archive, database_to)
    except (tarfile.TarError, EOFError, OSError, UnicodeError) as error:
        _refuse(path, [_("it cannot be read as a tar archive (%(error)s)") % {"error": error}])


def _check(path: Path, archive: tarfile.TarFile, database_to: Path | None) -> dict:
    members = archive.getmembers()
    problems = []
    by_name: dict[str, tarfile.TarInfo] = {}
    for member in members:
        if not is_safe_name(member.name):
            problems.append(_("a member is named outside the archive: %(name)r") % {"name": member.name})
        elif not member.isreg():
            problems.append(_("%(name)s is not a regular file (a link or device)") % {"name": member.name})
        elif member.name in by_name:
            problems.append(_("%(name)s is in the archive twice") % {"name": member.name})
        else:
            by_name[member.name] = member
    if problems:
        _refuse(path, problems)
    if MANIFEST not in by_name:
        _refuse(path, [_("manifest.json is missing")])
    if by_name[MANIFEST].size > MANIFEST_LIMIT:
        _refuse(path, [_("manifest.json is too large")])
    try:
        manifest = json.loads(archive.extractfile(by_name[MANIFEST]).read().decode("utf-8"))
    except (ValueError, UnicodeError) as error:
        _refuse(path, [_("manifest.json cannot be read (%(error)s)") % {"error": error}])
    problems = _problems_in_manifest(manifest)
    if problems:
        _refuse(path, problems)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    for name in sorted(set(listed) - set(by_name)):
        problems.append(_("%(name)s is listed in the manifest but missing from the archive") % {"name": name})
    for name in sorted(set(by_name) - set(listed) - {MANIFEST}):
        problems.append(_("%(name)s is in the archive but not in the manifest") % {"name": name})
    database = manifest["database"]["path"]
    for name, entry in listed.items():
        member = by_name.get(name)
        if member is None:
            continue
        if member.size != entry["size"]:
            problems.append(
                _("%(name)s has %(actual)s bytes; the manifest says %(listed)s")
                % {"name": name, "actual": member.size, "listed": entry["size"]}
            )
            continue
        copy = open(database_to, "wb") if (name == database and database_to) else None
        try:
            digest = hashlib.sha256()
            reader = archive.extractfile(member)
            while chunk := reader.read(BLOCK):
                digest.update(chunk)
                if copy:
                    copy.write(chunk)
        finally:
            if copy:
                copy.close()
        if digest.hexdigest() != entry["sha256"]:
            problems.append(_("%(name)s does not match its sha256 in the manifest") % {"name": name})
    if problems:
        _refuse(path, problems)
    return manifest


# --- restoring ------------------------------------------------------------------------------------


def check_schema(manifest: dict) -> None:
    """Refuse an archive with a migration this code does not have (made by a newer release)."""
    applied = {(app, name) for app, names in manifest.get("migrations", {}).items() for name in names}
    applied |= set(manifest["schema"].items())
    unknown = sorted(applied - known_migrations())
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:10])
        raise BackupError(
            _(
                "This archive was made by a newer InnoCities (%(version)s): its database has migrations "
                "this code does not know (%(names)s). Upgrade InnoCities first, then restore."
            )
            % {"version": manifest.get("innocities_version", "?"), "names": names}
        )


def check_vendor(manifest: dict) -> None:
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            _(
                "This archive holds a %(archive)s database and this installation runs on %(here)s; a "
                "restore needs the same database. Set DATABASE_URL to an empty %(archive)s database."
            )
            % {"archive": vendor, "here": connection.vendor}
        )


def check_database_empty() -> None:
    """Refuse a target database that has any table: a restore never overwrites or merges data."""
    tables = connection.introspection.table_names()
    if not tables:
        return
    with connection.cursor() as cursor:
        rows = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            count = cursor.fetchone()[0]
            if count:
                rows[table] = count
    if connection.vendor == "postgresql":
        how = _(
            "Make an empty database (createdb --owner=USER NEWNAME, or dropdb and createdb if this one may "
            "go) and point DATABASE_URL at it."
        )
    else:
        how = _("Point DATABASE_URL at an SQLite file that does not exist yet (sqlite:////path/new.sqlite3).")
    held = (
        _("%(count)s of its %(tables)s tables hold rows (e.g. %(examples)s)")
        % {"count": len(rows), "tables": len(tables), "examples": ", ".join(sorted(rows)[:3])}
        if rows
        else _("it has %(tables)s tables (it was migrated)") % {"tables": len(tables)}
    )
    raise BackupError(
        _("The database %(name)s is not empty: %(held)s. A restore only goes into an empty database. %(how)s")
        % {"name": connection.settings_dict["NAME"], "held": held, "how": how}
    )


def check_storage_empty() -> None:
    names = storage_files()
    if names:
        raise BackupError(
            _(
                "The file storage %(storage)s already holds %(count)s files (e.g. %(example)s). A restore "
                "only goes into an empty storage: point MEDIA_ROOT at an empty directory (or S3_PREFIX at an "
                "empty prefix)."
            )
            % {"storage": storage_description(), "count": len(names), "example": names[0]}
        )


def _restore_files(archive_path: Path, manifest: dict, written: list[str]) -> None:
    with tarfile.open(archive_path, "r:") as archive:
        for entry in manifest["files"]:
            if not entry["path"].startswith(MEDIA):
                continue
            name = entry["path"][len(MEDIA) :]
            content = File(archive.extractfile(entry["path"]), name=posixpath.basename(name))
            content.size = entry["size"]
            saved = default_storage.save(name, content)
            written.append(saved)
            if saved != name:
                raise BackupError(
                    _("The storage kept %(name)s as %(saved)s; it was not empty.")
                    % {"name": name, "saved": saved}
                )


def restore_backup(
    path: str | Path,
    confirm: Callable[[str], bool] = lambda question: True,
    report: Callable[[str], None] = lambda line: None,
) -> Summary:
    """Restore an archive into this installation's empty database and storage (see the module's text)."""
    started = time.monotonic()
    path = Path(path).expanduser().resolve()
    workdir = Path(tempfile.mkdtemp(prefix="innocities-restore-"))
    try:
        dump = workdir / "database"
        manifest = read_archive(path, database_to=dump)
        report(
            _("Archive checked: the database and %(count)s files, made %(when)s by InnoCities %(version)s.")
            % {
                "count": len(manifest["files"]) - 1,
                "when": manifest.get("created_at", "?"),
                "version": manifest.get("innocities_version", "?"),
            }
        )
        check_vendor(manifest)
        check_schema(manifest)
        check_database_empty()
        check_storage_empty()
        summary = Summary(path=path, manifest=manifest)
        question = _(
            "Restore %(path)s (made %(when)s) into the database %(database)s and the file storage "
            "%(storage)s?"
        ) % {
            "path": path,
            "when": manifest.get("created_at", "?"),
            "database": database_description(),
            "storage": storage_description(),
        }
        if not confirm(question):
            raise BackupError(_("Nothing was restored."))
        written: list[str] = []
        try:
            _restore_files(path, manifest, written)
            report(_("%(count)s files written to the storage.") % {"count": len(summary.media)})
            load_database(dump)
        except BaseException:
            for name in written:  # the storage was empty: take back what this restore wrote
                default_storage.delete(name)
            raise
        report(_("Database loaded."))
        dump.unlink()
        summary.migrate_output = _migrate()
        cache.clear()
        report(_("Cache cleared."))
    except (OSError, tarfile.TarError) as error:
        raise BackupError(_("The restore failed: %(error)s") % {"error": error}) from error
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    summary.seconds = time.monotonic() - started
    summary.archive_bytes = path.stat().st_size
    return summary


def _migrate() -> str:
    """Bring an archive from an older release up to this code's schema (nothing to do for this one's)."""
    out = io.StringIO()
    call_command("migrate", interactive=False, verbosity=1, stdout=out)
    return out.getvalue()
