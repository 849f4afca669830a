"""The translation-status report: translated, out of date since the source changed, missing."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from home.content import translate_page
from home.models import StandardPage


@pytest.fixture
def editor(demo, login_as):
    user = get_user_model().objects.create_user("translator-editor", password="x" * 20)
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return login_as(user)


@pytest.fixture
def page_with_french(demo):
    """A new Italian page translated into French with wagtail-localize, and nothing else."""
    home = Page.objects.get(depth=2, locale__language_code="it")
    page = StandardPage(title="Orari estivi", slug="orari-estivi", intro="Cosa cambia d'estate.")
    home.add_child(instance=page)
    page.save_revision().publish()
    translate_page(
        page,
        Locale.objects.get(language_code="fr"),
        {"Orari estivi": "Horaires d'été", "Cosa cambia d'estate.": "Ce qui change en été."},
    )
    return page


def statuses(client, title):
    """{language name: status text} of the report's row for the page titled `title`."""
    html = BeautifulSoup(client.get(reverse("translation_status")).content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in html.select("table thead th")]
    for row in html.select("table tbody tr"):
        cells = row.find_all("td")
        if cells[0].get_text(" ", strip=True).startswith(title):
            return {
                heading: cell.find("a").get_text(strip=True)
                for heading, cell in zip(headings[1:], cells[1:], strict=True)
            }
    raise AssertionError(f"{title!r} is not in the report")


def test_editing_the_source_marks_translations_out_of_date_until_synced(editor, page_with_french):
    assert statuses(editor, "Orari estivi")["French"] == "Translated"

    page_with_french.intro = "Cosa cambia d'estate, e da quando."
    page_with_french.save_revision().publish()
    assert statuses(editor, "Orari estivi")["French"] == "Out of date"

    source = TranslationSource.objects.get_for_instance(page_with_french)
    source.update_from_db()  # "Sync translated pages"
    # Synced, the new sentence still waits for its translation.
    assert statuses(editor, "Orari estivi")["French"] == "Out of date"

    translate_page(
        page_with_french,
        Locale.objects.get(language_code="fr"),
        {
            "Orari estivi": "Horaires d'été",
            "Cosa cambia d'estate, e da quando.": "Ce qui change en été, et à partir de quand.",
        },
    )
    assert statuses(editor, "Orari estivi")["French"] == "Translated"


def test_a_language_without_a_translation_shows_as_missing(editor, page_with_french):
    row = statuses(editor, "Orari estivi")
    assert row["French"] == "Translated"
    assert {row[name] for name in ("English", "Arabic", "Romanian", "Ukrainian")} == {"Missing"}


def test_the_report_is_linked_from_the_dashboard_and_the_reports_menu(editor):
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("translation_status") in dashboard
    assert "Translations out of date" in dashboard


def test_confidential_pages_are_not_listed_outside_their_audience(editor):
    html = editor.get(reverse("translation_status")).content.decode()
    confidential = Page.objects.get(slug="riservato", locale__language_code="it")
    assert confidential.title not in html
    assert Page.objects.get(slug="chi-siamo", locale__language_code="it").title in html


def test_each_translation_links_its_po_file_for_outside_translators(editor, page_with_french):
    html = BeautifulSoup(editor.get(reverse("translation_status")).content, "html.parser")
    row = next(tr for tr in html.select("table tbody tr") if "Orari estivi" in tr.get_text())
    links = [a for a in row.find_all("a") if a.get_text(strip=True) == "PO file"]
    assert len(links) == 1  # French only: the other languages have nothing to export yet

    po_file = editor.get(links[0]["href"])
    assert po_file.status_code == 200
    assert 'msgid "Orari estivi"\nmsgstr "Horaires d\'été"' in po_file.content.decode()
