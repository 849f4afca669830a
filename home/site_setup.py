"""The skeleton of a network's site, in every configured language: what `setup_site`
makes on an empty database (after `migrate`), and what `load_demo` adds its invented
content to.

The skeleton is the home page, the finder, the help points index, the workshops page,
the contact page, the associations page, the about page, the safe-browsing guidance and
the empty protected directory with its operators' groups and privacy, plus the Site
record and the network-wide groups. Its texts are data files (`skeleton.toml` and
`safety.toml` beside each part); once a page exists it belongs to the editors, and
running this again never changes it: it only adds what is missing.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from closher.models import NetworkSettings
from directory.skeleton import DIRECTORY
from services.associations.skeleton import ASSOCIATIONS
from services.contact.skeleton import CONTACT
from services.help_points.skeleton import FINDER
from services.workshops.skeleton import WORKSHOPS

from .content import translate_missing, translate_page
from .locales import ensure_locales
from .safety import SAFE_BROWSING
from .skeleton import ABOUT, home_page, set_entry_points, set_site

# The parts of the skeleton (home.content.ContentPart), built in this order; the home
# page's cards follow it.
SKELETON = [FINDER, WORKSHOPS, CONTACT, ASSOCIATIONS, ABOUT, SAFE_BROWSING, DIRECTORY]


def translations(parts, code, name):
    """{default-language text: text in `code`} from every part's data file; the
    network's name stays as it is."""
    merged = {name: name}
    for part in parts:
        merged.update(part.data.translations.get(code, {}))
    return merged


@transaction.atomic
def build_site(name, hostname=None, port=None, languages=None, parts=()):
    """Build what is missing of the skeleton, then of `parts`, and translate the new
    pages into `languages` (default: every configured one). Returns a summary dict."""
    ensure_locales()
    parts = [*SKELETON, *parts]
    home = home_page(name)
    site = set_site(home, name, hostname, port)
    NetworkSettings.objects.get_or_create(site=site, defaults={"network_name": name})
    existed = set(Page.objects.values_list("pk", flat=True))
    built = [(part, part.build(home, part.data)) for part in parts]
    pages = [page for _part, part_pages in built for page in part_pages]
    entry_texts = {}
    for part in parts:
        entry_texts.update(part.data.entry_points())
    # A card for each new section; a card editors removed stays removed.
    sections = [p for p in pages if p.depth == home.depth + 1 and p.pk not in existed]
    new_cards = set_entry_points(home, sections, entry_texts)

    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for locale in Locale.objects.exclude(pk=source.pk):
        synchronize_tree(source, locale)
    wanted = languages or [code for code, _name in settings.LANGUAGES]
    translated = 0
    for locale in Locale.objects.filter(language_code__in=wanted).exclude(pk=source.pk):
        texts = translations(parts, locale.language_code, name)
        existing = home.get_translation_or_none(locale)
        if existing is None or existing.alias_of_id or new_cards:
            # The cards come from every part: a text a part does not translate yet stays
            # in the default language.
            translate_page(home, locale, texts, fallback=True)
            translated += 1
        for part, part_pages in built:
            if locale.language_code in part.data.languages:
                translated += translate_missing(part_pages, locale, texts)
    for part in parts:
        if part.after_sync is not None:
            part.after_sync()
    return {"site": site, "pages": len(pages) + 1, "translated": translated}
