"""Pages in the visitor's language: the translations of Italian pages, in one query."""

from django.conf import settings


def localized_pages(pages, language_code):
    """{translation_key: live page in that language} for `pages` (pages of one type)."""
    if language_code == settings.LANGUAGE_CODE or not pages:
        return {page.translation_key: page for page in pages}
    found = (
        type(pages[0])
        .objects.live()
        .filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=language_code,
        )
    )
    return {page.translation_key: page for page in found}
