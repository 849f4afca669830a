"""Delete messages older than each association's retention (90 days by default).

    python manage.py purge_messages [--dry-run]

Run it daily (cron or a systemd timer).
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from services.models import EncryptedMessage, InboxSettings


def retention_days(association_id, custom):
    return custom.get(association_id, settings.CONTACT_RETENTION_DAYS)


class Command(BaseCommand):
    help = "Delete secure-inbox messages older than their association's retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, do not delete")

    def handle(self, *args, **options):
        today = timezone.localdate()
        custom = dict(InboxSettings.objects.values_list("association_id", "retention_days"))
        expired = []
        associations = EncryptedMessage.objects.values_list("association_id", flat=True)
        for association_id in set(associations):
            cutoff = today - timedelta(days=retention_days(association_id, custom))
            expired.extend(
                EncryptedMessage.objects.filter(
                    association_id=association_id, received_on__lt=cutoff
                ).values_list("pk", flat=True)
            )
        if not options["dry_run"]:
            EncryptedMessage.objects.filter(pk__in=expired).delete()
        verb = "would be deleted" if options["dry_run"] else "deleted"
        self.stdout.write(f"{len(expired)} messages {verb}.")
