"""The shared page cache: what a crowd reads comes from it, and never anything private."""

import datetime as dt
import json
import time
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from closher.models import NetworkSettings
from services.help_points import hours
from services.models import HelpPointPage


@pytest.fixture
def cached(demo, settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["default"].clear()
    return Client()


def home_url():
    return Page.objects.get(depth=2, locale__language_code="it").url


def test_a_second_visit_is_served_without_touching_the_database(cached, django_assert_num_queries):
    url = home_url()
    cached.get(url)  # the very first view also creates the site's settings row
    first = cached.get(url)
    with django_assert_num_queries(0):
        second = cached.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert "private" in second["Cache-Control"]  # her browser and proxies still keep nothing


def test_a_publish_is_visible_at_once(cached):
    cached.get(home_url())
    page = Page.objects.get(depth=2, locale__language_code="it").specific
    page.title = "Aiuto vicino a te, subito"
    page.save_revision().publish()
    assert "Aiuto vicino a te, subito" in cached.get(home_url()).content.decode()


def test_a_settings_change_is_visible_at_once(cached):
    before = cached.get(home_url()).content.decode()
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    assert network.network_name in before
    network.network_name = "Rete Clos(H)er – nuova"
    network.save()
    assert "Rete Clos(H)er – nuova" in cached.get(home_url()).content.decode()


def test_an_import_is_visible_at_once(cached, tmp_path):
    index = Page.objects.get(slug="punti-di-aiuto", locale__language_code="it")
    assert "Sportello di prova" not in cached.get(index.url).content.decode()
    row = {
        "slug": "sportello-di-prova",
        "name": "Sportello di prova",
        "association": {"slug": "mondodonna"},
        "kind": "desk",
        "address_visibility": "hidden",
        "comune": "Medicina",
    }
    source = tmp_path / "help-points.json"
    source.write_text(json.dumps({"help_points": [row]}))
    call_command("import_help_points", str(source), stdout=StringIO())
    assert "Sportello di prova" in cached.get(index.url).content.decode()


def test_an_open_now_page_changes_at_the_next_opening_change(cached, monkeypatch):
    page = (
        HelpPointPage.objects.filter(locale__language_code="it").exclude(opening_rules=None).first()
    )
    change = page.opening_hours().status(hours.now()).next_change
    frozen = {"now": change.astimezone(dt.UTC) - dt.timedelta(seconds=2)}
    monkeypatch.setattr(hours, "now", lambda: frozen["now"])
    monkeypatch.setattr(timezone, "now", lambda: frozen["now"])

    before = cached.get(page.url).content.decode()
    frozen["now"] += dt.timedelta(seconds=3)
    time.sleep(2.1)  # the entry lived until the change, in real seconds too
    after = cached.get(page.url).content.decode()
    status = page.opening_hours().status(frozen["now"]).message
    assert status in after
    assert before != after


def test_a_page_with_a_form_token_is_never_stored(cached):
    contact = Page.objects.get(slug="scrivici", locale__language_code="it")
    first = cached.get(contact.url)
    assert "csrftoken" in first.cookies
    fresh = Client()
    second = fresh.get(contact.url)
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value


def test_a_signed_in_session_never_reads_nor_fills_the_cache(cached, login_as, admin_user):
    staff = login_as(admin_user)
    staff.get(home_url())
    anonymous = Client()
    page = Page.objects.get(depth=2, locale__language_code="it").specific
    Page.objects.filter(pk=page.pk).update(title="Cambiato senza segnali")
    assert "Cambiato senza segnali" in anonymous.get(home_url()).content.decode()


def test_her_place_is_never_a_cache_key(cached):
    finder = Page.objects.get(slug="trova-aiuto", locale__language_code="it")
    cached.get(finder.url, {"near": "Budrio"})
    keys = list(caches["default"]._cache)
    assert all("Budrio" not in str(key) for key in keys)
    response = cached.get(finder.url, {"near": "Budrio"})
    assert response.status_code == 200
    assert len(caches["default"]._cache) == len(keys)  # nothing stored for a place


# --- Remembered fragments: what pages share, with the page cache off ---------------


def test_a_publish_shows_at_once_in_the_remembered_list_of_help_points(demo, client):
    index = Page.objects.get(slug="punti-di-aiuto", locale__language_code="it")
    point = HelpPointPage.objects.filter(locale__language_code="it").first()
    assert point.title in client.get(index.url).content.decode()
    point.title = "Sportello rinominato"
    point.save_revision().publish()
    assert "Sportello rinominato" in client.get(index.url).content.decode()


def test_the_next_workshops_change_when_the_first_one_starts(demo, client, monkeypatch):
    home = Page.objects.get(depth=2, locale__language_code="it")

    def first_session():
        listed = BeautifulSoup(client.get(home.url).content, "html.parser")
        return dt.datetime.fromisoformat(listed.select_one(".upcoming-workshops time")["datetime"])

    first = first_session()
    frozen = {"now": first - dt.timedelta(minutes=1)}
    monkeypatch.setattr(timezone, "now", lambda: frozen["now"])
    assert first_session() == first
    frozen["now"] = first + dt.timedelta(minutes=1)  # no publish: only the clock moved
    assert first_session() > first


def test_a_preview_shows_the_draft_not_the_remembered_page(demo, client, rf):
    point = HelpPointPage.objects.filter(locale__language_code="it").first()
    site_host = {"HTTP_HOST": "localhost"}  # where Wagtail's preview requests come from
    client.get(point.url, **site_host)  # the live page's body is now remembered
    point.title = "Titolo della bozza"
    preview = point.make_preview_request(original_request=rf.get(point.url))

    def heading(content):
        return BeautifulSoup(content, "html.parser").select_one("main h1").get_text()

    assert heading(preview.rendered_content) == "Titolo della bozza"
    assert heading(client.get(point.url, **site_host).content) != "Titolo della bozza"


def test_what_she_searches_for_is_never_remembered(demo, client):
    workshops = Page.objects.get(slug="laboratori", locale__language_code="it")
    index = Page.objects.get(slug="punti-di-aiuto", locale__language_code="it")
    client.get(workshops.url)
    client.get(index.url)  # what everyone sees is remembered now
    before = set(caches["default"]._cache)
    assert client.get(workshops.url, {"comune": "Medicina"}).status_code == 200
    results = client.post(reverse("workshop_results"), {"page": workshops.pk, "comune": "Medicina"})
    assert results.status_code == 200
    assert client.get(index.url, {"language": "ar"}).status_code == 200
    assert set(caches["default"]._cache) == before
