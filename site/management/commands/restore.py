"""`manage.py restore FILE`: a backup archive into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError

from closher.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Load an archive made by `backup` into an empty database on which migrate has run."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the archive made by `manage.py backup`")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{archive}: {manifest['rows']} rows and {manifest['files']} files restored."
        )
