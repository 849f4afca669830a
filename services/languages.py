"""The languages a help point speaks or a workshop is held in: one list for both.

The site's six languages and others common among the women the network meets, each
with its name written in itself: a help point lists them so, and she finds her own.
"""

from django.utils.translation import get_language_info

# Code (Django's, so that its catalogue names the language) -> name in that language.
LANGUAGE_NAMES = {
    "it": "Italiano",
    "en": "English",
    "fr": "Français",
    "ar": "العربية",
    "ro": "Română",
    "uk": "Українська",
    "es": "Español",
    "de": "Deutsch",
    "pt": "Português",
    "sq": "Shqip",
    "zh-hans": "中文",
    "ru": "Русский",
    "ur": "اردو",
    "bn": "বাংলা",
    "hi": "हिन्दी",
    "pa": "ਪੰਜਾਬੀ",
    "wo": "Wolof",
    "tr": "Türkçe",
    "fa": "فارسی",
    "tl": "Tagalog",
}


def translated_name(code):
    """The language's name in the visitor's language; its own name if Django has none."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return LANGUAGE_NAMES[code]


def language_choices():
    """[(code, name in the visitor's language)], for checkboxes and filters."""
    return [(code, translated_name(code)) for code in LANGUAGE_NAMES]
