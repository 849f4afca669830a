from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALES = Path(settings.LOCALE_PATHS[0])


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_every_ui_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALES / language / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert len(catalogue) > 50
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_catalogue_is_compiled(language):
    assert (LOCALES / language / "LC_MESSAGES" / "django.mo").exists()
