import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _ in settings.LANGUAGES]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_home_page_has_its_language_direction_and_translated_chrome(client, demo, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = soup(response).html
    assert html["lang"] == language
    assert html["dir"] == ("rtl" if language == "ar" else "ltr")
    with translation.override(language):
        exit_label = translation.gettext("Exit now")
        skip_label = translation.gettext("Skip to main content")
    if language != "en":
        assert exit_label != "Exit now", f"'Exit now' is not translated into {language}"
    page = soup(response)
    assert exit_label in page.select_one(".quick-exit").get_text()
    assert page.select_one(".skip-link").get_text() == skip_label


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.5", "/ar/"),
        ("uk-UA,uk;q=0.9", "/uk/"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("de-DE,de;q=0.9", "/it/"),
        ("", "/it/"),
    ],
)
def test_root_redirects_by_accept_language(client, demo, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Set-Cookie" not in response


def test_language_switcher_names_each_language_in_itself_and_links_the_same_page(client, demo):
    response = client.get("/it/progetti/closher/")

    links = {
        a["hreflang"]: (a.get_text(), a["href"]) for a in soup(response).select("nav.languages a")
    }
    assert links == {
        "it": ("Italiano", "/it/progetti/closher/"),
        "en": ("English", "/en/progetti/closher/"),
        "fr": ("Français", "/fr/progetti/closher/"),
        "ar": ("العربيّة", "/ar/progetti/closher/"),
        "ro": ("Română", "/ro/progetti/closher/"),
        "uk": ("Українська", "/uk/progetti/closher/"),
    }
    for code, (_name, href) in links.items():
        assert client.get(href).status_code == 200, code


@pytest.fixture
def untranslated_page(demo):
    """A new Italian page, not yet translated: an alias of it in every other language."""
    home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    page = StandardPage(title="Novità", slug="novita", intro="Le notizie della rete.")
    home.add_child(instance=page)
    page.save_revision().publish()
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for locale in Locale.objects.exclude(pk=source.pk):
        synchronize_tree(source, locale)
    return page


@pytest.mark.parametrize("language", ["en", "fr", "ar", "ro", "uk"])
def test_untranslated_pages_exist_in_every_language_and_say_so(client, untranslated_page, language):
    response = client.get(f"/{language}/novita/")

    assert response.status_code == 200
    page = soup(response)
    with translation.override(language):
        italian = translation.gettext("Italian")
        notice = translation.gettext(
            "This page has not been translated yet: it is shown in %(language)s."
        ) % {"language": italian}
    assert notice.replace("\xa0", " ") in page.get_text(" ", strip=True).replace("\xa0", " ")
    # The page's own text is marked as Italian; the labels around it stay in hers.
    heading = page.select_one("main h1")
    assert (heading["lang"], heading["dir"], heading.get_text()) == ("it", "ltr", "Novità")
    assert page.select_one("main .lead")["lang"] == "it"
    marked = page.select_one("main .notice").find_parent(lambda tag: tag.has_attr("lang"))
    assert (marked.name, marked["lang"]) == ("html", language)
    assert marked["dir"] == ("rtl" if language == "ar" else "ltr")


def test_translated_pages_do_not_claim_to_be_untranslated(client, demo):
    response = client.get("/en/chi-siamo/")

    page = soup(response)
    assert page.select_one("main [lang]") is None
    assert page.h1.get_text() == "About us"
    assert "Are you in danger right now?" in page.get_text()
