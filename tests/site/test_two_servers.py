"""Two app servers behind one proxy share one PostgreSQL database and one Redis.

Two `make serve` processes (gunicorn, production settings) on two ports: a page published
while both serve it from the cache is fresh on both at once, the contact form's rate
limit counts what was sent to either, and a staff session opened on one works on the
other. Needs PostgreSQL (a real shared database): it runs in CI's PostgreSQL pass, on a
database of its own, with a redis-server of its own.
"""

import re
import uuid
from urllib.parse import urlsplit

import pytest
import redis
import requests
from django.db import connection

from ..browser.helpers import free_port, totp_code
from .conftest import STAFF
from .served import (
    ProductionServer,
    contact_form,
    copy_of_the_test_database,
    drop_database,
    manage,
    postgresql_pass_only,
    send_message,
    site_environment,
    start_redis,
    stop,
)

pytestmark = [
    postgresql_pass_only,
    pytest.mark.django_db,  # the test database, copied for the servers, must exist
]

HOME = "/it/"
CONTACT = "/it/scrivici/"
NEW_TITLE = "Aiuto vicino a te, subito"
PUBLISH = f"""
from wagtail.models import Page
home = Page.objects.get(depth=2, locale__language_code="it").specific
home.title = {NEW_TITLE!r}
home.save_revision().publish()
"""


@pytest.fixture(scope="module")
def servers(served_archive, tmp_path_factory):
    archive, _identity, totp_secret = served_archive
    tmp_path = tmp_path_factory.mktemp("two-servers")
    redis_port = free_port()
    redis_server = start_redis(redis_port)
    test_database = connection.settings_dict
    url = (
        f"postgres://{test_database['USER'] or 'postgres'}"
        f"{':' + test_database['PASSWORD'] if test_database['PASSWORD'] else ''}"
        f"@{test_database['HOST'] or '127.0.0.1'}:{test_database['PORT'] or 5432}"
        f"/closher_two_{uuid.uuid4().hex[:8]}"
    )
    copy_of_the_test_database(url)
    env = site_environment(
        url, f"redis://127.0.0.1:{redis_port}/0", tmp_path, CONTACT_RATE_LIMIT="2"
    )
    first, second = ProductionServer(env), ProductionServer(env)
    first.prepare_from(archive)
    try:
        first.start()
        second.start()
        yield first, second, env, redis_port, totp_secret
    finally:
        first.stop()
        second.stop()
        stop(redis_server)
        drop_database(url)


def test_a_page_published_is_fresh_on_both_servers_at_once(servers):
    first, second, env, redis_port, _totp = servers
    for server in (first, second, first, second):
        page = requests.get(server.url + HOME, timeout=30)
        assert page.status_code == 200
        assert NEW_TITLE not in page.text
    assert redis.Redis(port=redis_port).keys(":1:page-cache:*")  # both are serving the cache

    manage(env, "shell", "-c", PUBLISH)  # an editor publishes (as through the admin)

    for server in (second, first):
        assert NEW_TITLE in requests.get(server.url + HOME, timeout=30).text


def test_the_rate_limit_counts_what_was_sent_to_either_server(servers):
    first, second, *_ = servers
    form = contact_form(first, CONTACT)

    def send(server):
        return send_message(server, CONTACT, form, "Vorrei parlare con qualcuno.")

    assert [send(first).status_code, send(second).status_code] == [302, 302]
    refused = send(first)
    assert refused.status_code == 429
    assert "Vorrei parlare con qualcuno." in refused.text  # her text is still there
    assert send(second).status_code == 429


def test_a_staff_session_opened_on_one_server_works_on_the_other(servers):
    first, second, _env, _redis, totp_secret = servers
    username, password = STAFF
    cookies = {}

    def step(method, path, **data):
        """One request to the first server, its redirects followed there."""
        while True:
            response = requests.request(
                method,
                first.url + path,
                data=data or None,
                cookies=cookies,
                allow_redirects=False,
                timeout=30,
            )
            cookies.update(response.cookies.get_dict())  # Secure cookies, kept by hand
            if response.status_code not in (301, 302):
                return response
            location = urlsplit(response.headers["Location"])
            method, data = "GET", {}
            path = location.path + (f"?{location.query}" if location.query else "")

    def form_token(response):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1]

    login = step("GET", "/admin/login/")
    second_factor = step(
        "POST",
        "/admin/login/",
        csrfmiddlewaretoken=form_token(login),
        username=username,
        password=password,
        next="/admin/",
    )
    assert "/admin/two-factor/" in second_factor.url
    verified = step(
        "POST",
        urlsplit(second_factor.url).path + "?next=/admin/",
        csrfmiddlewaretoken=form_token(second_factor),
        otp_token=totp_code(totp_secret),
    )
    assert verified.status_code == 200
    assert "/admin/two-factor/" not in verified.url

    admin = requests.get(second.url + "/admin/", cookies=cookies, allow_redirects=False, timeout=30)
    assert admin.status_code == 200
    assert username in admin.text
