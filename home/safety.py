"""The safe-browsing guidance page of every network's site, from safety.toml beside this
module, in Italian and all five other languages (setup_site translates it into each)."""

from pathlib import Path

from .content import ContentData, ContentPart, get_or_create_child
from .models import SafeBrowsingPage

DATA = ContentData(Path(__file__).with_name("safety.toml"))


def build(home, data):
    """The safe-browsing guidance page, in Italian."""
    spec = data["page"]
    page, _ = get_or_create_child(
        home,
        SafeBrowsingPage,
        spec["slug"],
        **data.texts(spec, "title", "intro"),
        body=data.body(spec["body"]),
    )
    return [page]


SAFE_BROWSING = ContentPart(data=DATA, build=build)
