"""Demo contact page ("Scrivici"), from demo.toml beside this module, and the inbox staff
group of each association.

No inbox key is created: private keys are made by each association's staff in their
own browser (admin → Secure inbox → Keys), so until then the page explains that the
association cannot receive messages online yet.
"""

from pathlib import Path

from django.conf import settings

from home.demo_toolkit import DemoData, DemoPart, get_or_create_child
from services.associations.models import AssociationPage

from .groups import setup_inbox_group
from .pages import ContactPage

DATA = DemoData(Path(__file__).with_name("demo.toml"))


def build(home, data):
    """The contact page (network default: MondoDonna) and the inbox groups."""
    associations = AssociationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for association in associations:
        setup_inbox_group(association)
    spec = data["page"]
    page, _ = get_or_create_child(
        home,
        ContactPage,
        spec["slug"],
        **data.texts(spec, "title", "intro"),
        privacy_notice=data.paragraphs(spec["privacy_notice"]),
        next_steps=data.paragraphs(spec["next_steps"]),
        default_association=associations.filter(slug=spec["default_association"]).first(),
    )
    return [page]


CONTACT_DEMO = DemoPart(data=DATA, build=build)
