"""Write an association's encrypted messages to a folder, one `.age` file each.

    python manage.py export_messages mondodonna --out DIR
    age -d -i KEYFILE DIR/2026-11-23-000042.age

The files are the stored ciphertexts, unchanged: only the association's keys open them.
Each opens to a JSON document; its "attachments" hold her photos and documents
(name, type, size and the bytes in base64).

    python manage.py export_messages mondodonna --out DIR --identity KEYFILE

also opens each message with the key file (a passphrase-locked one asks for the
passphrase) and writes, beside its `.age` file, a folder with `message.json` and her
photos and documents as files. The key and the clear text are then on this computer:
do this on the association's own computer, with a copy of the database, never on the
web server.
"""

import base64
import getpass
import json
from pathlib import Path

import pyrage
from django.core.management.base import BaseCommand, CommandError

from services.contact.models import EncryptedMessage

from .set_inbox_key import association_by_slug


def read_identities(path):
    """The X25519 identities in a key file: plain (age-keygen) or locked with a passphrase."""
    data = Path(path).read_bytes()
    if data.startswith((b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE")):
        try:
            data = pyrage.passphrase.decrypt(data, getpass.getpass("Passphrase of the key file: "))
        except pyrage.DecryptError as error:
            raise CommandError("This passphrase does not open the key file.") from error
    lines = [line.strip() for line in data.decode().splitlines()]
    keys = [line for line in lines if line.startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise CommandError("The key file holds no age private key.")
    return [pyrage.x25519.Identity.from_str(key) for key in keys]


def safe_name(index, name):
    """A file name that stays inside the message's folder."""
    base = Path(name or "").name.strip().lstrip(".") or "file"
    return f"{index}-{base}"


def unpack(plaintext, folder):
    """Write one opened message: message.json, and each attachment as its own file."""
    message = json.loads(plaintext)
    folder.mkdir(exist_ok=True)
    attachments = message.pop("attachments", [])
    for index, attachment in enumerate(attachments, start=1):
        name = safe_name(index, attachment.get("name"))
        (folder / name).write_bytes(base64.b64decode(attachment["data"]))
        message.setdefault("files", []).append(name)
    (folder / "message.json").write_text(json.dumps(message, ensure_ascii=False, indent=2))


class Command(BaseCommand):
    help = "Export an association's encrypted messages as .age files (open them with age -d)."

    def add_arguments(self, parser):
        parser.add_argument("association", help="the association's slug, e.g. mondodonna")
        parser.add_argument("--out", required=True, help="the folder to write to")
        parser.add_argument(
            "--identity",
            help="a key file: also write each message opened, with its photos and documents "
            "(on the association's own computer only)",
        )

    def handle(self, *args, **options):
        association = association_by_slug(options["association"])
        identities = read_identities(options["identity"]) if options["identity"] else None
        folder = Path(options["out"])
        folder.mkdir(parents=True, exist_ok=True)
        count = opened = 0
        for message in EncryptedMessage.objects.filter(association=association).order_by("pk"):
            name = f"{message.received_on.isoformat()}-{message.pk:06d}"
            ciphertext = bytes(message.ciphertext)
            (folder / f"{name}.age").write_bytes(ciphertext)
            count += 1
            if identities is not None:
                try:
                    plaintext = pyrage.decrypt(ciphertext, identities)
                except pyrage.DecryptError:
                    continue  # made for another key
                unpack(plaintext, folder / name)
                opened += 1
        self.stdout.write(f"{count} messages written to {folder}.")
        if identities is not None:
            self.stdout.write(f"{opened} opened with the key file.")
