"""The contact page, "Scrivici", of every network's site, from skeleton.toml beside this
module (setup_site builds it).

It has no default association until `setup_association` makes the first one. No inbox
key is created: private keys are made by each association's staff in their own browser
(admin → Secure inbox → Keys), so until then the page explains that the association
cannot receive messages online yet.
"""

from pathlib import Path

from home.content import ContentData, ContentPart, get_or_create_child

from .pages import ContactPage

DATA = ContentData(Path(__file__).with_name("skeleton.toml"))


def build(home, data):
    spec = data["page"]
    page, _created = get_or_create_child(
        home,
        ContactPage,
        spec["slug"],
        **data.texts(spec, "title", "intro"),
        privacy_notice=data.paragraphs(spec["privacy_notice"]),
        next_steps=data.paragraphs(spec["next_steps"]),
    )
    return [page]


CONTACT = ContentPart(data=DATA, build=build)
