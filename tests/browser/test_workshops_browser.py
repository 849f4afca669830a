import pytest

from .busy_network import COUNT, titles
from .helpers import OriginRecorder, SiteServer, assert_accessible, throwaway_database

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LIMIT_BYTES = 50 * 1024
LIMIT_HEIGHT = 4000


@pytest.mark.parametrize("language", ["it", "ar"])
@pytest.mark.parametrize(
    ("path", "item"),
    [("laboratori/", ".wcard"), ("associazioni/mondodonna/mindfulness/", "ul.sessions li")],
)
def test_workshop_pages_are_accessible_and_stay_on_our_origin(
    context, page, base_url, language, path, item
):
    origins = OriginRecorder(context, base_url)

    page.goto(f"{base_url}/{language}/{path}")

    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator(item).count() > 0
    assert_accessible(page)
    if item == ".wcard":
        page.locator(".wcard summary").first.click()  # a card opened shows its details
        assert page.locator(".wcard__dates li").first.is_visible()
        assert_accessible(page)
    origins.assert_none()


def test_the_filters_work_without_javascript(browser, base_url):
    context = browser.new_context(locale="it-IT", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/it/laboratori/")
        assert len(set(page.locator(".wcard__title").all_inner_texts())) == 5

        page.get_by_text("Altri filtri").click()
        page.get_by_label("Associazione").select_option("isola-che-ce")
        page.locator(".workshop-filters__more").get_by_role("button", name="Cerca").click()

        assert "association=isola-che-ce" in page.url
        assert page.locator(".wcard__title").all_inner_texts() == ["Gruppo di sostegno tra donne"]
        assert page.get_by_label("Associazione").input_value() == "isola-che-ce"
        assert "Associazione: L'isola che c'è" in page.locator("#results-count").inner_text()

        page.get_by_label("Il tuo comune o CAP").fill("Casalmaggiore")
        page.locator(".workshop-filters__near").get_by_role("button", name="Cerca").click()
        assert "comune=Casalmaggiore" in page.url  # without JavaScript, a plain GET form
    finally:
        context.close()


def test_with_javascript_her_comune_never_goes_into_a_url(context, page, base_url):
    requests = []
    context.on("request", lambda request: requests.append(request))
    page.goto(f"{base_url}/it/laboratori/")
    everything = page.locator(".wcard__title").all_inner_texts()

    page.get_by_label("Il tuo comune o CAP").fill("casalmaggiore")
    page.get_by_label("Il tuo comune o CAP").press("Enter")

    count = page.locator("#results-count")
    count.filter(has_text="Casalmaggiore (CR)").wait_for()
    assert page.url == f"{base_url}/it/laboratori/"
    assert page.evaluate("document.activeElement.id") == "results-count"
    assert sorted(page.locator(".wcard__title").all_inner_texts()) == sorted(everything)
    whens = page.locator(".wcard__when").all_inner_texts()
    distances = [int(when.split("circa ")[1].split(" km")[0]) for when in whens]
    assert distances == sorted(distances)
    posted = [request for request in requests if request.method == "POST"]
    assert [request.url for request in posted] == [f"{base_url}/workshops/results/"]
    assert "comune=casalmaggiore" in posted[0].post_data
    assert not [request.url for request in requests if "casalmaggiore" in request.url.lower()]


def test_a_cancelled_session_is_shown_as_cancelled(page, base_url):
    page.goto(f"{base_url}/it/associazioni/sos-donna/musicoterapia/")

    cancelled = page.locator("li.session--cancelled")
    assert cancelled.count() == 1
    assert "Annullato" in cancelled.inner_text()


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory):
    """The demo plus 45 weekly workshops: 50 in all, in Italian and in Arabic."""
    with throwaway_database(tmp_path_factory.mktemp("busy")) as env:
        server = SiteServer(env)
        server.prepare()
        server.manage("shell", "-c", "from tests.browser.busy_network import build; build()")
        server.start()
        try:
            yield server.url
        finally:
            server.stop()


@pytest.mark.parametrize("language", ["it", "ar"])
def test_fifty_weekly_workshops_fit_a_phone(browser, busy_site, language):
    context = browser.new_context(viewport=PHONE, locale="ar" if language == "ar" else "it-IT")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(f"{busy_site}/{language}/laboratori/", wait_until="load")
        page.wait_for_load_state("networkidle")
        sizes = [request.sizes() for request in finished]
        weight = sum(size["responseHeadersSize"] + size["responseBodySize"] for size in sizes)
        height = page.evaluate("document.documentElement.scrollHeight")
        print(f"\n{language}: {weight} bytes, {height} px tall at 390 px")  # noqa: T201

        shown = page.locator(".wcard__title").all_inner_texts()
        assert len(shown) == COUNT + 5 and set(titles(language)) <= set(shown)
        assert weight < LIMIT_BYTES
        assert height < LIMIT_HEIGHT
        assert page.locator(".this-week li").count() == 5
        if language == "ar":
            assert page.locator("html").get_attribute("dir") == "rtl"
            first = page.locator(".wcard summary").first
            assert first.evaluate("element => getComputedStyle(element).direction") == "rtl"
            title = page.locator(".wcard__title").first.bounding_box()
            assert title["x"] + title["width"] > PHONE["width"] - 60  # starts on the right
        assert_accessible(page)
    finally:
        context.close()
