"""Load benchmark of the contact form: gunicorn on a throwaway database (PostgreSQL when
DATABASE_URL points at one), many women writing at once; every message is stored
exactly once and every one decrypts.

`make bench` (pytest-benchmark enabled) runs the full load, 200 submissions from 20
concurrent clients, and prints throughput and p95 latency. `make test` runs the same
code with 20 submissions from 5 clients, as a test. The second benchmark sends messages
encrypted as her browser does (an age file with a photo-sized attachment, posted with
the association only); it is a load figure only, run by `make bench` alone.
"""

import base64
import http.cookiejar
import json
import os
import re
import sqlite3
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import dj_database_url
import psycopg
import pyrage
import pytest
from pyrage import x25519

from ...bench import figures
from ...browser.helpers import SiteServer, throwaway_database

FULL = (200, 20)
SMALL = (20, 5)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One woman's browser: loads the form (cookie, token, timestamp), later sends it."""

    def __init__(self, url, token):
        self.url = url
        self.token = token
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect
        )

    def load(self):
        html = self.opener.open(self.url, timeout=30).read().decode()
        self.fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))

    def send(self):
        data = {
            **self.fields,
            "association": self.association,
            "message": f"Messaggio di prova {self.token}",
            "channel": "none",
            "voicemail": "no",
            "language": "it",
        }
        request = urllib.request.Request(self.url, data=urllib.parse.urlencode(data).encode())  # noqa: S310
        started = time.perf_counter()
        try:
            self.opener.open(request, timeout=60)
            status = 200
        except urllib.error.HTTPError as answer:
            status = answer.code
        return status, time.perf_counter() - started


class EncryptedVisitor(Visitor):
    """A browser with JavaScript: posts the age file and the association, as contact.js does."""

    def send(self):
        payload = {
            "format": 2,
            "message": f"Messaggio cifrato {self.token}",
            "attachments": [
                {
                    "name": "foto.jpg",
                    "type": "image/jpeg",
                    "size": 65536,
                    "data": base64.b64encode(os.urandom(65536)).decode(),
                }
            ],
        }
        ciphertext = pyrage.encrypt(json.dumps(payload).encode(), self.recipients)
        boundary = uuid.uuid4().hex
        fields = {**self.fields, "encryption": "browser", "association": self.association}
        head = f"--{boundary}\r\nContent-Disposition: form-data; name="
        parts = [f'{head}"{name}"\r\n\r\n{value}\r\n'.encode() for name, value in fields.items()]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="ciphertext"; '
            f'filename="message.age"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + ciphertext
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(  # noqa: S310
            self.url,
            data=b"".join(parts),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        started = time.perf_counter()
        try:
            self.opener.open(request, timeout=60)
            status = 200
        except urllib.error.HTTPError as answer:
            status = answer.code
        return status, time.perf_counter() - started


def stored_messages(env):
    url = env.get("DATABASE_URL", "")
    query = "SELECT ciphertext FROM services_encryptedmessage"
    if url.startswith(("postgres://", "postgresql://")):
        config = dj_database_url.parse(url)
        with psycopg.connect(
            host=config["HOST"] or None,
            port=config["PORT"] or None,
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            dbname=config["NAME"],
        ) as connection:
            return [bytes(row[0]) for row in connection.execute(query)]
    with sqlite3.connect(env["SQLITE_PATH"]) as connection:
        return [bytes(row[0]) for row in connection.execute(query)]


@pytest.fixture(scope="module")
def loaded_site(tmp_path_factory):
    with throwaway_database(tmp_path_factory.mktemp("load")) as env:
        env["CONTACT_RATE_LIMIT"] = "100000"  # every client comes from 127.0.0.1
        server = SiteServer(env)
        server.prepare()
        identity = x25519.Identity.generate()
        server.manage("set_inbox_key", "mondodonna", str(identity.to_public()))
        server.start()
        try:
            yield server, env, identity
        finally:
            server.stop()


def crowd(loaded_site, benchmark, visitor_class, prefix, label):
    """Each of many women loads the form, then all send at once (`make bench`: 200 from 20
    clients, `make test`: 20 from 5); prints the figures and returns (visitors, statuses,
    the stored messages' texts)."""
    server, env, identity = loaded_site
    submissions, clients = SMALL if benchmark.disabled else FULL
    url = f"{server.url}/it/scrivici/"
    html = urllib.request.urlopen(url, timeout=30).read().decode()  # noqa: S310
    association = re.search(r'<option value="(\d+)">MondoDonna Onlus</option>', html)[1]
    visitors = [visitor_class(url, f"{prefix}-{n:04d}") for n in range(submissions)]
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(Visitor.load, visitors))
    for visitor in visitors:
        visitor.association = association
        visitor.recipients = [identity.to_public()]
    time.sleep(3.2)  # the forms were shown long enough ago for a person to write

    results = []

    def send_all():
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results.extend(pool.map(visitor_class.send, visitors))
        return time.perf_counter() - started

    elapsed = benchmark.pedantic(send_all, rounds=1, iterations=1)

    median_ms, p95_ms = figures([latency for _, latency in results])
    benchmark.extra_info.update(
        submissions=submissions,
        clients=clients,
        throughput_per_s=round(submissions / elapsed, 1),
        p95_ms=round(p95_ms),
        median_ms=round(median_ms),
        database="postgresql" if "DATABASE_URL" in env else "sqlite",
    )
    print(f"\n{label}: {benchmark.extra_info}")  # noqa: T201 - the benchmark's report
    bodies = [json.loads(pyrage.decrypt(c, [identity]))["message"] for c in stored_messages(env)]
    return visitors, [status for status, _ in results], bodies


def test_many_women_writing_at_once_are_all_stored_once_and_all_decrypt(loaded_site, benchmark):
    visitors, statuses, bodies = crowd(loaded_site, benchmark, Visitor, "load", "contact form load")
    assert statuses == [302] * len(visitors)
    sent = sorted(body for body in bodies if body.startswith("Messaggio di prova "))
    assert sent == sorted(f"Messaggio di prova {v.token}" for v in visitors)  # each exactly once


def test_many_women_sending_browser_encrypted_messages_at_once_are_all_stored_once(
    loaded_site, benchmark
):
    visitors, statuses, bodies = crowd(
        loaded_site, benchmark, EncryptedVisitor, "e2e", "browser-encrypted contact load"
    )
    assert statuses == [200] * len(visitors)
    sent = sorted(body for body in bodies if body.startswith("Messaggio cifrato "))
    assert sent == sorted(f"Messaggio cifrato {v.token}" for v in visitors)  # each exactly once
