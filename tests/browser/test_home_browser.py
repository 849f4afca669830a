import pytest

from .helpers import OriginRecorder, assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["it", "en", "ar"])
def test_home_page_is_accessible_and_stays_on_our_origin(context, page, base_url, language):
    origins = OriginRecorder(context, base_url)

    page.goto(f"{base_url}/{language}/")

    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.get_by_role("link", name="112").first.is_visible()
    assert page.get_by_role("link", name="1522").first.is_visible()
    assert_accessible(page)
    origins.assert_none()


def test_language_switcher_leads_to_the_same_page_in_arabic(page, base_url):
    page.goto(f"{base_url}/it/progetti/closher/")

    page.locator("nav.languages").get_by_role("link", name="العربيّة").click()

    assert page.url == f"{base_url}/ar/progetti/closher/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    arabic_link = page.locator("nav.languages a[aria-current]")
    assert arabic_link.inner_text() == "العربيّة"
