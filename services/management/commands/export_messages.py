"""Write an association's encrypted messages to a folder, one `.age` file each.

    python manage.py export_messages mondodonna --out DIR
    age -d -i KEYFILE DIR/2026-11-23-000042.age

The files are the stored ciphertexts, unchanged: only the association's keys open them.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from services.contact.models import EncryptedMessage

from .set_inbox_key import association_by_slug


class Command(BaseCommand):
    help = "Export an association's encrypted messages as .age files (open them with age -d)."

    def add_arguments(self, parser):
        parser.add_argument("association", help="the association's slug, e.g. mondodonna")
        parser.add_argument("--out", required=True, help="the folder to write to")

    def handle(self, *args, **options):
        association = association_by_slug(options["association"])
        folder = Path(options["out"])
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for message in EncryptedMessage.objects.filter(association=association).order_by("pk"):
            name = f"{message.received_on.isoformat()}-{message.pk:06d}.age"
            (folder / name).write_bytes(bytes(message.ciphertext))
            count += 1
        self.stdout.write(f"{count} messages written to {folder}.")
