"""The skeleton of every network's site, from skeleton.toml beside this module: the home
page (replacing Wagtail's welcome page), the Site record and the about page.
`setup_site` builds them with the other domains' skeleton parts."""

from pathlib import Path

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .content import ContentData, ContentPart, page_with_body
from .models import HomePage, StandardPage

DATA = ContentData(Path(__file__).with_name("skeleton.toml"))


def home_page(name, data=DATA):
    """The home page in the default language, titled `name`, created (replacing
    Wagtail's welcome page) if missing; an existing one is left as editors made it."""
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        # Wagtail's "Welcome" page, and its copies in the other locales.
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            welcome.delete()
        home = HomePage(slug="home", locale=locale, title=name, **data.texts(data["home"], "intro"))
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    return home


def set_site(home, name, hostname=None, port=None):
    """The default Site: rooted at `home`, named `name`, at `hostname`:`port` when given
    (otherwise as it is, or localhost:80 when it is first made)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    changes = {"root_page_id": home.pk, "site_name": name}
    if hostname:
        changes["hostname"] = hostname
    if port:
        changes["port"] = port
    if site.pk is None or any(getattr(site, key) != value for key, value in changes.items()):
        for key, value in changes.items():
            setattr(site, key, value)
        site.save()
    return site


def set_entry_points(home, sections, texts):
    """Add a home-page card for each section that has none yet, in the given order;
    returns whether any was added."""
    linked = {entry.value["page"].pk for entry in home.entry_points if entry.value["page"]}
    missing = [page for page in sections if page.pk not in linked and page.slug in texts]
    if not missing:
        return False
    for page in missing:
        home.entry_points.append(("entry_point", {"page": page, "text": texts[page.slug]}))
    home.save_revision().publish()
    return True


ABOUT = ContentPart(data=DATA, build=page_with_body(StandardPage, "about"))
