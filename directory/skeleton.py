"""The protected directory of every network's site, from skeleton.toml beside this
module: an empty directory page, private to the operators' groups (Wagtail's page
privacy), its drafts approved by the operators (services/associations/roles.py).

It is working material for operators in the default language: not translated (other
languages get alias pages carrying the same privacy), and it has no card on the home
page.
"""

from pathlib import Path

from home.content import ContentData, ContentPart, get_or_create_child
from services.associations.roles import setup_network_roles

from .models import DirectoryIndexPage

DATA = ContentData(Path(__file__).with_name("skeleton.toml"))


def build(home, data):
    """The directory, closed to the public; returns no page to translate or show."""
    spec = data["directory"]
    directory, _created = get_or_create_child(
        home,
        DirectoryIndexPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        show_in_menus=False,
    )
    setup_network_roles()
    return []


DIRECTORY = ContentPart(data=DATA, build=build, after_sync=setup_network_roles)
