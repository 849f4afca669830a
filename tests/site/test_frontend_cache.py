"""A frontend cache in front (Varnish, a CDN) is purged on the page cache's own events.

A tiny local HTTP server stands for Varnish and records the PURGE requests it gets.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from wagtail.models import Page, Site

from closher.models import NetworkSettings


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", PurgeRecorder.purged
    server.shutdown()
    server.server_close()


@pytest.fixture
def committed_demo(demo):
    """The demo (and its settings row) as if committed: their own pending purge would run at
    a commit that never comes in a test."""
    NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    transaction.get_connection().run_on_commit.clear()


@pytest.fixture
def purging(committed_demo, settings, varnish):
    location, purged = varnish
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    return purged


def home(language="it"):
    return Page.objects.get(depth=2, locale__language_code=language).specific


def test_a_publish_purges_the_page_once_committed(purging, django_capture_on_commit_callbacks):
    page = home()
    page.title = "Aiuto vicino a te, subito"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
    assert purging == []  # nothing before the commit: the cache would fetch the old page
    assert len(callbacks) == 1  # one purge for the whole transaction
    callbacks[0]()
    paths = {path for _host, path in purging}
    assert home().url in paths
    assert home("uk").url in paths  # the generation is new for every page: all are purged


def test_a_settings_change_purges_every_public_page(purging, django_capture_on_commit_callbacks):
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    network.network_name = "Rete Clos(H)er – nuova"
    with django_capture_on_commit_callbacks(execute=True):
        network.save()
    paths = {path for _host, path in purging}
    finder = Page.objects.live().get(slug="punti-di-aiuto", locale__language_code="fr")
    assert {home().url, home("ar").url, finder.url} <= paths
    assert all(host == "localhost" for host, _path in purging)


def test_nothing_is_purged_without_a_frontend_cache(
    committed_demo, varnish, django_capture_on_commit_callbacks
):
    _location, purged = varnish
    page = home()
    page.title = "Aiuto vicino a te, subito"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert purged == []
