"""`manage.py backup --out FILE`: the database, media and private documents in one archive."""

from django.core.management.base import BaseCommand

from closher.backup import write_backup


class Command(BaseCommand):
    help = "Write the database, the media and the private documents to one tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="the archive to write (.tar.gz)")

    def handle(self, *args, out, **options):
        manifest = write_backup(out)
        self.stdout.write(f"{out}: {manifest['rows']} rows, {manifest['files']} files.")
