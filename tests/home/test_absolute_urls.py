"""Absolute URLs point to the scheme, host and port that served them (home/models.py,
BasePage.get_url_parts): the demo on a port of its own, a proxy's host name."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8123"
BASE = f"http://{HOST}/"


def get(client, url):
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200, url
    return response


def test_the_apis_give_urls_on_the_host_that_served_them(demo, client):
    help_points = get(client, "/api/help-points/?lang=en").json()["results"]
    assert help_points
    assert all(point["url"].startswith(f"{BASE}en/punti-di-aiuto/") for point in help_points)

    sessions = get(client, "/api/workshops/").json()["results"]
    assert sessions
    for session in sessions:
        assert session["url"].startswith(f"{BASE}it/associazioni/")
        assert session["ics_url"].startswith(f"{BASE}calendar/workshops/")

    services = get(client, "/api/hsds/services?full=true").json()["contents"]
    urls = [service["url"] for service in services if service.get("url")]
    assert urls
    assert all(url.startswith(BASE) for url in urls)


def test_calendar_feeds_link_to_the_host_that_served_them(demo, client):
    feed = get(client, "/calendar/workshops.ics?lang=fr").content.decode().replace("\r\n ", "")
    urls = [line.split(":", 1)[1] for line in feed.splitlines() if line.startswith("URL")]
    assert urls
    assert all(url.startswith(f"{BASE}fr/associazioni/") for url in urls)


def test_the_sitemap_lists_pages_on_the_host_that_served_it(demo, client):
    sitemap = get(client, "/it/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{BASE}it/trova-aiuto/" in locations
    assert all(location.startswith(BASE) for location in locations)


def test_json_ld_names_the_page_on_the_host_that_served_it(demo, client):
    for path in [
        "/it/punti-di-aiuto/sportello-budrio/",
        "/it/associazioni/mondodonna/mindfulness/",
    ]:
        page = BeautifulSoup(get(client, path).content, "html.parser")
        data = json.loads(page.select_one('script[type="application/ld+json"]').string)
        assert f"{BASE}" in json.dumps(data), path
        assert "http://localhost/" not in json.dumps(data), path


def test_behind_a_tls_proxy_urls_are_https_on_the_public_name(demo, client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get(
        "/api/help-points/", HTTP_HOST="rete.example.org", HTTP_X_FORWARDED_PROTO="https"
    )
    assert all(
        point["url"].startswith("https://rete.example.org/it/")
        for point in response.json()["results"]
    )


def test_a_host_this_server_does_not_answer_for_gives_the_site_records_url(
    demo, settings, django_capture_on_commit_callbacks
):
    """Wagtail's own dummy requests (redirects after a slug change) carry the Site record's
    hostname, which need not be an allowed host: the page's URL is then the Site's."""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    page = Page.objects.get(locale__language_code="it", slug="chi-siamo").specific
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST="elsewhere.example")
    request._wagtail_site = site  # what Wagtail's dummy requests carry
    assert page.get_full_url(request) == f"{site.root_url}/it/chi-siamo/"

    page.slug = "chi-siamo-e-come-lavoriamo"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # Wagtail makes the redirect from the old URL

    assert Redirect.objects.filter(redirect_page=page).exists()
