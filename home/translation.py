"""Translate a page through wagtail-localize from a dictionary of source strings.

Used by the demo loaders so that the English demo pages are real wagtail-localize
translations: editors see them in the translation editor like any other.
"""

from django.db import transaction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingDemoTranslation(LookupError):
    """A source string of the page has no entry in the translation dictionary."""


class Glossary:
    """Pairs of (source, translation) collected while the source content is written.

    `glossary("Chi siamo", "About us")` returns the Italian text and remembers
    the English, so content and its translation sit side by side in one place.
    """

    def __init__(self):
        self.entries = {}

    def __call__(self, source, translated):
        self.entries[source] = translated
        return source


@transaction.atomic
def translate_page(page, locale, glossary):
    """Create or update `page`'s translation into `locale`, publish it and return it."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if text not in glossary.entries:
            raise MissingDemoTranslation(f"No {locale.language_code} text for {text!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": glossary.entries[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation.save_target(publish=True)
    return page.get_translation(locale)
