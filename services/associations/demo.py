"""Demo associations of the network, from demo.toml beside this module, below the
skeleton's associations page; each then gets its inbox settings and groups from
`setup_association`, like a real one."""

from pathlib import Path

from django.conf import settings

from home.content import ContentData, ContentPart, get_or_create_child

from .models import AssociationIndexPage, AssociationPage, AssociationPhone
from .roles import setup_association

DATA = ContentData(Path(__file__).with_name("demo.toml"))


def association_page(index, record, data=DATA):
    """The page of one association of the data file, below the association index."""
    page, _ = get_or_create_child(
        index,
        AssociationPage,
        record["slug"],
        example_data=True,
        phones=[AssociationPhone(number=record["phone"])],
        **data.texts(record, "title", "summary"),
        legal_name=record["legal_name"],
        based_in=record["based_in"],
        description=data.paragraphs(record["description"]),
        email=record["email"],
        founded_year=record.get("founded_year"),
    )
    return page


def build(home, data):
    """The five associations of the network, in Italian."""
    index = AssociationIndexPage.objects.child_of(home).get()
    return [association_page(index, record, data) for record in data["associations"]]


def after_sync():
    """Once every language exists (and their help points and housing units): each
    association's inbox settings and groups, the first one the contact page's default."""
    for record in DATA["associations"]:
        setup_association(record["slug"])


def demo_associations():
    """The demo's association pages in the default language."""
    return AssociationPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        slug__in=[record["slug"] for record in DATA["associations"]],
    )


ASSOCIATIONS_DEMO = ContentPart(data=DATA, build=build, after_sync=after_sync)
