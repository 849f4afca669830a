"""Every public page of the demo, in each of the six languages, is really in that language.

The pages are those of the Italian sitemap, opened under each language's prefix on the
test server with plain HTTP requests (nothing here needs JavaScript). A page in another
language must not carry the "untranslated" notice, must say its language and direction
in `<html>`, must have its own `<h1>` (unless the title is a proper name) and must not
repeat any sentence of the Italian page's main content (unless it is a name or an
address, the same in every language).
"""

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.browser

TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "it"]
RTL = {"ar"}
# Titles that are names, the same in every language: the network's (the home page's title,
# given to `setup_site --name`) and the associations'.
PROPER_NAMES = {
    "Rete Clos(H)er",
    "MondoDonna Onlus",
    "PerLeDonne",
    "S.O.S. Donna",
    "L'isola che c'è",
    "M.I.A. Movimento Incontro Ascolto",
}
# Sentences of an Italian page that are names or addresses, kept in every language.
KEPT_SENTENCES = {
    "Corso Italia 20, San Giovanni in Persiceto (BO)",
    "Piazza Garibaldi 1, Bazzano, Valsamoggia (BO)",
}
# Where a sentence ends, and the "·" between a place and an association's name.
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+|·")
MIN_WORDS = 6


def fetch(url):
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310
        return response.status, response.read().decode()


def italian_paths(base_url):
    """The path of every Italian page in the sitemap."""
    _status, sitemap = fetch(f"{base_url}/it/sitemap.xml")
    paths = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    return sorted(path for path in paths if path.startswith("/it/"))


def sentences(text):
    """The sentences of a text that are long enough to be recognisably Italian prose."""
    found = set()
    for sentence in SENTENCE_END.split(text):
        sentence = " ".join(sentence.split())
        if len(sentence.split()) >= MIN_WORDS and sentence not in KEPT_SENTENCES:
            found.add(sentence)
    return found


class Fetched:
    def __init__(self, path, status, html):
        self.path = path
        self.status = status
        soup = BeautifulSoup(html, "html.parser")
        self.html = soup.find("html")
        self.h1 = " ".join(soup.find("h1").get_text(" ").split()) if soup.find("h1") else ""
        main = soup.find("main")
        self.main_text = main.get_text("\n")
        # Details the page itself marks as Italian (an opening exception's note).
        for element in main.select('[lang="it"]'):
            element.decompose()
        self.translated_text = " ".join(main.get_text(" ").split())


@pytest.fixture(scope="module")
def crawl(base_url):
    """{language: {Italian path: Fetched}} for every public page in every language."""
    paths = italian_paths(base_url)
    requests = [
        (code, path, path.replace("/it/", f"/{code}/", 1))
        for code in ["it", *TARGET_LANGUAGES]
        for path in paths
    ]

    def get(request):
        code, path, url_path = request
        return code, path, Fetched(url_path, *fetch(base_url + url_path))

    pages = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for code, path, page in pool.map(get, requests):
            pages.setdefault(code, {})[path] = page
    return pages


def test_the_crawl_covers_every_public_page(crawl):
    assert len(crawl["it"]) >= 28
    assert all(page.status == 200 for pages in crawl.values() for page in pages.values())


def test_italian_pages_say_they_are_italian(crawl):
    for page in crawl["it"].values():
        assert (page.html["lang"], page.html["dir"]) == ("it", "ltr"), page.path


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_every_page_is_translated(crawl, code):
    with translation.override(code):
        notice = translation.gettext(
            "This page has not been translated yet: it is shown in %(language)s."
        ).split("%(language)s")[0]
    direction = "rtl" if code in RTL else "ltr"
    problems = []
    for path, italian in crawl["it"].items():
        page = crawl[code][path]
        if (page.html.get("lang"), page.html.get("dir")) != (code, direction):
            problems.append(f"{page.path}: <html lang={page.html.get('lang')} dir=…>")
        if notice in " ".join(page.main_text.split()):
            problems.append(f"{page.path}: untranslated notice")
        if page.h1 == italian.h1 and page.h1 not in PROPER_NAMES:
            problems.append(f"{page.path}: Italian <h1> {page.h1!r}")
        for sentence in sentences(italian.main_text):
            if sentence in page.translated_text:
                problems.append(f"{page.path}: Italian sentence {sentence!r}")
    assert not problems, "\n".join(problems)
