"""Faults do not take her help away: Redis stopped, PostgreSQL restarted, SMTP down.

The test brings its own services (a redis-server, a PostgreSQL instance made with initdb,
an SMTP server), serves the site from them with gunicorn and the production settings,
runs the task worker as its service unit would (started again when it exits), and stops
each service during a short load on loopback: no 500, no message lost, and the service
is back within seconds. It runs once, in CI's PostgreSQL pass (it copies the migrated
test database into its own instance instead of migrating a new one).
"""

import json
import sys
import time

import psycopg
import pyrage
import pytest
import requests

from ..browser.helpers import free_port
from .served import (
    Load,
    PostgresInstance,
    ProductionServer,
    SmtpSink,
    contact_form,
    copy_of_the_test_database,
    postgresql_pass_only,
    process,
    send_message,
    site_environment,
    start_redis,
    stop,
)

pytestmark = [
    postgresql_pass_only,
    pytest.mark.django_db,  # the test database, copied into the test's own instance
]

PAGES = ["/it/", "/it/punti-di-aiuto/", "/it/scrivici/", "/en/"]
CONTACT = "/it/scrivici/"
LIMIT = 3
# What systemd does for the worker's unit (Restart=always): the worker exits when it
# loses its database connection, and is started again.
WORKER = (
    f"while :; do {sys.executable} manage.py db_worker --interval 0.2 --no-startup-delay; "
    "sleep 1; done"
)


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


class Site:
    def __init__(self, server, database_url, postgres, redis_server, smtp):
        self.server = server
        self.database_url = database_url
        self.postgres = postgres
        self.redis_server = redis_server
        self.smtp = smtp
        self.pages = 0

    def get_page(self):
        self.pages += 1
        path = PAGES[self.pages % len(PAGES)]
        return requests.get(self.server.url + path, timeout=30).status_code

    def query(self, sql):
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(sql).fetchall()

    def execute(self, sql):
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            connection.execute(sql)


@pytest.fixture(scope="module")
def site(served_archive, tmp_path_factory):
    archive, identity, _totp = served_archive
    postgres = PostgresInstance()
    redis_port = free_port()
    redis_server = start_redis(redis_port)
    smtp = SmtpSink()
    smtp.start()
    try:
        postgres.create()
        url = postgres.url("closher")
        copy_of_the_test_database(url)
        env = site_environment(
            url,
            f"redis://127.0.0.1:{redis_port}/0",
            tmp_path_factory.mktemp("faults"),
            CONTACT_RATE_LIMIT=str(LIMIT),
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp.port),
        )
        server = ProductionServer(env)
        server.prepare_from(archive)
        server.start()
        try:
            with process("sh", "-c", WORKER, env=env):
                yield Site(server, url, postgres, redis_server, smtp), identity
        finally:
            server.stop()
    finally:
        smtp.stop()
        stop(redis_server)
        postgres.destroy()


def test_faults_during_a_load_never_give_a_500_nor_lose_a_message(site):
    site, identity = site
    form = contact_form(site.server, CONTACT)
    sent = []

    # Redis stopped: pages served uncached, the rate limit counted in the database.
    with Load(site.get_page) as load:
        time.sleep(1)
        stop(site.redis_server)
        time.sleep(2)
    assert load.statuses
    assert set(load.statuses) == {200}
    statuses = []
    for n in range(LIMIT + 1):
        text = f"Senza Redis {n}"
        statuses.append(send_message(site.server, CONTACT, form, text).status_code)
        sent.append(text)
    assert statuses == [302] * LIMIT + [429]
    del sent[-1]  # refused, with her text kept on the page

    # PostgreSQL restarted: in flight a 503 page at worst, then back without a restart.
    with Load(site.get_page) as load:
        time.sleep(0.5)
        site.postgres.restart()
        restarted = time.monotonic()
        time.sleep(1)
    assert set(load.statuses) <= {200, 503}
    assert wait_until(lambda: site.get_page() == 200, 5)
    back_after = time.monotonic() - restarted
    assert [site.get_page() for _ in range(8)] == [200] * 8
    print(
        f"\nPostgreSQL restart: {load.statuses.count(503)} 503 of {len(load.statuses)}, "
        f"back {back_after:.1f} s after the restart"
    )

    # SMTP down: each message is stored, its notice queued again for later.
    site.smtp.stop()
    for n in range(3):
        text = f"Senza posta {n}"
        client = f"198.51.100.{n + 1}"
        assert send_message(site.server, CONTACT, form, text, client).status_code == 302
        sent.append(text)
    retries = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'"
    assert wait_until(lambda: site.query(retries + " AND run_after > now()")[0][0] >= 3, 15)

    # Later: SMTP is back and the retries come due (as if five minutes had passed).
    site.smtp.start()
    site.execute(
        "UPDATE django_tasks_database_dbtaskresult SET run_after = now() WHERE status = 'READY'"
    )
    unnotified = "SELECT count(*) FROM services_encryptedmessage WHERE NOT notified"
    assert wait_until(lambda: site.query(unnotified)[0][0] == 0, 20)
    assert len(site.smtp.received) >= len(sent)

    stored = site.query("SELECT ciphertext FROM services_encryptedmessage")
    bodies = [json.loads(pyrage.decrypt(bytes(row[0]), [identity]))["message"] for row in stored]
    assert sorted(bodies) == sorted(sent)
