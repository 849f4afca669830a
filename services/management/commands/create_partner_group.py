"""`manage.py create_partner_group SLUG`: the partner group of one association."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from services.associations.models import AssociationPage
from services.associations.partners import setup_partner_group


class Command(BaseCommand):
    help = (
        "Create (or complete) the group 'Partner – <association>' whose members publish "
        "workshops in the association's section and edit its help points. Safe to run again; "
        "run it again after adding a help point."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the association page's slug, e.g. mondodonna")
        parser.add_argument(
            "--moderated",
            action="store_true",
            help="members may not publish: their changes go to the moderation workflow",
        )

    def handle(self, *args, slug, moderated, **options):
        association = AssociationPage.objects.filter(
            slug=slug, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if association is None:
            raise CommandError(f"No association page with the slug {slug!r}.")
        group = setup_partner_group(association, moderated=moderated)
        self.stdout.write(
            self.style.SUCCESS(f"{group.name}: add users to this group in Settings → Users.")
        )
