import pytest

from .helpers import OriginRecorder, assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["it", "ar"])
@pytest.mark.parametrize("path", ["laboratori/", "associazioni/mondodonna/mindfulness/"])
def test_workshop_pages_are_accessible_and_stay_on_our_origin(
    context, page, base_url, language, path
):
    origins = OriginRecorder(context, base_url)

    page.goto(f"{base_url}/{language}/{path}")

    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator("ul.sessions li").count() > 0
    assert_accessible(page)
    origins.assert_none()


def test_the_filters_work_without_javascript(browser, base_url):
    context = browser.new_context(locale="it-IT", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/it/laboratori/")
        everything = page.locator(".session__title").all_inner_texts()
        assert len(set(everything)) == 5

        page.get_by_label("Associazione").select_option("isola-che-ce")
        page.get_by_role("button", name="Mostra gli incontri").click()

        assert "association=isola-che-ce" in page.url
        assert set(page.locator(".session__title").all_inner_texts()) == {
            "Gruppo di sostegno tra donne"
        }
        assert page.get_by_label("Associazione").input_value() == "isola-che-ce"
    finally:
        context.close()


def test_a_cancelled_session_is_shown_as_cancelled(page, base_url):
    page.goto(f"{base_url}/it/associazioni/sos-donna/musicoterapia/")

    cancelled = page.locator("li.session--cancelled")
    assert cancelled.count() == 1
    assert "Annullato" in cancelled.inner_text()
