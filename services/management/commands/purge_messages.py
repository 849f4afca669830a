"""Delete messages older than each association's retention (90 days by default).

    python manage.py purge_messages [--dry-run]

Run it daily (cron or a systemd timer).
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from services.contact.models import EncryptedMessage, InboxSettings, default_retention_days


class Command(BaseCommand):
    help = "Delete secure-inbox messages older than their association's retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, do not delete")

    def handle(self, *args, **options):
        today = timezone.localdate()
        custom = dict(InboxSettings.objects.values_list("association_id", "retention_days"))
        associations = (
            EncryptedMessage.objects.order_by().values_list("association_id", flat=True).distinct()
        )
        count = 0
        for association_id in associations:
            days = custom.get(association_id, default_retention_days())
            expired = EncryptedMessage.objects.filter(
                association_id=association_id, received_on__lt=today - timedelta(days=days)
            )
            if options["dry_run"]:
                count += expired.count()
            else:
                count += expired.delete()[1].get(EncryptedMessage._meta.label, 0)
        verb = "would be deleted" if options["dry_run"] else "deleted"
        self.stdout.write(f"{count} messages {verb}.")
