"""Add an age public key to an association's inbox.

    python manage.py set_inbox_key mondodonna age1… [--recovery] [--retire-others]

Only public keys are accepted: anything that looks like a private key is refused. This
is the only way to retire a recovery key (the admin refuses): add the new one with
`--recovery --retire-others`. Every key added or retired is recorded in the audit log
and announced by email to the inbox members and the association, as from the admin.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from services.associations.models import AssociationPage
from services.contact.encryption import InvalidRecipient, parse_recipient
from services.contact.keys import add_key, retire_key
from services.contact.models import InboxKey


def association_by_slug(slug):
    association = AssociationPage.objects.filter(
        slug=slug, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if association is None:
        raise CommandError(f"No association with the slug {slug!r}.")
    return association


class Command(BaseCommand):
    help = "Add an age public key (age1…) to an association's secure inbox."

    def add_arguments(self, parser):
        parser.add_argument("association", help="the association's slug, e.g. mondodonna")
        parser.add_argument("recipient", help="the age public key, starting with age1")
        parser.add_argument(
            "--recovery", action="store_true", help="an offline recovery key, not a working one"
        )
        parser.add_argument(
            "--retire-others",
            action="store_true",
            help="retire the association's other active keys of the same kind "
            "(with --recovery: the old recovery keys)",
        )

    def handle(self, *args, **options):
        association = association_by_slug(options["association"])
        try:
            recipient = parse_recipient(options["recipient"])
        except InvalidRecipient as error:
            raise CommandError(str(error)) from None
        kind = InboxKey.Kind.RECOVERY if options["recovery"] else InboxKey.Kind.WORKING
        key = InboxKey.objects.filter(recipient=recipient).first()
        if key is not None and key.association_id != association.pk:
            raise CommandError("This public key belongs to another association's inbox.")
        if key is not None and key.retired_at is not None:
            raise CommandError("This public key has been retired: make a new key.")
        if key is not None and key.kind != kind:
            raise CommandError(f"This public key is already the inbox's {key.get_kind_display()}.")
        if key is None:
            key = add_key(association, recipient, kind)
            self.stdout.write(f"Added {self.describe(key)} for {association}.")
        else:
            self.stdout.write(f"Already present: {self.describe(key)} for {association}.")
        if options["retire_others"]:
            others = InboxKey.objects.active().filter(association=association, kind=kind)
            for other in others.exclude(pk=key.pk):
                retire_key(other)
                self.stdout.write(f"Retired {self.describe(other)}.")

    def describe(self, key):
        return f"{key.get_kind_display().lower()} {key.fingerprint}"
