"""The finder in a real browser: without JavaScript, with a (mocked) location, accessible."""

import pytest

from .helpers import OriginRecorder, assert_accessible

pytestmark = pytest.mark.browser

# Casalmaggiore's town centre.
CASALMAGGIORE = {"latitude": 44.99, "longitude": 10.42}


def test_finder_works_with_javascript_off(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="it-IT")
    page = context.new_page()
    page.goto(f"{base_url}/it/trova-aiuto/")
    # The location button needs JavaScript: without it, it stays hidden.
    assert not page.locator("[data-finder-locate]").is_visible()

    page.get_by_label("Il tuo comune o CAP").fill("Viadana")
    page.get_by_role("button", name="Cerca").click()

    first = page.locator(".help-point").first
    assert "Centro antiviolenza M.I.A. di Casalmaggiore" in first.inner_text()
    assert first.locator("a[href^='tel:']").count() == 1
    assert "q=Viadana" in page.url
    context.close()


def test_use_my_location_lists_nearest_first(browser, base_url):
    context = browser.new_context(
        geolocation=CASALMAGGIORE, permissions=["geolocation"], locale="it-IT"
    )
    page = context.new_page()
    origins = OriginRecorder(context, base_url)
    page.goto(f"{base_url}/it/trova-aiuto/")

    page.get_by_role("button", name="Usa la mia posizione").click()
    page.locator("#results-title").wait_for()
    assert page.url == f"{base_url}/it/trova-aiuto/"  # her position is in no URL

    names = page.locator(".help-point__name").all_inner_texts()
    assert names[0] == "Centro antiviolenza M.I.A. di Casalmaggiore"
    assert names[-1] == "Sportello di prossimità di Molinella" or len(names) == 7
    origins.assert_none()
    context.close()


@pytest.mark.parametrize("language", ["it", "ar"])
@pytest.mark.parametrize(
    "path",
    [
        "trova-aiuto/?q=Budrio",
        "trova-aiuto/?q=Castro",
        "trova-aiuto/?q=Bolgna",  # "Did you mean"
        "punti-di-aiuto/sportello-budrio/",
        "punti-di-aiuto/sportello-alto-reno-terme/",  # its address is hidden
    ],
)
def test_finder_and_help_point_pages_are_accessible_and_stay_on_our_origin(
    context, page, base_url, language, path
):
    origins = OriginRecorder(context, base_url)
    page.goto(f"{base_url}/{language}/{path}")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_accessible(page)
    origins.assert_none()


@pytest.mark.parametrize("language", ["it", "ar"])
def test_the_map_follows_the_list_and_fits_a_phone(browser, base_url, language):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    origins = OriginRecorder(context, base_url)
    page.goto(f"{base_url}/{language}/trova-aiuto/?q=Reggio Emilia")
    results = page.locator("ol.help-points").bounding_box()
    map_box = page.locator("svg.area-map").bounding_box()
    assert map_box["y"] >= results["y"] + results["height"]  # the list stays first
    assert map_box["x"] >= 0 and map_box["x"] + map_box["width"] <= 360
    assert page.locator("svg.area-map text").count() == page.locator(".help-point").count()
    assert_accessible(page)
    origins.assert_none()
    context.close()
