"""`innocities backup [--output PATH]`: the database and every uploaded file in one tar archive.

What an archive holds and how it is checked: innocities/core/backup.py; how to use it: docs/operations.md.
"""

from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _

from innocities.core.backup import BackupError, create_backup, human_size


class Command(BaseCommand):
    help = _(
        "Write one archive (.tar) of the database and every uploaded file, with a manifest of checksums. "
        "By default innocities-backup-<UTC time>.tar in BACKUP_DIR or the current directory."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            metavar="PATH",
            help=_(
                "the archive to write, or a directory to write it in (an existing file is never overwritten)"
            ),
        )

    def handle(self, *args, **options):
        try:
            summary = create_backup(options["output"], report=self._report(options["verbosity"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        database, media = summary.database, summary.media
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Wrote %(path)s (%(size)s) in %(seconds).2f s: the %(vendor)s database (%(db)s), "
                    "%(count)s files (%(media)s), schema of %(apps)s apps."
                )
                % {
                    "path": summary.path,
                    "size": human_size(summary.archive_bytes),
                    "seconds": summary.seconds,
                    "vendor": summary.manifest["database"]["vendor"],
                    "db": human_size(database["size"]),
                    "count": len(media),
                    "media": human_size(sum(entry["size"] for entry in media)),
                    "apps": len(summary.manifest["schema"]),
                }
            )
        )

    def _report(self, verbosity):
        return (lambda line: self.stdout.write(line)) if verbosity > 1 else (lambda line: None)
