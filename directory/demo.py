"""Demo content of the protected directory, from demo.toml beside this module: private
pages and documents in the skeleton's empty directory (directory/skeleton.py), for the
operators' groups of the table of roles (services/associations/roles.py).

Everything here is example data (addresses, phone numbers and availability are
invented). The directory is working material for Italian-speaking operators: it is
not translated (other languages get alias pages carrying the same privacy), and it
has no card on the home page.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from home.content import ContentData, ContentPart, get_or_create_child
from services.associations.demo import demo_associations
from services.associations.models import AssociationPage
from services.associations.roles import (
    directory_audience,
    group_name,
    restrict_page,
    setup_association_roles,
)

from .models import DirectoryIndexPage, HousingUnitPage, ProtocolPage, ReferralContactPage

DATA = ContentData(Path(__file__).with_name("demo.toml"))


def private_collection(name, groups):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(groups)
    return collection


def document(collection, title, filename, text):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    doc = Document(title=title, collection=collection)
    doc.file.save(filename, ContentFile(text.encode()), save=False)
    doc.save()
    return doc


def build(home, data):
    """Fills the directory; returns no pages, so nothing is translated or put on a card.

    The associations' groups are made first, so the network's documents are for every
    operators' group; `setup_association` (the associations' demo, once everything is
    built) then lets the manager's operators edit its units.
    """
    housing = data["housing"]
    manager = AssociationPage.objects.get(
        slug=housing["managed_by"], locale__language_code=settings.LANGUAGE_CODE
    )
    for association in demo_associations():
        setup_association_roles(association)
    manager_operators = Group.objects.get(name=group_name("operators", manager))
    directory = DirectoryIndexPage.objects.child_of(home).get()
    for unit in housing["units"]:
        get_or_create_child(
            directory,
            HousingUnitPage,
            unit["slug"],
            title=housing["title_prefix"] + unit["title"],
            accommodation_type=HousingUnitPage.AccommodationType.HOUSING,
            summary=housing["summary"],
            managed_by=manager,
            comune=housing["comune"],
            address=housing["address"],
            accepts=unit["accepts"],
            capacity=unit["capacity"],
            free_places=unit["free_places"],
            example_data=True,
        )
    emergency = dict(data["emergency"])
    get_or_create_child(
        directory,
        HousingUnitPage,
        emergency.pop("slug"),
        accommodation_type=HousingUnitPage.AccommodationType.EMERGENCY,
        example_data=True,
        **emergency,
    )
    for contact in data["contacts"]:
        fields = dict(contact)
        get_or_create_child(
            directory, ReferralContactPage, fields.pop("slug"), example_data=True, **fields
        )

    audiences = {"network": directory_audience(), "manager": [manager_operators]}
    for protocol in data["protocols"]:
        audience = audiences[protocol["audience"]]
        file = protocol["document"]
        page, _created = get_or_create_child(
            directory,
            ProtocolPage,
            protocol["slug"],
            title=protocol["title"],
            summary=protocol["summary"],
            comune=protocol["comune"],
            document=document(
                private_collection(protocol["collection"], audience),
                file["title"],
                file["file"],
                file["text"],
            ),
            example_data=True,
        )
        if protocol["audience"] != "network":
            restrict_page(page, audience)
    return []


DIRECTORY_DEMO = ContentPart(data=DATA, build=build)
