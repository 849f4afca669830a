"""The content toolkit: how the site's pages are built from data files.

Each part of the site (the skeleton that `setup_site` makes: the finder, the contact
page, the safe-browsing guidance…; and each part of the demo that `load_demo` adds) is a
`ContentPart`: its prose lives in a TOML file beside its module, read by `ContentData`, and
its `build(home, data)` makes its pages in the default language. The commands build the
parts in order, then translate their pages through wagtail-localize (`translate_page`)
with the translations the data files carry, so that editors see them in the translation
editor like any other. A page that exists is never changed: editors own it.

In a data file a text is a table of language code → text: the Italian goes into the
page, the other languages translate it.

    title.it = "Chi siamo"
    title.en = "About us"
"""

import tomllib
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

# A text made of lines (one item per line) is translated as one segment, its lines
# joined as wagtail-localize shows them.
LINE_BREAK = "<br/>"


class MissingTranslation(LookupError):
    """A source string of the page has no entry in the translations."""


class ContentData:
    """One data file of the site, and the translations of every text in it."""

    def __init__(self, path):
        with open(path, "rb") as file:
            self.content = tomllib.load(file)
        self.translations = {}  # language code -> {Italian text: translated text}
        self._collect(self.content)

    def __getitem__(self, key):
        return self.content[key]

    @property
    def languages(self):
        """The languages this file translates its texts into, in the order it first does."""
        return list(self.translations)

    def text(self, value):
        """The Italian of a text (`{"it": …, "en": …}`)."""
        return value[settings.LANGUAGE_CODE]

    def texts(self, spec, *names):
        """{name: the Italian of `spec[name]`} for the texts `names` of `spec`: page fields."""
        return {name: self.text(spec[name]) for name in names}

    def lines(self, value):
        """The Italian of a text of lines (`{"it": [...], "en": [...]}`), one per line."""
        return "\n".join(value[settings.LANGUAGE_CODE])

    def paragraphs(self, values):
        """HTML paragraphs of the Italian of each text."""
        return paragraphs(*(self.text(value) for value in values))

    def body(self, blocks):
        """StreamField blocks of a page body: heading, paragraph, callout or accordion."""
        return [self._block(spec) for spec in blocks]

    def entry_points(self):
        """{slug: Italian text} of the home-page cards this part asks for."""
        return {
            slug: self.text(value) for slug, value in self.content.get("entry_points", {}).items()
        }

    def _block(self, spec):
        kind = spec["type"]
        if kind == "heading":
            return block(kind, self.text(spec["text"]))
        if kind == "paragraph":
            return block(kind, self.paragraphs(spec["paragraphs"]))
        if kind == "callout":
            value = {"tone": spec["tone"], "title": self.text(spec["title"])}
            return block(kind, {**value, "text": self.paragraphs(spec["paragraphs"])})
        questions = [
            {"question": self.text(item["question"]), "answer": self.paragraphs(item["answer"])}
            for item in spec["questions"]
        ]
        return block(kind, {"questions": list_items(*questions)})

    def _collect(self, node):
        if isinstance(node, list):
            for item in node:
                self._collect(item)
            return
        if not isinstance(node, dict):
            return
        source = node.get(settings.LANGUAGE_CODE)
        if source is None or not set(node) <= set(dict(settings.LANGUAGES)):
            for value in node.values():
                self._collect(value)
            return
        for code, translated in node.items():
            if code == settings.LANGUAGE_CODE:
                continue
            if isinstance(source, list):
                source_text, translated = LINE_BREAK.join(source), LINE_BREAK.join(translated)
            else:
                source_text = source
            self.translations.setdefault(code, {})[source_text] = translated


@dataclass(frozen=True)
class ContentPart:
    """What setup_site and load_demo ask of one part of the site.

    `build(home, data)` makes the part's Italian pages below the home page (or finds
    them in place) and returns them in tree order: they are translated into every
    language of `data`, and the home page gets a card for each one named in the data's
    `entry_points`. `after_sync()` runs once every language's tree is in sync.
    """

    data: ContentData
    build: Callable
    after_sync: Callable | None = None


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def list_items(*values):
    """ListBlock items in Wagtail's block format, with the ids wagtail-localize needs."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def get_or_create_child(parent, model, slug, **fields):
    """The child page with this slug, created and published if it is missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def page_with_body(model, key):
    """A `ContentPart` build: one page of `model` below the home page, from the data's
    table `key` (slug, title, intro and body blocks)."""

    def build(home, data):
        spec = data[key]
        page, _created = get_or_create_child(
            home,
            model,
            spec["slug"],
            **data.texts(spec, "title", "intro"),
            body=data.body(spec["body"]),
        )
        return [page]

    return build


@transaction.atomic
def translate_page(page, locale, translations, fallback=False):
    """Create or update `page`'s translation into `locale`, publish it and return it.

    `translations` maps each source string of the page to its text in `locale`; with
    `fallback`, a string it lacks stays in the source language (the translation editor
    shows it as untranslated), else it is an error in the data.
    """
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if text not in translations:
            if fallback:
                continue
            raise MissingTranslation(f"No {locale.language_code} text for {text!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translations[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation.save_target(publish=True)
    return page.get_translation(locale)


def translate_missing(pages, locale, translations):
    """Translate into `locale` the pages that have no translation there yet (only an
    alias, or nothing); returns how many were translated."""
    translated = 0
    for page in pages:
        existing = page.get_translation_or_none(locale)
        if existing is None or existing.alias_of_id:
            translate_page(page, locale, translations)
            translated += 1
    return translated
