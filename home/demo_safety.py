"""Demo content: the safe-browsing guidance page, from demo_safety.toml beside this module,
in Italian and all five other languages (load_demo translates it into each)."""

from pathlib import Path

from .demo_toolkit import DemoData, DemoPart, get_or_create_child
from .models import SafeBrowsingPage

DATA = DemoData(Path(__file__).with_name("demo_safety.toml"))


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


SAFE_BROWSING_DEMO = DemoPart(data=DATA, build=build)
