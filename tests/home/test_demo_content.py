import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from home.models import HomePage, ProjectPage
from services.models import AssociationPage

pytestmark = pytest.mark.django_db


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def content_snapshot():
    return sorted(
        (page.locale.language_code, page.url_path, page.title, page.live, bool(page.alias_of_id))
        for page in Page.objects.select_related("locale").filter(depth__gt=1)
    )


def test_load_demo_twice_leaves_the_same_content(demo, django_capture_on_commit_callbacks):
    before = content_snapshot()
    # An older demo left the other languages' pages as untranslated aliases.
    french = Locale.objects.get(language_code="fr")
    contact = Page.objects.get(locale__language_code="it", slug="scrivici")
    contact.get_translation(french).delete()
    contact.copy_for_translation(french, alias=True)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert content_snapshot() == before
    assert Site.objects.count() == 1
    assert contact.get_translation(french).title == "Écrivez-nous"


def test_demo_builds_the_tree_in_every_language(demo):
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    for locale in Locale.objects.all():
        assert HomePage.objects.filter(locale=locale).count() == 1
        assert ProjectPage.objects.filter(locale=locale).count() == 2
        assert AssociationPage.objects.filter(locale=locale).count() == 5
    english = ProjectPage.objects.get(locale__language_code="en", slug="in-rete-per-autonomia")
    assert english.alias_of_id is None
    assert english.title == "Networking for autonomy"
    french = ProjectPage.objects.get(locale__language_code="fr", slug="in-rete-per-autonomia")
    assert french.alias_of_id is None
    assert french.title == "In rete per l'autonomia (En réseau pour l'autonomie)"


def test_every_public_demo_page_is_translated_into_every_language(demo):
    italian = Page.objects.live().public().filter(depth__gt=1, locale__language_code="it")
    for locale in Locale.objects.exclude(language_code="it"):
        for page in italian:
            translated = page.get_translation(locale)
            assert translated.alias_of_id is None, f"{locale}: {page.url_path} is an alias"
            assert translated.live, f"{locale}: {page.url_path} is not live"
            assert Translation.objects.filter(
                source__object_id=page.translation_key, target_locale=locale, enabled=True
            ).exists(), f"{locale}: {page.url_path} is not synced with its source"
    assert italian.count() == 28


def test_closher_project_page_shows_its_seed_facts(client, demo):
    response = client.get("/it/progetti/closher/")

    text = text_of(response)
    assert "Clos(H)er – Strategie di prossimità per il contrasto alla violenza di genere" in text
    assert "2019–2020" in text
    assert "Comuni periferici della Città Metropolitana di Bologna" in text
    assert "Associazione MondoDonna Onlus" in text
    for partner in ["PerLeDonne", "S.O.S. Donna", "L'isola che c'è", "Fondazione del Monte"]:
        assert partner in text
    assert "mindfulness, assertività, musicoterapia" in text


def test_in_rete_project_page_shows_its_seed_facts_in_english(client, demo):
    response = client.get("/en/progetti/in-rete-per-autonomia/")

    text = text_of(response)
    assert "Networking for autonomy" in text
    assert "2022–2024" in text
    assert "€ 29,500" in text
    assert "Casalmaggiore and nearby municipalities (province of Cremona)" in text
    for organisation in [
        "M.I.A. Movimento Incontro Ascolto ODV",
        "Comune di Casalmaggiore",
        "Fondazione Marcegaglia",
    ]:
        assert organisation in text
    assert "Four housing units around a shared courtyard" in text


def test_italian_budget_uses_italian_number_format(client, demo):
    assert "€ 29.500" in text_of(client.get("/it/progetti/in-rete-per-autonomia/"))


def test_home_page_shows_emergency_numbers_and_ways_to_find_help(client, demo):
    response = client.get("/it/")

    page = BeautifulSoup(response.content, "html.parser")
    hrefs = [a["href"] for a in page.select("main a")]
    assert "tel:112" in hrefs
    assert "tel:1522" in hrefs
    cards = [a.select_one(".card__title").get_text() for a in page.select(".cards a.card")]
    assert cards[:1] == ["Trova aiuto vicino a te"]
    assert {"Associazioni", "Chi siamo", "Progetti"} <= set(cards)


def test_invented_data_is_marked_on_the_page(client, demo):
    text = text_of(client.get("/it/associazioni/mia/"))

    assert "Dati di esempio" in text
    assert "M.I.A. Movimento Incontro Ascolto ODV" in text
    assert "tel:+390375000005" in client.get("/it/associazioni/mia/").content.decode()
