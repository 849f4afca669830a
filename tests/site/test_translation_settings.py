"""Settings of the translation workflow, read from the environment in site/settings/base.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = """
import django, json
django.setup()
from django.conf import settings
from wagtail_localize.machine_translators import get_machine_translator
translator = get_machine_translator()
print(json.dumps({
    "translator": getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None),
    "endpoint": translator.get_api_endpoint() if translator else None,
    "fallback": settings.UNTRANSLATED_PAGE_FALLBACK,
}))
"""


def settings_with(**env):
    unset = {"DEEPL_API_KEY", "UNTRANSLATED_PAGE_FALLBACK", "DJANGO_SETTINGS_MODULE"}
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "closher.settings.dev", **env},
        capture_output=True,
        text=True,
    )


def test_by_default_no_machine_translation_and_untranslated_pages_show_their_source():
    result = settings_with()

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"translator": None, "endpoint": None, "fallback": {}}


def test_a_deepl_key_turns_on_deepl_in_the_translation_editor():
    result = settings_with(DEEPL_API_KEY="0000-key:fx")

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["translator"] == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "0000-key:fx"},
    }
    assert shown["endpoint"] == "https://api-free.deepl.com/v2/translate"


def test_the_untranslated_page_fallback_is_set_per_language():
    result = settings_with(UNTRANSLATED_PAGE_FALLBACK="fr=parent, ar = source")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["fallback"] == {"fr": "parent", "ar": "source"}


def test_an_unknown_language_or_mode_is_refused_at_start():
    for value in ("de=parent", "fr=home", "fr"):
        result = settings_with(UNTRANSLATED_PAGE_FALLBACK=value)
        assert result.returncode != 0
        assert "UNTRANSLATED_PAGE_FALLBACK" in result.stderr
