"""What search engines and link previews read: language alternates, the sitemap, descriptions.

A page counts in a language when it is translated there: an alias of the Italian page
(an untranslated page, shown with a notice) is left out of the sitemap and of the
alternates, and names its source as canonical. `x-default` is the Italian page.
"""

from django.conf import settings
from django.db.models import F, Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

DESCRIPTION_WORDS = 40
# Fields that hold a page's lead, in the order they are tried after its search description.
LEAD_FIELDS = ("intro", "summary")


def translated(pages):
    """The live public pages of `pages` that are not untranslated aliases."""
    return pages.live().public().filter(Q(alias_of__isnull=True) | Q(alias_of__locale=F("locale")))


def alternates_by_key(keys, request):
    """{translation_key: [{"lang_code", "location"}]}: every language a page is translated
    into, in the order of LANGUAGES, then x-default (the Italian page)."""
    order = [code for code, _name in settings.LANGUAGES]
    found = {}
    pages = translated(Page.objects.filter(translation_key__in=keys)).select_related("locale")
    for page in pages:
        url = page.get_full_url(request)
        if url:
            found.setdefault(page.translation_key, {})[page.locale.language_code] = url
    alternates = {}
    for key, urls in found.items():
        links = [{"lang_code": code, "location": urls[code]} for code in order if code in urls]
        if settings.LANGUAGE_CODE in urls:
            links.append({"lang_code": "x-default", "location": urls[settings.LANGUAGE_CODE]})
        alternates[key] = links
    return alternates


def is_untranslated_alias(page):
    return bool(page.alias_of_id) and page.alias_of.locale_id != page.locale_id


def head_links(page, request):
    """(canonical URL, alternates) for a page's <head>."""
    if is_untranslated_alias(page):
        return page.alias_of.get_full_url(request), []
    alternates = alternates_by_key([page.translation_key], request)
    return page.get_full_url(request), alternates.get(page.translation_key, [])


def site_description(network_name):
    return _(
        "%(network)s: anti-violence associations working together. Find a help point near "
        "you, workshops and a safe way to write to us. In danger, call 1522 or 112."
    ) % {"network": network_name}


def description(page, network_name):
    """The page's search description, else its lead, else the network's description in
    the visitor's language (also for an untranslated page, whose own text is Italian)."""
    if page is not None and not is_untranslated_alias(page):
        for text in (page.search_description, *(getattr(page, f, "") for f in LEAD_FIELDS)):
            if text and text.strip():
                return Truncator(" ".join(text.split())).words(DESCRIPTION_WORDS)
    return site_description(network_name)


class LanguageSitemap(Sitemap):
    """`/<lang>/sitemap.xml`: the live public pages translated into the URL's language,
    each with its alternates in the other languages (`xhtml:link`)."""

    def items(self):
        home = self.get_wagtail_site().root_page.localized
        return translated(home.get_descendants(inclusive=True)).order_by("path").specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = alternates_by_key([item.translation_key for item in pages], self.request)
        return [
            {**info, "alternates": alternates.get(item.translation_key, [])}
            for item in pages
            for info in item.get_sitemap_urls(self.request)
        ]
