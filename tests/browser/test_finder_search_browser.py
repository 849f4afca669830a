"""The finder's search with JavaScript, in a real browser: the place box is a combobox used
with the keyboard alone (also in Arabic, right to left), "Use my location" works, and her
place and her coordinates never reach the address bar, the history or any URL. And the
home page starts with the search, above the fold on a 360 px phone in every language."""

import json
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from django.urls import Resolver404, resolve

from .helpers import OriginRecorder, assert_accessible

pytestmark = pytest.mark.browser

LANGUAGES = ["it", "en", "fr", "ar", "ro", "uk"]
PLACES_URL = "/api/places/"
# What the suggestions endpoint answers for these beginnings, when this branch has none yet.
KNOWN_PLACES = [
    {"label": "Viadana (MN)", "name": "Viadana", "province": "MN", "code": "020066"},
    {
        "label": "Vigarano Mainarda (FE)",
        "name": "Vigarano Mainarda",
        "province": "FE",
        "code": "038022",
    },
    {"label": "Castro (BG)", "name": "Castro", "province": "BG", "code": "016065"},
    {"label": "Castro (LE)", "name": "Castro", "province": "LE", "code": "075096"},
]
# Casalmaggiore's town centre.
CASALMAGGIORE = {"latitude": 44.99, "longitude": 10.42}
COORDINATES = ["44.99", "10.42"]


def has_places_endpoint():
    try:
        resolve(PLACES_URL)
    except Resolver404:
        return False
    return True


def answer_places(route):
    """A stand-in for the suggestions endpoint: the known places her text begins."""
    text = parse_qs(route.request.post_data)["q"][0].lower()
    places = [place for place in KNOWN_PLACES if place["name"].lower().startswith(text)]
    route.fulfill(
        status=200,
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
        body=json.dumps({"places": places}),
    )


class Trail:
    """Every request the page makes, and the address and history length after each step."""

    def __init__(self, page):
        self.page = page
        self.requests = []
        self.steps = []
        page.on("request", lambda request: self.requests.append(request))

    def step(self):
        self.steps.append(
            (self.page.evaluate("history.length"), self.page.evaluate("location.href"))
        )

    def assert_leaves_no_trace(self, start_url, secrets):
        forms = [secret.lower() for secret in secrets]
        forms += [quote_plus(secret).lower() for secret in secrets]
        history_length = self.steps[0][0]
        for length, href in self.steps:
            assert (length, href) == (history_length, start_url)
        for request in self.requests:
            parts = urlsplit(request.url)
            assert not any(form in parts.query.lower() for form in forms), request.url
            assert not any(form in request.url.lower() for form in forms), request.url
            referrer = request.headers.get("referer", "")
            assert not any(form in referrer.lower() for form in forms), referrer


def posted(trail, path):
    return [
        request.post_data or "" for request in trail.requests if urlsplit(request.url).path == path
    ]


@pytest.fixture
def page_with_places(page):
    if not has_places_endpoint():
        page.route(f"**{PLACES_URL}", answer_places)
    return page


