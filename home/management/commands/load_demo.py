"""Build (or complete) the demo site: `python manage.py load_demo`. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from directory import demo as directory_demo
from home import demo as home_demo
from home import demo_safety
from home.locales import ensure_locales
from home.translation import Glossary, translate_page
from services.associations import demo as services_demo
from services.contact import demo as demo_contact
from services.help_points import demo as demo_help_points
from services.workshops import demo as demo_workshops

# Each loader builds its Italian pages below the home page and returns them in tree
# order; it has a glossary `T` with their English text and `ENTRY_POINT_TEXTS` for
# the home page's cards. Order here is the order of the cards. A loader may also have
# `EXTRA_TRANSLATIONS` ({language code: Glossary}) to translate its pages into more
# languages than English, and `after_sync()`, run once every language is in sync.
LOADERS = [
    demo_help_points,
    demo_workshops,
    demo_contact,
    services_demo,
    home_demo,
    demo_safety,
    directory_demo,
]
TRANSLATED_LANGUAGE = "en"


def translate_missing(pages, locale, glossary):
    """Translate into `locale` the pages that have no translation there yet (only an
    alias, or nothing); returns how many were translated."""
    translated = 0
    for page in pages:
        existing = page.get_translation_or_none(locale)
        if existing is None or existing.alias_of_id:
            translate_page(page, locale, glossary)
            translated += 1
    return translated


class Command(BaseCommand):
    help = "Load the demo content (Italian, with English translations; other languages synced)."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_locales()
        home = home_demo.home_page()
        pages = []
        glossary = Glossary()
        entry_texts = {}
        loaded = {}
        for loader in LOADERS:
            loaded[loader] = loader.load(home)
            pages.extend(loaded[loader])
            glossary.entries.update(loader.T.entries)
            entry_texts.update(loader.ENTRY_POINT_TEXTS)
        glossary.entries.update(home_demo.T.entries)
        home_demo.set_entry_points(
            home, [p for p in pages if p.depth == home.depth + 1], entry_texts
        )

        english = Locale.objects.get(language_code=TRANSLATED_LANGUAGE)
        translated = translate_missing([home, *pages], english, glossary)

        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        for locale in Locale.objects.exclude(pk=source.pk):
            synchronize_tree(source, locale)
        for loader, loader_pages in loaded.items():
            for code, extra_glossary in getattr(loader, "EXTRA_TRANSLATIONS", {}).items():
                locale = Locale.objects.get(language_code=code)
                translate_missing(loader_pages, locale, extra_glossary)
        for loader in LOADERS:
            if hasattr(loader, "after_sync"):
                loader.after_sync()

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(pages) + 1} pages, {translated} newly translated "
                f"into {TRANSLATED_LANGUAGE}, {Locale.objects.count()} languages in sync."
            )
        )
