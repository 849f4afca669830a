"""python manage.py import_help_points FILE.json [--dry-run]"""

import json

from django.core.management.base import BaseCommand, CommandError

from services.help_points.importer import RowError, import_rows, validate


class Command(BaseCommand):
    help = (
        "Create or update help points from a JSON file in the API's shape. Every row is "
        "checked first; a file with a bad row imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check only, change nothing.")

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                payload = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        rows, errors = validate(payload)
        if errors:
            for index, reason in errors:
                where = "file" if index is None else f"row {index}"
                self.stderr.write(f"{where}: {reason}")
            raise CommandError(f"{len(errors)} bad row(s): nothing imported.")
        if dry_run:
            self.stdout.write(f"{len(rows)} row(s) are valid (dry run: nothing imported).")
            return
        try:
            created, updated = import_rows(rows)
        except RowError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{created} created, {updated} updated."))
