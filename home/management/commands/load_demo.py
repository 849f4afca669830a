"""Build (or complete) the demo site: `python manage.py load_demo`. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from directory.demo import DIRECTORY_DEMO
from home.demo import HOME_DEMO, home_page, set_entry_points
from home.demo_safety import SAFE_BROWSING_DEMO
from home.demo_toolkit import translate_missing
from home.locales import ensure_locales
from services.associations.demo import ASSOCIATIONS_DEMO
from services.contact.demo import CONTACT_DEMO
from services.help_points.demo import HELP_POINTS_DEMO
from services.workshops.demo import WORKSHOPS_DEMO

# The parts of the demo (home.demo_toolkit.DemoPart), built in this order; the home
# page's cards follow it.
PARTS = [
    HELP_POINTS_DEMO,
    WORKSHOPS_DEMO,
    CONTACT_DEMO,
    ASSOCIATIONS_DEMO,
    HOME_DEMO,
    SAFE_BROWSING_DEMO,
    DIRECTORY_DEMO,
]


def translations(code):
    """{Italian: text in `code`} from every part's data file."""
    merged = {}
    for part in PARTS:
        merged.update(part.data.translations.get(code, {}))
    return merged


class Command(BaseCommand):
    help = "Load the demo content: Italian pages and their translations into every language."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_locales()
        home = home_page()
        built = [(part, part.build(home, part.data)) for part in PARTS]
        pages = [page for _part, part_pages in built for page in part_pages]
        entry_texts = {}
        for part in PARTS:
            entry_texts.update(part.data.entry_points())
        set_entry_points(home, [p for p in pages if p.depth == home.depth + 1], entry_texts)

        # Every language gets its own translation of each page whose part's data
        # translates it; it replaces the untranslated alias an older demo left there.
        # The rest (the operators' directory) stays an alias of the Italian page.
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        translated = 0
        for locale in Locale.objects.exclude(pk=source.pk):
            code = locale.language_code
            translatable = [
                page
                for part, part_pages in built
                if code in part.data.languages
                for page in part_pages
            ]
            translated += translate_missing([home, *translatable], locale, translations(code))
        for locale in Locale.objects.exclude(pk=source.pk):
            synchronize_tree(source, locale)
        for part in PARTS:
            if part.after_sync is not None:
                part.after_sync()

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(pages) + 1} pages, {translated} page translations "
                f"made, {Locale.objects.count()} languages in sync."
            )
        )
