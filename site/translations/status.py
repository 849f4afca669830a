"""How each page's translations stand against its Italian source: translated, out of date, missing.

A translation made with wagtail-localize is out of date when the source page was published
after its translation source was last synced (`TranslationSource.last_updated_at`, which
"Sync translated pages" sets), or when some of its strings still wait for a translation.
A page translated by hand in Wagtail is out of date when its source was published after it.
A language whose page is still an alias of the source is missing. Pages the user may not
see in the admin (the directory's privacy) are never listed.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from directory.access import visible_pages

TRANSLATED, OUT_OF_DATE, MISSING = "translated", "out_of_date", "missing"
LABELS = {
    TRANSLATED: _("Translated"),
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Missing"),
}


@dataclass
class Cell:
    status: str
    url: str
    reason: str = ""
    po_url: str = ""  # wagtail-localize's PO file of this translation, for outside translators

    @property
    def label(self):
        return LABELS[self.status]


@dataclass
class Row:
    page: Page
    cells: dict = field(default_factory=dict)

    @property
    def title(self):
        return self.page.title


def target_languages():
    """Every language but the source's, in the order of LANGUAGES."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _waiting_for_strings():
    """Per enabled Translation: does a string of its source still lack a translation?"""
    untranslated = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    return Translation.objects.filter(enabled=True).annotate(waiting=Exists(untranslated))


def _cell(source_page, target, sync, translation):
    """The status of one page in one language; `sync` is its TranslationSource or None,
    `translation` the wagtail-localize Translation into that language or None."""
    if target is None or target["alias_of_id"]:
        return Cell(
            MISSING, reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
        )
    edit_url = reverse("wagtailadmin_pages:edit", args=[target["pk"]])
    published = source_page.last_published_at
    if translation is not None:
        po_url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
        if published and published > sync.last_updated_at:
            url = reverse("wagtail_localize:update_translations", args=[sync.pk])
            return Cell(OUT_OF_DATE, url, _("The source changed since the last sync."), po_url)
        if translation.waiting:
            return Cell(OUT_OF_DATE, edit_url, _("Some strings wait for a translation."), po_url)
        return Cell(TRANSLATED, edit_url, po_url=po_url)
    if published and target["last_published_at"] and published > target["last_published_at"]:
        return Cell(OUT_OF_DATE, edit_url, _("The source was published after this translation."))
    return Cell(TRANSLATED, edit_url)


def status_rows(user):
    """One Row per page of the source language that `user` may see, in tree order."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    languages = [code for code in target_languages() if code in locales]
    pages = list(
        visible_pages(
            Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True),
            user,
        ).order_by("path")
    )
    keys = [page.translation_key for page in pages]
    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys)
        .exclude(locale=source_locale)
        .values("pk", "translation_key", "locale_id", "alias_of_id", "last_published_at")
    }
    syncs = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in _waiting_for_strings().filter(source__in=syncs.values())
    }
    rows = []
    for page in pages:
        sync = syncs.get(page.translation_key)
        row = Row(page)
        for code in languages:
            locale_id = locales[code].pk
            row.cells[code] = _cell(
                page,
                targets.get((page.translation_key, locale_id)),
                sync,
                translations.get((sync.pk, locale_id)) if sync else None,
            )
        rows.append(row)
    return rows


def counts(rows):
    """How many (page, language) pairs are out of date and how many are missing."""
    cells = [cell.status for row in rows for cell in row.cells.values()]
    return {OUT_OF_DATE: cells.count(OUT_OF_DATE), MISSING: cells.count(MISSING)}
