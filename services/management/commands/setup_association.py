"""`manage.py setup_association SLUG --name "…"`: one association and its groups."""

from django.core.management.base import BaseCommand, CommandError

from services.associations.roles import NoAssociationsPage, setup_association


class Command(BaseCommand):
    help = (
        "Create the association SLUG (its page in every language) if it is missing, its inbox "
        "settings, and its groups 'Partner – <name>', 'Inbox – <name>' and 'Operators – "
        "<name>' with exactly the permissions of the table in services/associations/roles.py "
        "(anything else given to them by hand is taken away). The first association receives "
        "the contact form's messages that name no association. Safe to run again; run it "
        "again after adding a help point or a housing unit."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the association page's slug, e.g. mondodonna")
        parser.add_argument("--name", help="the association's name (needed to create it)")
        parser.add_argument("--summary", help="one or two sentences on what it does (to create it)")
        parser.add_argument("--based-in", help="the comune where it is based (to create it)")
        parser.add_argument("--legal-name", help="its registered name (default: --name)")
        parser.add_argument("--email", default="", help="its email address")
        parser.add_argument(
            "--moderated",
            action="store_true",
            help="its partners may not publish: their changes go to the moderation workflow "
            "(run again without it to give publishing back)",
        )

    def handle(self, *args, slug, name, moderated, **options):
        fields = {key: options[key] for key in ("summary", "based_in", "legal_name", "email")}
        try:
            association, created, groups = setup_association(slug, name, moderated, **fields)
        except (NoAssociationsPage, ValueError) as error:
            raise CommandError(str(error)) from error
        verb = "Created" if created else "Updated"
        names = ", ".join(f"'{group.name}'" for group in groups.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {association.title}; groups {names}: add users to them in "
                "Settings → Users."
            )
        )
