"""The quick exit, in Chromium: links, Shift ×3, history, referrer and what stays visible.

A tiny local HTTP server stands in for the neutral destination (a weather site): it
records the headers of every request and can hold its response back. A second site
process, on the session's database, is pointed at it with QUICK_EXIT_URL.
"""

import base64
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from .helpers import SiteServer, assert_accessible

pytestmark = pytest.mark.browser

GUIDANCE = "/it/navigare-sicura/"
NEUTRAL_TITLE = "Previsioni meteo"


class NeutralSite(ThreadingHTTPServer):
    """The neutral destination: records request headers, may answer slowly."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), NeutralHandler)
        self.requests = []
        self.delay = 0
        self.url = f"http://127.0.0.1:{self.server_port}"


class NeutralHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.server.requests.append({"path": self.path, "headers": dict(self.headers)})
        time.sleep(self.server.delay)
        body = (
            f'<!doctype html><link rel="icon" href="data:,"><title>{NEUTRAL_TITLE}</title>'
            "<p>Sole, 18°C</p>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def neutral():
    server = NeutralSite()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site(site_server, neutral):
    """The site, with the quick exit leading to the neutral test server."""
    server = SiteServer({**site_server.env, "QUICK_EXIT_URL": f"{neutral.url}/meteo"})
    server.start()
    yield server.url
    server.stop()


@pytest.fixture(autouse=True)
def fresh_neutral(neutral):
    neutral.requests.clear()
    neutral.delay = 0


def on_neutral(page, neutral):
    """Waits for the tab to show the neutral page; returns the request that reached it."""
    page.wait_for_url(f"{neutral.url}/meteo")
    page.wait_for_load_state()
    return [request for request in neutral.requests if request["path"] == "/meteo"][-1]


def exited(page, site):
    return not page.url.startswith(site)


def press_shift(page, times, gap_ms=200):
    for _ in range(times):
        page.keyboard.press("Shift")
        page.wait_for_timeout(gap_ms)


def test_exit_link_without_javascript_sends_no_referer(browser, site, neutral):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/it/chi-siamo/")

    page.get_by_role("link", name="Esci subito").click()

    request = on_neutral(page, neutral)
    assert "Referer" not in request["headers"]
    assert page.title() == NEUTRAL_TITLE
    context.close()


def test_exit_button_with_javascript_leaves_no_referrer_anywhere(page, site, neutral):
    page.goto(site + "/it/chi-siamo/")

    page.get_by_role("link", name="Esci subito").click()

    request = on_neutral(page, neutral)
    assert "Referer" not in request["headers"]
    assert page.evaluate("document.referrer") == ""
    assert page.evaluate("sessionStorage.getItem('closher-exited')") is None  # other origin


def test_exit_adds_no_history_and_back_never_shows_the_site(context, site, neutral):
    page = context.new_page()
    page.goto(neutral.url + "/start")
    page.goto(site + "/it/")
    page.goto(site + "/it/chi-siamo/")
    length_before = page.evaluate("history.length")

    page.get_by_role("link", name="Esci subito").click()
    on_neutral(page, neutral)
    assert page.evaluate("history.length") == length_before

    for _ in range(3):
        page.go_back(wait_until="commit")
        page.wait_for_timeout(400)
        page.wait_for_load_state()
        assert exited(page, site), f"Back settled on {page.url}"

    fresh = context.new_page()
    fresh.goto(site + "/it/chi-siamo/")
    fresh.wait_for_timeout(300)
    assert fresh.url == site + "/it/chi-siamo/"
    assert fresh.get_by_role("heading", level=1).is_visible()


def test_reload_after_exit_in_the_same_tab_lands_on_the_neutral_page(page, site, neutral):
    page.goto(site + "/it/")
    page.get_by_role("link", name="Esci subito").click()
    on_neutral(page, neutral)

    page.goto(site + "/it/chi-siamo/", wait_until="commit")

    on_neutral(page, neutral)
    assert page.title() == NEUTRAL_TITLE


def test_three_shift_presses_exit(page, site, neutral):
    page.goto(site + "/it/chi-siamo/")

    press_shift(page, 3)

    on_neutral(page, neutral)


def test_three_shift_presses_exit_while_typing_in_a_text_field(page, site, neutral):
    page.goto(site + GUIDANCE)
    page.evaluate(
        "() => { const field = document.createElement('textarea');"
        " field.setAttribute('aria-label', 'Messaggio'); document.querySelector('main')"
        ".append(field); }"
    )
    field = page.get_by_label("Messaggio")
    field.click()
    page.keyboard.type("Ho bisogno di aiuto")

    press_shift(page, 3)

    on_neutral(page, neutral)


@pytest.mark.parametrize(
    "keys",
    [
        ["Shift+A", "Shift", "Shift"],
        ["Shift", "a", "Shift", "Shift"],
    ],
    ids=["shift-after-a-capital-does-not-count", "another-key-resets"],
)
def test_shift_combined_with_other_keys_does_not_exit(page, site, neutral, keys):
    page.goto(site + GUIDANCE)
    page.locator("main").click()

    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(200)
    page.wait_for_timeout(500)

    assert page.url == site + GUIDANCE
    assert neutral.requests == []


def test_shift_presses_more_than_five_seconds_apart_do_not_exit(page, site, neutral):
    page.clock.install()
    page.goto(site + GUIDANCE)

    for _ in range(3):
        page.keyboard.press("Shift")
        page.clock.run_for(5500)

    assert page.url == site + GUIDANCE
    assert neutral.requests == []


def test_each_shift_press_is_announced_to_screen_readers(page, site, neutral):
    page.goto(site + GUIDANCE)
    status = page.get_by_role("status")

    page.keyboard.press("Shift")
    first = status.inner_text()
    page.keyboard.press("Shift")
    second = status.inner_text()

    assert "una volta" in first
    assert "due volte" in second
    assert first != second


def test_while_the_neutral_page_loads_nothing_of_the_site_is_visible(page, site, neutral):
    neutral.delay = 4
    page.goto(site + GUIDANCE)
    page.evaluate(
        "() => { const field = document.createElement('input');"
        " field.setAttribute('aria-label', 'Comune'); document.querySelector('main')"
        ".append(field); }"
    )
    page.get_by_label("Comune").fill("Casalmaggiore")
    # Playwright's own queries wait for the pending navigation: look through CDP.
    cdp = page.context.new_cdp_session(page)
    assert not is_blank(cdp)

    state = page.evaluate(
        """() => {
            document.querySelector('.quick-exit').click();
            return {
                title: document.title,
                field: document.querySelector('[aria-label=Comune]').value,
                main: getComputedStyle(document.querySelector('main')).visibility,
                session: Object.keys(sessionStorage),
                local: localStorage.length,
            };
        }"""
    )
    page.wait_for_timeout(300)

    assert neutral.requests and not page.url.startswith(neutral.url)  # still held back
    assert state == {
        "title": "127.0.0.1",
        "field": "",
        "main": "hidden",
        "session": ["closher-exited"],
        "local": 0,
    }
    assert cdp.send("Target.getTargetInfo")["targetInfo"]["title"] == "127.0.0.1"
    assert is_blank(cdp)
    on_neutral(page, neutral)


def is_blank(cdp):
    """Whether the tab, as painted now, is a plain white page."""
    png = base64.b64decode(cdp.send("Page.captureScreenshot")["data"])
    return Image.open(io.BytesIO(png)).convert("L").getextrema() == (255, 255)


def test_try_the_exit_demo_on_the_guidance_page(page, site, neutral):
    page.goto(site + GUIDANCE)
    demo = page.get_by_role("region", name="Prova il pulsante Esci")

    demo.get_by_role("link").click()

    on_neutral(page, neutral)


def centre_hit(page):
    """Whether the element at the exit button's centre is the button (or inside it)."""
    return page.evaluate(
        """() => {
            const button = document.querySelector('.quick-exit');
            const box = button.getBoundingClientRect();
            const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return button.contains(hit);
        }"""
    )


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_exit_button_stays_on_top_at_every_width(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(site + GUIDANCE)

    assert centre_hit(page), "top of the page"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 0
    assert centre_hit(page), "bottom of the page"
    page.evaluate("window.scrollTo(0, 0)")
    page.get_by_text("Menu", exact=True).click()
    assert page.get_by_role("navigation", name="Menu principale").is_visible()
    assert centre_hit(page), "menu open"
    page.keyboard.press("Escape")
    context.close()


def test_first_tab_reaches_an_exit_entry_and_a_skip_style_entry_follows(page, site):
    page.goto(site + "/it/")
    focused = page.locator(":focus")

    page.keyboard.press("Tab")
    assert focused.get_attribute("data-quick-exit") is not None
    assert focused.is_visible()
    page.keyboard.press("Tab")
    assert focused.get_attribute("href") == "#main"
    page.keyboard.press("Tab")

    assert focused.get_attribute("data-quick-exit") is not None
    assert focused.is_visible()
    assert "Maiusc" in focused.inner_text()


def test_exit_button_is_hidden_in_print(page, site):
    page.goto(site + "/it/")

    page.emulate_media(media="print")

    assert not page.get_by_role("link", name="Esci subito").is_visible()


@pytest.mark.parametrize("language", ["it", "ar"])
def test_guidance_page_and_exit_button_pass_axe(page, site, language):
    page.goto(f"{site}/{language}/navigare-sicura/")

    assert page.locator(".quick-exit").is_visible()
    assert_accessible(page)
    page.keyboard.press("Tab")
    assert_accessible(page)


def test_on_touch_devices_shift_from_a_text_field_does_not_count(browser, site, neutral):
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto(site + GUIDANCE)
    assert page.evaluate("matchMedia('(pointer: coarse)').matches")
    page.evaluate(
        "() => { const field = document.createElement('input');"
        " field.setAttribute('aria-label', 'Nome'); document.querySelector('main')"
        ".append(field); }"
    )
    page.get_by_label("Nome").focus()

    press_shift(page, 3)
    page.wait_for_timeout(300)

    assert page.url == site + GUIDANCE
    assert neutral.requests == []
    page.locator("main h1").click()
    press_shift(page, 3)
    on_neutral(page, neutral)
    context.close()
