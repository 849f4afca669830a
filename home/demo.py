"""Demo content from the two source projects, from demo.toml beside this module: the home
page, the about page and the project pages.

Facts about the projects are real (from the projects' own descriptions); anything
invented is on pages marked as example data.
"""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .demo_toolkit import DemoData, DemoPart, get_or_create_child
from .models import HomePage, ProjectIndexPage, ProjectOrganisation, ProjectPage, StandardPage

DATA = DemoData(Path(__file__).with_name("demo.toml"))


def home_page(data=DATA):
    """The Italian home page, created (replacing Wagtail's welcome page) if missing."""
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        # Wagtail's "Welcome" page, and its copies in the other locales.
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            welcome.delete()
        spec = data["home"]
        home = HomePage(slug="home", locale=locale, **data.texts(spec, "title", "intro"))
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Clos(H)er",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def set_entry_points(home, sections, texts):
    """Add a home-page card for each section that has none yet, in the given order."""
    linked = {entry.value["page"].pk for entry in home.entry_points if entry.value["page"]}
    missing = [page for page in sections if page.pk not in linked and page.slug in texts]
    if not missing:
        return
    for page in missing:
        home.entry_points.append(("entry_point", {"page": page, "text": texts[page.slug]}))
    home.save_revision().publish()


def project_page(index, spec, data):
    budget = spec.get("budget")
    page, _ = get_or_create_child(
        index,
        ProjectPage,
        spec["slug"],
        **data.texts(spec, "title", "summary", "place", "beneficiaries"),
        start_year=spec["start_year"],
        end_year=spec["end_year"],
        budget=Decimal(budget) if budget is not None else None,
        body=data.body(spec["body"]),
        organisations=[
            ProjectOrganisation(name=organisation["name"], role=organisation["role"])
            for organisation in spec["organisations"]
        ],
    )
    return page


def build(home, data):
    """The about page, the project index and the two projects, in Italian."""
    about = data["about"]
    about_page, _ = get_or_create_child(
        home,
        StandardPage,
        about["slug"],
        **data.texts(about, "title", "intro"),
        body=data.body(about["body"]),
    )
    spec = data["projects_index"]
    index, _ = get_or_create_child(
        home, ProjectIndexPage, spec["slug"], **data.texts(spec, "title", "intro")
    )
    projects = [project_page(index, project, data) for project in data["projects"]]
    return [about_page, index, *projects]


HOME_DEMO = DemoPart(data=DATA, build=build)
