"""`make lighthouse`: Lighthouse's SEO and accessibility scores of the demo's key pages.

Builds the demo in its own SQLite file (var/lighthouse.sqlite3), serves it with the
development server on 127.0.0.1:$LIGHTHOUSE_PORT, and runs Lighthouse (npm, `npm ci`)
in headless Chromium against the home, finder, a help point, workshops and contact
pages in Italian and Arabic. Prints a score table and every failed SEO audit; exits 1
when a page scores under 100 for SEO.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LIGHTHOUSE = str(ROOT / "node_modules" / ".bin" / "lighthouse")
PORT = int(os.environ.get("LIGHTHOUSE_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
LANGUAGES = ["it", "ar"]
PATHS = ["/", "/trova-aiuto/", None, "/laboratori/", "/scrivici/"]  # None: a help point
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "closher.settings.dev",
    "SQLITE_PATH": str(ROOT / "var" / "lighthouse.sqlite3"),
}
SITE_AT_PORT = (
    "from wagtail.models import Site; "
    f"Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port={PORT})"
)


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)  # noqa: S603


def wait_for_server(server):
    for _attempt in range(120):
        if server.poll() is not None:
            sys.exit("The development server stopped.")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", PORT)) == 0:
                return
        time.sleep(0.5)
    sys.exit("The development server did not start.")


def help_point_path():
    with urllib.request.urlopen(f"{BASE}/api/help-points/?limit=1") as response:  # noqa: S310
        url = json.load(response)["results"][0]["url"]
    return "/" + url.split("/", 4)[-1] if url.startswith("http") else url[3:]


def audit(url):
    result = subprocess.run(  # noqa: S603 - our own command line
        [
            LIGHTHOUSE,
            url,
            "--only-categories=seo,accessibility",
            "--output=json",
            "--quiet",
            "--chrome-flags=--headless --no-sandbox",
        ],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")},
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    categories = report["categories"]
    failed = [
        f"{report['audits'][ref['id']]['title']}"
        for ref in categories["seo"]["auditRefs"]
        if ref["weight"] and report["audits"][ref["id"]]["score"] not in (1, None)
    ]
    return (
        round(categories["seo"]["score"] * 100),
        round(categories["accessibility"]["score"] * 100),
        failed,
    )


def main():
    (ROOT / "var").mkdir(exist_ok=True)
    manage("migrate", "--noinput", "-v0")
    manage("load_demo")
    manage("shell", "-c", SITE_AT_PORT)
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    below = 0
    try:
        wait_for_server(server)
        paths = [path or help_point_path() for path in PATHS]
        print(f"{'page':<60} {'SEO':>4} {'a11y':>5}")
        for language in LANGUAGES:
            for path in paths:
                url = f"{BASE}/{language}{path}"
                seo, accessibility, failed = audit(url)
                below += seo < 100
                print(f"{url:<60} {seo:>4} {accessibility:>5}")
                for title in failed:
                    print(f"    SEO audit failed: {title}")
    finally:
        server.terminate()
        server.wait()
    sys.exit(1 if below else 0)


if __name__ == "__main__":
    main()
