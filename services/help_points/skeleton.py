"""The finder and the help points index of every network's site, from skeleton.toml
beside this module (setup_site builds them; help points are added below the index)."""

from pathlib import Path

from home.content import ContentData, ContentPart, get_or_create_child

from .models import HelpPointIndexPage
from .pages import FinderPage

DATA = ContentData(Path(__file__).with_name("skeleton.toml"))


def build(home, data):
    pages = []
    for model, spec in ((FinderPage, data["finder"]), (HelpPointIndexPage, data["index"])):
        page, _created = get_or_create_child(
            home, model, spec["slug"], **data.texts(spec, "title", "intro")
        )
        pages.append(page)
    return pages


FINDER = ContentPart(data=DATA, build=build)
