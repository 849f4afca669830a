"""What search engines read: the sitemaps with their alternates, hreflang, descriptions, titles,
and what an untranslated page shows in each fallback mode."""

from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.synctree import create_aliases_for_new_page

from closher.models import NetworkSettings
from home.content import translate_page
from home.models import StandardPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def path_of(url):
    return urlparse(url).path


@pytest.fixture
def section(demo):
    """An Italian page translated into French, with an Italian child nobody translated."""
    home = Page.objects.get(depth=2, locale__language_code="it")
    parent = StandardPage(title="Servizi estivi", slug="servizi-estivi", intro="Cosa offriamo.")
    home.add_child(instance=parent)
    parent.save_revision().publish()
    create_aliases_for_new_page(parent)  # as the admin does: the page in every language
    child = StandardPage(title="Piscina", slug="piscina", intro="Orari della piscina.")
    parent.add_child(instance=child)
    child.save_revision().publish()
    create_aliases_for_new_page(child)
    french = translate_page(
        parent,
        Locale.objects.get(language_code="fr"),
        {"Servizi estivi": "Services d'été", "Cosa offriamo.": "Ce que nous proposons."},
    ).specific
    return parent, child, french


def sitemap(client, language):
    response = client.get(f"/{language}/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
    entries = {}
    for url in root.findall("s:url", NS):
        alternates = {
            link.get("hreflang"): path_of(link.get("href")) for link in url.findall("x:link", NS)
        }
        entries[path_of(url.findtext("s:loc", namespaces=NS))] = alternates
    return entries


def translated_public_pages(language):
    """Paths of the live pages a visitor reads in `language`: no alias of another
    language's page, nothing in the private directory."""
    private = Page.objects.filter(slug="riservato")
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    for directory in private:
        pages = pages.exclude(path__startswith=directory.path)
    return {
        page.url
        for page in pages.select_related("alias_of", "locale")
        if not page.alias_of_id or page.alias_of.locale_id == page.locale_id
    }


def test_the_sitemaps_list_every_page_in_every_language_with_its_alternates(client, section):
    sitemaps = {language: sitemap(client, language) for language in LANGUAGES}

    for language in LANGUAGES:
        assert set(sitemaps[language]) == translated_public_pages(language), language
    assert len(sitemaps["it"]) >= 28
    # Every entry lists each language it exists in (itself included) and x-default, the
    # Italian page; each alternate is listed in its own language's sitemap, pointing back.
    for language, entries in sitemaps.items():
        for path, alternates in entries.items():
            assert alternates[language] == path
            assert alternates["x-default"] == alternates["it"]
            for other, other_path in alternates.items():
                if other != "x-default":
                    assert sitemaps[other][other_path] == alternates
    parent, child, french = section
    assert sitemaps["it"][parent.url]["fr"] == french.url
    assert child.url in sitemaps["it"]
    assert set(sitemaps["it"][child.url]) == {"it", "x-default"}
    assert not any(path.startswith(french.url + "piscina") for path in sitemaps["fr"])


def page_types_in(language):
    """One live public page of each type, in `language`."""
    seen = {}
    for page in Page.objects.live().public().filter(locale__language_code=language, depth__gt=1):
        if page.alias_of_id is None and "/riservato/" not in page.url:
            seen.setdefault(page.specific_class, page)
    return list(seen.values())


def test_every_public_page_type_has_a_description_canonical_and_hreflang_links(client, demo):
    types = page_types_in("it")
    assert len(types) >= 10
    for page in types:
        html = soup(client.get(page.url))
        description = html.select_one('head meta[name="description"]')
        assert description and description["content"].strip(), page.url
        assert path_of(html.select_one('head link[rel="canonical"]')["href"]) == page.url
        hreflang = {
            link["hreflang"]: path_of(link["href"])
            for link in html.select('head link[rel="alternate"][hreflang]')
        }
        assert hreflang["it"] == hreflang["x-default"] == page.url, page.url
        assert urlparse(html.select_one('head link[rel="canonical"]')["href"]).scheme


def test_a_translated_page_links_its_languages_and_describes_itself_in_hers(client, section):
    parent, _child, french = section
    html = soup(client.get(french.url))

    hreflang = {
        link["hreflang"]: path_of(link["href"])
        for link in html.select('head link[rel="alternate"][hreflang]')
    }
    assert hreflang == {"it": parent.url, "fr": french.url, "x-default": parent.url}
    assert html.select_one('meta[name="description"]')["content"] == "Ce que nous proposons."
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True)).network_name
    assert html.title.get_text() == f"Services d'été · {network}"


def test_an_untranslated_page_points_to_its_source_and_describes_the_network_in_her_language(
    client, section
):
    _parent, child, french = section
    html = soup(client.get(french.url + "piscina/"))

    assert path_of(html.select_one('link[rel="canonical"]')["href"]) == child.url
    assert html.select('link[rel="alternate"][hreflang]') == []
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True)).network_name
    with translation.override("fr"):
        expected = translation.gettext(
            "%(network)s: anti-violence associations working together. Find a help point near "
            "you, workshops and a safe way to write to us. In danger, call 1522 or 112."
        ) % {"network": network}
    assert html.select_one('meta[name="description"]')["content"] == expected
    assert expected.startswith(f"{network} : des associations")


def test_by_default_an_untranslated_page_shows_its_source_with_a_notice(client, section):
    _parent, _child, french = section
    response = client.get(french.url + "piscina/")

    assert response.status_code == 200
    assert "Orari della piscina." in response.content.decode()
    assert soup(response).select_one("main .notice")


@override_settings(UNTRANSLATED_PAGE_FALLBACK={"fr": "parent", "ar": "source"})
def test_the_parent_fallback_sends_her_to_the_nearest_translated_parent(client, section):
    _parent, _child, french = section

    response = client.get(french.url + "piscina/")
    assert response.status_code == 302
    assert response["Location"] == french.url
    # A language left on "source" still shows the page with its notice.
    arabic = client.get(french.url.replace("/fr/", "/ar/") + "piscina/")
    assert arabic.status_code == 200
    # Translated pages are served as always.
    assert client.get(french.url).status_code == 200


@override_settings(UNTRANSLATED_PAGE_FALLBACK={"fr": "parent"})
def test_the_parent_fallback_goes_up_past_untranslated_parents(client, section):
    """Neither the French child nor its own child is translated: both go to the section."""
    _parent, child, french = section
    grandchild = StandardPage(title="Corsi di nuoto", slug="corsi", intro="Per tutte.")
    child.add_child(instance=grandchild)
    grandchild.save_revision().publish()
    create_aliases_for_new_page(grandchild)

    for untranslated in ("piscina/", "piscina/corsi/"):
        response = client.get(french.url + untranslated)
        assert response.status_code == 302
        assert response["Location"] == french.url


@pytest.mark.parametrize("language", ["it", "en"])
def test_titles_read_page_then_network_and_the_home_page_names_the_network_in_her_language(
    client, demo, language
):
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True)).network_name
    home = Page.objects.get(depth=2, locale__language_code=language)
    about = Page.objects.get(slug="chi-siamo", locale__language_code=language)

    assert soup(client.get(home.url)).title.get_text() == home.title
    assert soup(client.get(about.url)).title.get_text() == f"{about.title} · {network}"
