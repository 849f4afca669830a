"""The workshops page of every network's site, from skeleton.toml beside this module
(setup_site builds it; each association publishes its workshops in its own section)."""

from pathlib import Path

from home.content import ContentData, ContentPart, get_or_create_child

from .pages import WorkshopIndexPage

DATA = ContentData(Path(__file__).with_name("skeleton.toml"))


def build(home, data):
    spec = data["index"]
    page, _created = get_or_create_child(
        home, WorkshopIndexPage, spec["slug"], **data.texts(spec, "title", "intro")
    )
    return [page]


WORKSHOPS = ContentPart(data=DATA, build=build)
