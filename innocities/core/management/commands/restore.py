"""`innocities restore ARCHIVE [--yes]`: an archive made by `innocities backup` into an EMPTY database and
file storage. The archive is checked completely first; any refusal changes nothing.

What is checked and in which order: innocities/core/backup.py; how to use it: docs/operations.md.
"""

from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _

from innocities.core.backup import BackupError, human_size, restore_backup


class Command(BaseCommand):
    help = _(
        "Restore an archive made by `innocities backup` into an empty database and an empty file storage, "
        "then migrate and clear the cache."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="ARCHIVE", help=_("the .tar archive to restore"))
        parser.add_argument(
            "--yes",
            action="store_true",
            help=_("do not ask before restoring (an archive is still never restored over data)"),
        )

    def handle(self, *args, **options):
        confirm = (lambda question: True) if options["yes"] else self._ask
        try:
            summary = restore_backup(options["archive"], confirm=confirm, report=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if "Applying" in summary.migrate_output or options["verbosity"] > 1:
            self.stdout.write(summary.migrate_output.rstrip())
        media = summary.media
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored %(path)s in %(seconds).2f s: the %(vendor)s database (%(db)s) and %(count)s "
                    "files (%(media)s)."
                )
                % {
                    "path": summary.path,
                    "seconds": summary.seconds,
                    "vendor": summary.manifest["database"]["vendor"],
                    "db": human_size(summary.database["size"]),
                    "count": len(media),
                    "media": human_size(sum(entry["size"] for entry in media)),
                }
            )
        )

    def _ask(self, question: str) -> bool:
        self.stdout.write(question)
        try:
            answer = input(_("Type yes to restore: "))
        except EOFError:
            raise CommandError(
                _("Nothing was restored: no answer (pass --yes to restore without being asked).")
            ) from None
        return answer.strip().lower() in {"yes", "y", _("yes")}
