"""The finder's search sent in a request body (JavaScript), the GET form (no JavaScript), the
search box on the home page, and caching: her place is kept by no cache and sent in no URL."""

import logging
import pickle

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from services.models import FinderPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["it", "en", "fr", "ar", "ro", "uk"]


def finder_in(language):
    return FinderPage.objects.live().get(locale__language_code=language)


def post(client, language, **fields):
    return client.post(reverse("finder_results"), {"page": finder_in(language).pk, **fields})


def names(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".help-point__name")]


def test_a_posted_place_finds_the_nearest_in_the_finders_language(demo):
    response = post(Client(), "en", q="Viadana", open="any")
    assert response.status_code == 200
    assert names(response)[0] == "M.I.A. anti-violence centre, Casalmaggiore"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#results-title").get_text(strip=True) == "Nearest to Viadana (MN)"
    assert soup.select_one("html") is None  # a fragment, for finder.js to put in place


def test_posted_coordinates_list_the_nearest_first(demo):
    # Vergato's centre.
    response = post(Client(), "it", lat="44.28", lng="11.11", q="")
    assert names(response)[0] == "Sportello di prossimità di Vergato"


def test_the_posted_results_are_kept_by_no_cache_and_set_no_cookie(demo):
    response = post(Client(), "it", q="Molinella")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control
    assert not response.cookies
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_post_needs_no_csrf_token(demo):
    client = Client(enforce_csrf_checks=True)
    assert post(client, "it", q="Budrio").status_code == 200


def test_an_ambiguous_place_offers_buttons_of_the_form_not_links(demo):
    soup = BeautifulSoup(post(Client(), "it", q="Castro").content, "html.parser")
    buttons = soup.select(".candidates button")
    assert [(b["form"], b["name"], b["value"]) for b in buttons] == [
        ("finder-form", "q", "Castro (BG)"),
        ("finder-form", "q", "Castro (LE)"),
    ]
    assert not soup.select(".candidates a")


def test_bad_input_gets_a_reason_never_a_500(demo):
    client = Client()
    assert client.get(reverse("finder_results")).status_code == 405
    home = Page.objects.get(depth=2, locale__language_code="it")
    for page in ["", "abc", "0", "99999999999", str(home.pk)]:
        response = client.post(reverse("finder_results"), {"page": page, "q": "Budrio"})
        assert response.status_code == 400
        assert b"Unknown finder page." in response.content
    response = post(client, "it", q="x" * 101)
    assert response.status_code == 200
    assert "Il nome del luogo è troppo lungo." in response.content.decode()


def test_an_unknown_place_gives_1522_and_is_never_logged(demo, caplog):
    with caplog.at_level(logging.DEBUG):
        unknown = post(Client(), "it", q="Luogosegretissimo")
        post(Client(), "it", q="Molinella")
    soup = BeautifulSoup(unknown.content, "html.parser")
    assert soup.select_one(".finder-unknown a[href='tel:1522']")
    assert soup.select_one(".finder-unknown a[href^='/it/punti-di-aiuto/']")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Luogosegretissimo" not in logged
    assert "Molinella" not in logged


def test_without_javascript_the_get_form_still_works_and_is_not_kept(demo):
    finder = finder_in("it")
    response = Client().get(finder.url, {"q": "Viadana", "open": "any"})
    assert names(response)[0] == "Centro antiviolenza M.I.A. di Casalmaggiore"
    assert {"no-store", "private"} <= {p.strip() for p in response["Cache-Control"].split(",")}
    form = BeautifulSoup(response.content, "html.parser").select_one("form#finder-form")
    assert form["method"] == "get"
    assert form["action"] == finder.url
    assert form.select_one("input[name=q]")["value"] == "Viadana"


def test_the_home_page_starts_with_the_search_sent_to_the_finder_in_its_language(demo, client):
    for language in LANGUAGES:
        home = Page.objects.get(depth=2, locale__language_code=language)
        soup = BeautifulSoup(client.get(home.url).content, "html.parser")
        main = soup.select_one("main")
        form = main.find(["form", "h1", "p"])
        assert form.name == "form" and form["id"] == "finder-form"  # before any notice or heading
        finder = finder_in(language)
        assert (form["action"], form["method"]) == (finder.url, "get")
        assert form["data-page"] == str(finder.pk)
        assert form["data-results-url"] == reverse("finder_results")
        assert form.select_one("input[name=q]")
        assert form.select_one("[data-finder-locate]")
        assert main.select_one("#finder-results") is not None


@pytest.fixture
def cached(demo, settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["default"].clear()
    return Client()


def stored():
    """Every entry of the page cache, unpickled as far as bytes go."""
    return [pickle.dumps(value) for value in caches["default"]._cache.values()]


def test_the_page_cache_keeps_the_empty_finder_but_never_a_search(
    cached, django_assert_num_queries
):
    finder = finder_in("it")
    cached.get(finder.url)  # the very first view also creates the site's settings row
    cached.get(finder.url)
    with django_assert_num_queries(0):
        assert cached.get(finder.url).status_code == 200  # the finder itself is cached
    before = len(stored())

    cached.get(finder.url, {"q": "Molinella"})
    cached.get(finder.url, {"lat": "44.617", "lng": "11.667"})
    post(cached, "it", q="Molinella")
    post(cached, "it", lat="44.617", lng="11.667")
    cached.post(finder.url, {"q": "Molinella"})

    assert len(stored()) == before
    assert all(b"Molinella" not in entry and b"44.617" not in entry for entry in stored())
