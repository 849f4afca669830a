"""With the database unreachable, public URLs still answer: 503, 1522, 112, quick exit."""

import os

import pytest

from .helpers import SiteServer, assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def down_site(tmp_path_factory):
    """The site pointed at a PostgreSQL server that does not exist (port 1)."""
    env = {key: value for key, value in os.environ.items() if key != "SQLITE_PATH"}
    env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:1/none"
    env["MEDIA_ROOT"] = str(tmp_path_factory.mktemp("down") / "media")
    env["PRIVATE_MEDIA_ROOT"] = str(tmp_path_factory.mktemp("down") / "private")
    server = SiteServer(env)
    server.start()
    yield server.url
    server.stop()


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/it/", "it", "Il sito non è disponibile per il momento"),
        ("/ar/chi-siamo/", "ar", "الموقع غير متاح مؤقتًا"),
        ("/en/progetti/closher/", "en", "The site is temporarily unavailable"),
        ("/uk/sitemap.xml", "uk", "Сайт тимчасово недоступний"),
    ],
)
def test_public_urls_answer_503_with_the_numbers_and_the_exit(
    page, down_site, path, language, heading
):
    response = page.goto(down_site + path)

    assert response.status == 503
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.locator("a[href='tel:1522']").is_visible()
    assert page.locator("a[href='tel:112']").is_visible()
    exit_link = page.locator(".quick-exit")
    assert exit_link.is_visible()
    assert exit_link.get_attribute("href") == "https://www.meteoam.it/"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert_accessible(page)
