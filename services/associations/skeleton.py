"""The associations page of every network's site, from skeleton.toml beside this module
(setup_site builds it; `setup_association` adds each association below it)."""

from pathlib import Path

from home.content import ContentData, ContentPart, get_or_create_child

from .models import AssociationIndexPage

DATA = ContentData(Path(__file__).with_name("skeleton.toml"))


def build(home, data):
    spec = data["index"]
    page, _created = get_or_create_child(
        home, AssociationIndexPage, spec["slug"], **data.texts(spec, "title", "intro")
    )
    return [page]


def index_page(locale):
    """The associations index of `locale`."""
    return AssociationIndexPage.objects.get(locale=locale, slug=DATA["index"]["slug"])


ASSOCIATIONS = ContentPart(data=DATA, build=build)
