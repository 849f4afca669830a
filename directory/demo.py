"""Demo content of the protected directory, from demo.toml beside this module: operator
groups, private pages and documents.

Everything here is example data (addresses, phone numbers and availability are
invented). The directory is working material for Italian-speaking operators: it is
not translated (other languages get alias pages carrying the same privacy), and it
has no card on the home page.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.demo_toolkit import DemoData, DemoPart, get_or_create_child
from services.associations.models import AssociationPage
from services.associations.partners import grant_page_permissions

from .models import DirectoryIndexPage, HousingUnitPage, ProtocolPage, ReferralContactPage

DATA = DemoData(Path(__file__).with_name("demo.toml"))

NETWORK_OPERATORS = "Operators"
EDITORS = "Editors"


def operator_group_name(association):
    return f"Operators – {association.title}"


def operator_groups():
    """The network-wide operators group and one per association."""
    groups = [Group.objects.get_or_create(name=NETWORK_OPERATORS)[0]]
    associations = AssociationPage.objects.filter(
        alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE
    ).order_by("title")
    for association in associations:
        groups.append(Group.objects.get_or_create(name=operator_group_name(association))[0])
    return groups


def let_operators_edit(pages, group):
    """The association's operators keep their units' availability up to date.

    Rights are given page by page, never on the whole directory, so the admin never
    shows operators a resource outside their audience.
    """
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_page_permissions(group, pages, ("change_page", "publish_page"))


def restrict_page(page, groups):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
    restriction.groups.set(groups)


def operators_moderate(directory, groups):
    """Changes below the directory are approved by its operators, never network moderators.

    The network's default workflow would send a confidential draft (title, address) to
    moderators outside the directory's audience, by dashboard and email.
    """
    task, _created = GroupApprovalTask.objects.get_or_create(name="Operators approval")
    task.groups.set(groups)
    workflow, _created = Workflow.objects.get_or_create(name="Directory: operators approve")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in directory.get_translations(inclusive=True):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


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
    """Builds the directory; returns no pages, so nothing is translated or put on a card."""
    groups = operator_groups()
    housing = data["housing"]
    manager = AssociationPage.objects.filter(
        slug=housing["managed_by"], locale__language_code=settings.LANGUAGE_CODE
    ).first()
    manager_operators = Group.objects.get(name=operator_group_name(manager))
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="view_accessrecord"))

    spec = data["directory"]
    directory, _created = get_or_create_child(
        home,
        DirectoryIndexPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        example_data=True,
        show_in_menus=False,
    )
    restrict_page(directory, groups)
    operators_moderate(directory, groups)

    units = []
    for unit in housing["units"]:
        page, _created = get_or_create_child(
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
        units.append(page)
    let_operators_edit(units, manager_operators)
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

    audiences = {"network": groups, "manager": [manager_operators]}
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


DIRECTORY_DEMO = DemoPart(data=DATA, build=build)
