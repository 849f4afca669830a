"""Zero trace and safety headers on every public page, crawled from the sitemap.

Every page type, including those other parts of the site add, is in the Italian
sitemap; visiting all of them must leave no cookie, no storage, no service worker and
no request to another origin, and every HTML response must carry the safety headers.
"""

import re
import urllib.request
from urllib.parse import urlsplit

import pytest

from .helpers import OriginRecorder

pytestmark = pytest.mark.browser

REQUIRED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
PAGE_WITH_POST_FORM = re.compile(r"<form[^>]*method=\"?post", re.IGNORECASE)


def public_urls(base_url, language="it"):
    """Every page in the language's sitemap, on the test server, plus a missing page."""
    with urllib.request.urlopen(f"{base_url}/{language}/sitemap.xml") as response:  # noqa: S310
        sitemap = response.read().decode()
    urls = [base_url + urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [*urls, f"{base_url}/{language}/questa-pagina-non-esiste/"]


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_safety_headers(url, headers):
    policy = csp_directives(headers["content-security-policy"])
    for directive, source in REQUIRED_CSP.items():
        assert policy[directive] == [source], f"{url}: {directive} is {policy.get(directive)}"
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert headers["referrer-policy"] in {"no-referrer", "same-origin"}, url
    assert headers["x-content-type-options"] == "nosniff", url
    assert headers["x-frame-options"] == "DENY", url
    assert headers["cross-origin-opener-policy"] == "same-origin", url
    permissions = [item.strip() for item in headers["permissions-policy"].split(",")]
    assert "geolocation=(self)" in permissions, url
    assert all(item == "geolocation=(self)" or item.endswith("=()") for item in permissions)
    assert {"camera=()", "microphone=()"} <= set(permissions), url
    assert re.search(r"\b(private|no-store)\b", headers["cache-control"]), url
    assert "public" not in headers["cache-control"], url


def helpline_links_without_call_log_note(page):
    """tel:1522 links with no "the call shows in the call log" note beside them."""
    return page.evaluate(
        """() => [...document.querySelectorAll("a[href='tel:1522']")].filter(
            (link) => !link.parentElement.querySelector('.call-log-note')
                && !link.parentElement.parentElement.querySelector('.call-log-note')
        ).length"""
    )


def test_every_public_page_leaves_no_trace_and_sends_the_safety_headers(browser, base_url):
    urls = public_urls(base_url)
    assert any(url.endswith("/navigare-sicura/") for url in urls)
    context = browser.new_context()
    origins = OriginRecorder(context, base_url)
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    with_forms = []

    for url in urls:
        response = page.goto(url)
        assert response.headers["content-type"].startswith("text/html"), url
        assert_safety_headers(url, response.headers)
        html = page.content()
        assert '<meta name="referrer"' in html, url
        assert 'rel="manifest"' not in html, url
        assert page.locator(".quick-exit").is_visible(), url
        assert page.get_by_role("link", name="Navigare in sicurezza").first.is_visible(), url
        if PAGE_WITH_POST_FORM.search(html):
            # The contact page may set a CSRF cookie: checked on its own below.
            with_forms.append(url)
            context.clear_cookies()
            continue
        assert context.cookies() == [], f"cookie set by {url}"

    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.evaluate("indexedDB.databases().then(d => d.length)") == 0
    assert page.evaluate("caches.keys().then(k => k.length)") == 0
    assert violations == []
    origins.assert_none()
    for url in with_forms:
        response = page.goto(url)
        assert "no-store" in response.headers["cache-control"], url
    context.close()


def test_storage_after_an_exit_holds_only_the_exit_flag(page, base_url):
    page.route("https://www.meteoam.it/**", lambda route: route.fulfill(body="meteo"))
    page.goto(base_url + "/it/navigare-sicura/")
    page.get_by_role("link", name="Esci subito").click()
    page.wait_for_url("https://www.meteoam.it/")

    page.goto(base_url + "/robots.txt")

    assert page.evaluate("Object.keys(sessionStorage)") == ["closher-exited"]
    assert page.evaluate("localStorage.length") == 0
    assert page.context.cookies() == []


def test_every_helpline_link_has_the_call_log_note_beside_it(page, base_url):
    missing = []
    for url in public_urls(base_url):
        page.goto(url)
        if helpline_links_without_call_log_note(page):
            missing.append(url)

    assert missing == []