@pytest.mark.parametrize(
    ("language", "path", "heading"),
    [
        ("it", "trova-aiuto/", "Più vicini a Viadana (MN)"),
        ("ar", "trova-aiuto/", "Viadana (MN)"),
        ("it", "", "Più vicini a Viadana (MN)"),
    ],
)
def test_a_place_typed_and_chosen_with_the_keyboard_stays_out_of_every_url(
    context, page_with_places, base_url, language, path, heading
):
    page = page_with_places
    origins = OriginRecorder(context, base_url)
    start_url = f"{base_url}/{language}/{path}"
    page.goto(start_url)
    trail = Trail(page)
    trail.step()
    box = page.get_by_role("combobox")
    assert box.get_attribute("aria-expanded") == "false"
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")

    box.focus()
    page.keyboard.type("Viad")
    page.get_by_role("option").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.get_attribute("role") == "listbox"
    announced = page.locator("[data-finder-announce]")
    count = page.get_by_role("option").count()
    assert str(count) in announced.inner_text()
    trail.step()

    page.keyboard.press("ArrowDown")
    first = page.get_by_role("option").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert listbox.evaluate("list => getComputedStyle(list).direction") == "rtl"
    assert_accessible(page)  # with the list of suggestions open
    chosen = first.inner_text()
    assert "Viadana" in chosen

    page.keyboard.press("Enter")  # takes the suggestion
    assert box.input_value() == chosen
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    trail.step()

    page.keyboard.press("Enter")  # searches
    title = page.locator("#results-title")
    title.wait_for()
    assert heading in title.inner_text()
    assert page.evaluate("document.activeElement.id") == "results-title"
    assert "Casalmaggiore" in page.locator(".help-point__name").first.inner_text()
    trail.step()

    assert_accessible(page)
    trail.assert_leaves_no_trace(start_url, ["Viadana", "Viad"])
    assert any("Viadana" in body for body in posted(trail, "/finder/results/"))
    assert any("Viad" in body for body in posted(trail, PLACES_URL))
    origins.assert_none()


def test_escape_closes_the_suggestions_and_keeps_what_she_typed(page_with_places, base_url):
    page = page_with_places
    page.goto(f"{base_url}/it/trova-aiuto/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("Cast")
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("ArrowUp")  # the last one
    last = page.get_by_role("option").last
    assert box.get_attribute("aria-activedescendant") == last.get_attribute("id")

    page.keyboard.press("Escape")

    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator("#finder-q-list").is_hidden()
    assert box.input_value() == "Cast"


def test_choosing_among_places_with_the_same_name_keeps_the_url_clean(page, base_url):
    start_url = f"{base_url}/it/trova-aiuto/"
    page.goto(start_url)
    trail = Trail(page)
    trail.step()
    page.get_by_role("combobox").fill("Castro")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Castro (LE)").click()
    page.locator("#results-title", has_text="Castro (LE)").wait_for()
    trail.step()
    trail.assert_leaves_no_trace(start_url, ["Castro"])


@pytest.mark.parametrize("path", ["trova-aiuto/", ""])
def test_use_my_location_sends_her_position_in_no_url(browser, base_url, path):
    context = browser.new_context(
        geolocation=CASALMAGGIORE, permissions=["geolocation"], locale="it-IT"
    )
    page = context.new_page()
    origins = OriginRecorder(context, base_url)
    start_url = f"{base_url}/it/{path}"
    page.goto(start_url)
    trail = Trail(page)
    trail.step()

    page.get_by_role("button", name="Usa la mia posizione").click()

    page.locator("#results-title", has_text="Più vicini alla tua posizione").wait_for()
    names = page.locator(".help-point__name").all_inner_texts()
    assert names[0] == "Centro antiviolenza M.I.A. di Casalmaggiore"
    trail.step()
    trail.assert_leaves_no_trace(start_url, COORDINATES)
    assert any("lat=44.990" in body for body in posted(trail, "/finder/results/"))
    origins.assert_none()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_is_above_the_fold_on_a_small_phone(browser, base_url, language):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="it-IT")
    page = context.new_page()
    page.goto(f"{base_url}/{language}/")
    for control in [page.locator("#finder-q"), page.locator("[data-finder-locate]")]:
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert box["y"] >= 0 and box["y"] + box["height"] <= 640, (language, box)
    context.close()


def test_without_javascript_the_home_page_search_opens_the_finder(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="it-IT")
    page = context.new_page()
    page.goto(f"{base_url}/it/")
    page.get_by_label("Trova aiuto vicino a te").fill("Viadana")
    page.get_by_role("button", name="Cerca").click()
    page.locator("#results-title", has_text="Viadana (MN)").wait_for()
    assert page.url.startswith(f"{base_url}/it/trova-aiuto/?")
    context.close()
