"""Helpers for the browser tests: the site server, Chromium, axe and origin checks."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import dj_database_url
import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def chromium_path():
    """Debian's Chromium, or CHROMIUM; a clear failure (never a skip) when it is missing."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            f"Chromium not found at {path}. Install it (Debian/Ubuntu: apt-get install "
            "chromium) or set CHROMIUM=/path/to/chromium; `make test` does this for you."
        )
    return path


def launch_args():
    args = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return args


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def throwaway_database(tmp_path):
    """Environment for a site process with a database of its own, removed afterwards."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["SQLITE_PATH"] = str(tmp_path / "site.sqlite3")
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    env["PRIVATE_MEDIA_ROOT"] = str(tmp_path / "private")
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        yield env
        return
    config = dj_database_url.parse(database_url)
    name = f"closher_browser_{uuid.uuid4().hex[:8]}"
    admin = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = database_url.rsplit("/", 1)[0] + "/" + name
    try:
        yield env
    finally:
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class SiteServer:
    """The site under gunicorn with the test settings, on a free local port."""

    settings = "closher.settings.test"

    def __init__(self, env, port=None):
        self.env = {**env, "DJANGO_SETTINGS_MODULE": self.settings, "PYTHONUNBUFFERED": "1"}
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log = None  # an open file: gunicorn's output goes there instead of nowhere

    def manage(self, *args):
        """Runs a management command against the site's database; returns its output."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def prepare(self):
        self.manage("migrate", "--noinput")
        self.manage("load_demo")

    def start(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(gunicorn),
                "closher.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--config",
                str(ROOT / "site" / "gunicorn.conf.py"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log or subprocess.DEVNULL,
            stderr=self.log or subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2)  # noqa: S310
                return
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited while starting")
            time.sleep(0.2)
        raise RuntimeError(f"the site did not answer on {self.url}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


class OriginRecorder:
    """Records every request a browser context makes to another origin."""

    def __init__(self, context, allowed_origin):
        self.allowed = allowed_origin.rstrip("/")
        self.foreign = []
        context.on("request", self._record)

    def _record(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin != self.allowed:
            self.foreign.append(request.url)

    def assert_none(self):
        assert self.foreign == [], f"requests to other origins: {self.foreign}"


def axe_violations(page):
    """Runs axe-core (bundled with the test dependencies) on the page; returns violations."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "nodes": [node["target"] for node in violation["nodes"]],
        }
        for violation in result
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"axe violations on {page.url}: {violations}"


def create_staff_user(site_server, username, password, *, superuser=False, groups=()):
    """Creates (or resets) a staff account in the site server's database.

    The account gets a confirmed TOTP device; returns its secret (hex) so that the
    test can compute codes with `totp_code`.
    """
    # One argument: a password may start with "-", which would read as an option.
    args = ["create_staff_user", username, f"--password={password}"]
    if superuser:
        args.append("--superuser")
    for group in groups:
        args.extend(["--group", group])
    return site_server.manage(*args).strip()


def totp_code(totp_secret):
    """The current six-digit code of a TOTP device with this hex secret."""
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(totp_secret)):06d}"


def admin_login(page, base_url, username, password, totp_secret, next_url=""):
    """Logs in through the real forms: password, then a TOTP code computed here.

    A code is accepted once per 30-second step, so when the step's code has already
    been used (a second login in the same step) this waits for the next one.
    """
    query = f"?next={next_url}" if next_url else ""
    page.goto(f"{base_url}/admin/login/{query}")
    if page.locator("#id_username").count():  # else the password step is already done
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("form button[type=submit]").first.click()
    page.wait_for_selector("#id_otp_token")
    for _attempt in range(2):
        page.fill("#id_otp_token", totp_code(totp_secret))
        with page.expect_navigation():
            page.locator("form button[type=submit]").first.click()
        if "/admin/two-factor/" not in page.url:
            return
        time.sleep(30 - time.time() % 30 + 1)
    raise AssertionError(f"the second factor was refused for {username}")
