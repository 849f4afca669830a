"""A real network's first setup: `migrate`, `setup_site` and `setup_association` on an empty
database with the production settings, served by gunicorn, without the demo.

Built once for the module (a throwaway SQLite file, or a throwaway PostgreSQL database
when DATABASE_URL points at one), the way the README's "First setup of a real network"
tells an administrator to do it.
"""

import json
import re
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser

import pytest
from django.conf import settings

from tests.browser.helpers import SiteServer, throwaway_database

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Every public page of the skeleton, by its slug (the same in every language).
PUBLIC_PAGES = [
    "",
    "trova-aiuto/",
    "punti-di-aiuto/",
    "laboratori/",
    "scrivici/",
    "associazioni/",
    "associazioni/alfa/",
    "chi-siamo/",
    "navigare-sicura/",
]


class ProductionServer(SiteServer):
    settings = "closher.settings.production"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, host=None):
    """(status, body) of a GET, redirects not followed."""
    request = urllib.request.Request(url, headers={"Host": host} if host else {})  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class MainText(HTMLParser):
    """The `lang` attributes inside <main>, and the <html lang>."""

    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.in_main = 0
        self.main_langs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "main":
            self.in_main += 1
        elif self.in_main and "lang" in attrs:
            self.main_langs.append(attrs["lang"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    with throwaway_database(tmp) as env:
        server = ProductionServer(
            {
                **env,
                "SECRET_KEY": "a-long-random-secret-for-the-first-setup-test-" + "x" * 20,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "RECAPTCHA_PUBLIC_KEY": "public-test-key",
                "RECAPTCHA_PRIVATE_KEY": "private-test-key",
                "SECURE_SSL_REDIRECT": "false",
                "STATIC_ROOT": str(tmp / "static"),
                "TASK_BACKEND": "immediate",
            }
        )
        # Static files are collected while the database is built (the manifest is needed).
        statics = threading.Thread(target=server.manage, args=("collectstatic", "--noinput", "-v0"))
        statics.start()
        server.manage("createcachetable")
        server.manage("migrate", "--noinput")
        server.manage(
            "setup_site",
            "--name",
            "Rete Prova",
            "--hostname",
            "127.0.0.1",
            "--port",
            str(server.port),
        )
        server.manage(
            "setup_association",
            "alfa",
            "--name",
            "Associazione Alfa",
            "--summary",
            "Ascolto e accoglienza per le donne.",
            "--based-in",
            "Bologna",
            "--email",
            "alfa@example.org",
        )
        statics.join()
        server.start()
        try:
            yield server
        finally:
            server.stop()


def test_every_public_page_answers_in_every_language_with_the_exit_and_the_numbers(site):
    for language in LANGUAGES:
        for path in PUBLIC_PAGES:
            status, body = fetch(f"{site.url}/{language}/{path}")
            assert status == 200, (language, path)
            assert 'class="quick-exit' in body, (language, path)
            assert 'href="tel:1522"' in body, (language, path)
            assert 'href="tel:112"' in body, (language, path)
            parsed = MainText()
            parsed.feed(body)
            assert parsed.html_lang == language, (language, path)
            if path != "associazioni/alfa/":  # its summary is the association's own words
                assert set(parsed.main_langs) <= {language}, ("untranslated", language, path)


def test_the_home_page_is_ours_not_wagtails_welcome(site):
    _status, body = fetch(f"{site.url}/it/")
    assert "Welcome to your new Wagtail site" not in body
    assert "Rete Prova" in body
    for slug in ["trova-aiuto", "laboratori", "scrivici", "associazioni", "chi-siamo"]:
        assert f'href="/it/{slug}/"' in body


def test_the_contact_form_goes_to_the_association_set_up(site):
    _status, body = fetch(f"{site.url}/en/scrivici/")
    assert "Associazione Alfa" in body
    routed = site.manage(
        "shell",
        "-c",
        "from services.contact.pages import ContactPage; "
        "from services.contact.routing import route; "
        "page = ContactPage.objects.get(locale__language_code='fr'); "
        "print(route(default=page.default_association).association.slug)",
    )
    assert routed.split()[-1] == "alfa"


def test_the_directory_is_closed_to_the_public(site):
    for language in ("it", "en"):
        status, body = fetch(f"{site.url}/{language}/riservato/")
        assert status == 302, language
        assert "Elenco riservato" not in body
    _status, sitemap = fetch(f"{site.url}/it/sitemap.xml")
    assert "riservato" not in sitemap


def test_nothing_of_the_demo_exists(site):
    _status, body = fetch(f"{site.url}/api/help-points/")
    assert json.loads(body)["results"] == []
    _status, body = fetch(f"{site.url}/api/workshops/")
    assert json.loads(body)["results"] == []
    _status, body = fetch(f"{site.url}/api/hsds/organizations")
    assert [org["name"] for org in json.loads(body)["contents"]] == ["Associazione Alfa"]
    _status, body = fetch(f"{site.url}/it/associazioni/")
    for invented in ["MondoDonna", "M.I.A.", "Dati di esempio"]:
        assert invented not in body


def test_the_sitemap_points_to_the_host_and_port_that_served_it(site):
    port = site.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        _status, sitemap = fetch(f"{site.url}/it/sitemap.xml", host=host)
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert f"http://{host}/it/chi-siamo/" in locations
        assert all(location.startswith(f"http://{host}/") for location in locations)
