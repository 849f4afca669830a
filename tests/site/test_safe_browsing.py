"""The safe-browsing guidance page: every topic, in six languages, linked from every page."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from home.models import SafeBrowsingPage
from home.safety import SAFE_BROWSING

TOPICS = [b for b in SAFE_BROWSING.data["page"]["body"] if b["type"] == "heading"]

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_guidance_page_is_translated_into_every_language(demo, client, page_in):
    italian = soup_of(client.get("/it/navigare-sicura/"))
    italian_headings = {h2.get_text(strip=True) for h2 in italian.select("main h2")}
    assert len(italian_headings) >= len(TOPICS) + 1  # the topics and the exit demo

    for language, _name in settings.LANGUAGES:
        page = page_in(language, "navigare-sicura")
        assert page.alias_of_id is None, language
        soup = soup_of(client.get(page.url))
        assert soup.html["lang"] == language
        headings = {h2.get_text(strip=True) for h2 in soup.select("main h2")}
        assert len(headings) == len(italian_headings), language
        if language != "it":
            assert not italian_headings & headings, language
        demo_link = soup.select_one(".safe-browsing-demo a[data-quick-exit]")
        assert demo_link["href"] == "https://www.meteoam.it/"
        assert demo_link["rel"] == ["noreferrer"]


def test_guidance_covers_every_topic_of_the_design(demo, client):
    text = soup_of(client.get("/en/navigare-sicura/")).get_text(" ", strip=True)

    for words in [
        "does not delete the browser history",
        "safer device",
        "Do not wipe everything suddenly",
        "delete only those",
        "Samsung Internet",
        "Autocomplete",
        "saved passwords",
        "bookmark",
        "Synced history",
        "call log",
        "bill",
        "Email and messages",
        "stalkerware",
        "AirTag",
        "Social media",
        "children's phones",
        "112",
        "1522",
        "Try the exit button",
    ]:
        assert words.lower() in text.lower(), words


def test_every_page_links_to_the_guidance_next_to_the_exit(demo, client):
    for language, label in [("it", "Navigare in sicurezza"), ("ar", "تصفّح آمن")]:
        for path in [f"/{language}/", f"/{language}/chi-siamo/", f"/{language}/nope/"]:
            bar = soup_of(client.get(path)).select_one("nav.safety-bar")
            guide = bar.select_one(".safety-bar__guide")
            assert guide.get_text(strip=True) == label
            assert guide["href"] == f"/{language}/navigare-sicura/"
            assert bar.select_one("a.quick-exit")["rel"] == ["noreferrer"]


def test_guidance_page_is_a_single_child_of_the_home_page():
    assert SafeBrowsingPage.parent_page_types == ["home.HomePage"]
    assert SafeBrowsingPage.subpage_types == []
    assert SafeBrowsingPage.max_count_per_parent == 1
