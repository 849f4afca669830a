"""Real services for the two-server and fault tests: the site under gunicorn with the
production settings, its own redis-server, its own PostgreSQL instance, an SMTP sink.

Nothing here touches the machine's own services: each one is started on a free port in
a directory of its own, and stopped by the test that started it.
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import dj_database_url
import pytest
import requests
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core import signing
from django.db import connection

from services.contact import antiabuse

from ..browser.helpers import SiteServer, free_port

# The served-site tests copy the migrated test database with pg_dump: they run in the
# PostgreSQL pass of `make test` (CI runs both passes).
postgresql_pass_only = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="copies the PostgreSQL test database: runs in the PostgreSQL pass",
)

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
SECRET_KEY = secrets.token_urlsafe(50)


def wait_for_port(port, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


def start_redis(port):
    """A throwaway redis-server on this port: no persistence, loopback only."""
    process = subprocess.Popen(  # noqa: S603
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if not wait_for_port(port, 10):
        process.kill()
        pytest.fail(f"redis-server did not start on port {port}")
    return process


def stop(process):
    if process is not None and process.poll() is None:
        process.kill()
        process.wait()


class PostgresInstance:
    """A PostgreSQL instance of the test's own (initdb and pg_ctl), on another port."""

    def __init__(self):
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if not candidates:
            pytest.fail("PostgreSQL's server programs are missing (/usr/lib/postgresql/*/bin)")
        self.bin = candidates[-1].parent
        self.port = free_port()
        # Outside pytest's private tmp directory: the server runs as the postgres user.
        self.directory = Path(tempfile.mkdtemp(prefix="closher-pg-"))
        self.data = self.directory / "data"

    def run(self, program, *args, check=True):
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(  # noqa: S603
            command, check=check, capture_output=True, text=True, cwd=self.directory
        )

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        self.start()

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.directory / "log"),
            "-w",
            "start",
        )

    def restart(self):
        # Not `pg_ctl restart`: its new server would write to this process's pipes.
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.start()

    def destroy(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.directory, ignore_errors=True)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


def copy_of_the_test_database(target_url):
    """The migrated, empty test database (and its cache table) copied into a new database.

    Much faster than `migrate` on a new one: pg_dump of the test database into psql.
    """
    source = connection.settings_dict
    target = dj_database_url.parse(target_url)
    bin_dir = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))[-1].parent
    env = {**os.environ, "PGPASSWORD": source["PASSWORD"] or ""}

    def address(config):
        return [
            "-h",
            config["HOST"] or "127.0.0.1",
            "-p",
            str(config["PORT"] or 5432),
            "-U",
            config["USER"] or "postgres",
        ]

    subprocess.run(  # noqa: S603
        [str(bin_dir / "createdb"), *address(target), target["NAME"]],
        check=True,
        env={**env, "PGPASSWORD": target["PASSWORD"] or ""},
        capture_output=True,
    )
    dump = subprocess.run(  # noqa: S603
        [
            str(bin_dir / "pg_dump"),
            *address(source),
            "--no-owner",
            "--no-privileges",
            source["NAME"],
        ],
        check=True,
        env=env,
        capture_output=True,
    ).stdout
    subprocess.run(  # noqa: S603
        [str(bin_dir / "psql"), *address(target), "-q", "-v", "ON_ERROR_STOP=1", target["NAME"]],
        input=dump,
        check=True,
        env={**env, "PGPASSWORD": target["PASSWORD"] or ""},
        capture_output=True,
    )


def drop_database(url):
    config = dj_database_url.parse(url)
    bin_dir = sorted(Path("/usr/lib/postgresql").glob("*/bin/dropdb"))[-1].parent
    subprocess.run(  # noqa: S603
        [
            str(bin_dir / "dropdb"),
            "-h",
            config["HOST"],
            "-p",
            str(config["PORT"] or 5432),
            "-U",
            config["USER"] or "postgres",
            "--force",
            "--if-exists",
            config["NAME"],
        ],
        check=False,
        capture_output=True,
        env={**os.environ, "PGPASSWORD": config["PASSWORD"] or ""},
    )


def site_environment(database_url, redis_url, tmp_path, **extra):
    """The environment `make serve` would run with on such a machine."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY=SECRET_KEY,
        RECAPTCHA_PUBLIC_KEY="off-in-served-settings",
        RECAPTCHA_PRIVATE_KEY="off-in-served-settings",
        SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback: no TLS proxy in front here
        ALLOWED_HOSTS="127.0.0.1,localhost",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="tests.site.served_settings",
        **extra,
    )
    return env


class ProductionServer(SiteServer):
    """`make serve` on a free port: gunicorn with the production settings."""

    settings = "tests.site.served_settings"

    def prepare_from(self, archive):
        """What `make serve` does before starting, then the archive restored."""
        manage(self.env, "createcachetable")
        manage(self.env, "restore", str(archive))

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def contact_form(server, path):
    """(token, cookies, MondoDonna's id) of the contact form as a visitor first gets it."""
    form = requests.get(server.url + path, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
    association = re.search(r'<option value="(\d+)">MondoDonna Onlus</option>', form.text)[1]
    return token, {"csrftoken": form.cookies["csrftoken"]}, association


def send_message(server, path, form, text, client="203.0.113.7"):
    """Her message, sent from `client` (the address the proxy in front says she has)."""
    token, cookies, association = form
    data = {
        "csrfmiddlewaretoken": token,
        "started": contact_timestamp(),
        "association": association,
        "message": text,
        "channel": "none",
        "voicemail": "no",
        "language": "it",
    }
    return requests.post(
        server.url + path,
        data=data,
        cookies=cookies,
        headers={"X-Forwarded-For": client},
        allow_redirects=False,
        timeout=30,
    )


def contact_timestamp():
    """The form's hidden stamp as if it had been shown ten seconds ago (no waiting)."""
    return signing.dumps(time.time() - 10, salt=antiabuse.TIMESTAMP_SALT, key=SECRET_KEY)


class SmtpSink:
    """An SMTP server in this process that keeps what it receives; it can be stopped."""

    def __init__(self):
        self.port = free_port()
        self.received = []
        self.controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.received.append(envelope.content)
        return "250 OK"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@contextlib.contextmanager
def process(*command, env):
    """A long-running process (the task worker) for the duration of the block."""
    started = subprocess.Popen(  # noqa: S603
        list(command),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield started
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(started.pid, signal.SIGTERM)
        started.wait(timeout=10)


def manage(env, *args):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


class Load:
    """A few threads sending requests for as long as the block runs; counts the statuses."""

    def __init__(self, send, threads=3):
        self.send = send
        self.threads = threads
        self.statuses = []
        self.running = threading.Event()

    def __enter__(self):
        self.running.set()
        self.workers = [
            threading.Thread(target=self.loop, daemon=True) for _ in range(self.threads)
        ]
        for worker in self.workers:
            worker.start()
        return self

    def loop(self):
        while self.running.is_set():
            try:
                self.statuses.append(self.send())
            except requests.RequestException as error:
                self.statuses.append(type(error).__name__)

    def __exit__(self, *exc):
        self.running.clear()
        for worker in self.workers:
            worker.join(timeout=30)
