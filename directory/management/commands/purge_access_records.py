"""Delete records of views of confidential resources older than AUDIT_RETENTION_DAYS.

    python manage.py purge_access_records [--dry-run]

Run it daily (cron or a systemd timer), beside purge_messages.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.models import AccessRecord


class Command(BaseCommand):
    help = "Delete audit records of views of confidential resources past their retention."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, do not delete")

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS)
        expired = AccessRecord.objects.filter(viewed_at__lt=cutoff)
        if options["dry_run"]:
            count = expired.count()
            verb = "would be deleted"
        else:
            count, _by_model = expired.delete()
            verb = "deleted"
        self.stdout.write(f"{count} access records {verb}.")
