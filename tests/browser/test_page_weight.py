"""A slow phone: every public page weighs under 50 KB on first view (empty cache).

Every page of the sitemap, in Italian and in Arabic, is opened in a fresh browser context and
the bytes of every response it needed (headers and bodies, as the browser received
them) are added up. The site compresses nothing itself here, so this is the weight
without gzip: an upper bound.
"""

import pytest

from .test_safety_trace import public_urls

pytestmark = pytest.mark.browser

LIMIT = 50 * 1024


def first_view_bytes(browser, url):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    sizes = [request.sizes() for request in requests]
    context.close()
    return sum(size["responseHeadersSize"] + size["responseBodySize"] for size in sizes)


def test_every_public_page_is_under_50_kb_on_first_view(browser, base_url):
    italian = public_urls(base_url)
    urls = [*italian, *(url.replace("/it/", "/ar/", 1) for url in italian)]
    weights = {url: first_view_bytes(browser, url) for url in urls}
    heaviest = max(weights, key=weights.get)
    print(f"\nheaviest first view: {weights[heaviest]} bytes, {heaviest}")  # noqa: T201
    assert len(weights) > 20
    assert all(weight > 1000 for weight in weights.values())
    too_heavy = {url: weight for url, weight in weights.items() if weight > LIMIT}
    assert not too_heavy
