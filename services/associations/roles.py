"""The roles of the network: one table of groups and the permissions each one gets.

`NETWORK_ROLES` are made once for the whole site (`setup_site`), `ASSOCIATION_ROLES` once
per association (`setup_association SLUG`). Applying a role gives its group exactly what
the table says, and takes away anything else given to it by hand, so running the
commands again repairs a group. Nothing else in the code gives a group a permission:
people are added to the groups in the admin (Settings → Users).

- Partner – <association>: use the admin; add, edit and publish pages below the
  association's page (its workshops) in every language, and edit and publish its own help
  points (their hours). Moderated (`--moderated`): the same without publishing, so changes
  go through the moderation workflow. Wagtail's page permissions are per subtree, so other
  associations' pages, site settings and users stay out of reach.
- Inbox – <association>: use the admin and read the association's secure inbox (the group
  is linked to the association under Snippets → Inbox staff groups).
- Operators – <association> and the network-wide Operators: read the protected
  directory. An association's operators also keep the availability of the housing units
  it manages up to date (edit and publish those pages only, never the whole directory, so
  the admin never shows them a resource outside their audience); with no unit to manage
  they have no admin access at all.
- Editors and Moderators: Wagtail's own groups, with Wagtail's permissions (edit the
  public pages, images and documents; Moderators also publish and approve), and Editors
  read the report of who viewed which confidential resource.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from directory.models import DirectoryIndexPage, HousingUnitPage
from home.content import translate_page
from services.contact.models import InboxSettings, InboxStaffGroup
from services.contact.pages import ContactPage
from services.help_points.models import HelpPointPage

from .models import AssociationIndexPage, AssociationPage

ACCESS_ADMIN = "wagtailadmin.access_admin"
OPERATORS_TASK = "Operators approval"
DIRECTORY_WORKFLOW = "Directory: operators approve"


@dataclass(frozen=True)
class Role:
    """One group: its name, its permissions and the pages it may change.

    `permissions`: "app_label.codename" for the whole site. `root`: page permission
    codenames on the whole tree; `collections`: on every image and document collection
    (those of the directory keep their own privacy). `section`, `help_points`,
    `managed_units`: page permission codenames on the association's own page (every
    language), its help points (every language) and the directory's housing units it
    manages. A group given any page gets the admin too. `directory`: the group is in the
    directory's audience and moderates its drafts. `inbox`: the group reads the
    association's secure inbox.
    """

    key: str
    name: str
    permissions: tuple = ()
    root: tuple = ()
    collections: tuple = ()
    section: tuple = ()
    help_points: tuple = ()
    managed_units: tuple = ()
    directory: bool = False
    inbox: bool = False


# What Wagtail gives its own Editors and Moderators groups when it is installed.
STAFF_PERMISSIONS = (
    ACCESS_ADMIN,
    "wagtail_localize.submit_translation",
    *(f"wagtaildocs.{action}_document" for action in ("add", "change", "choose", "delete")),
    *(f"wagtailimages.{action}_image" for action in ("add", "change", "choose", "delete")),
)
STAFF_COLLECTIONS = tuple(
    f"{action}_{kind}" for kind in ("document", "image") for action in ("add", "change", "choose")
)
NETWORK_ROLES = (
    Role(
        "editors",
        "Editors",
        permissions=(*STAFF_PERMISSIONS, "directory.view_accessrecord"),
        root=("add_page", "change_page"),
        collections=STAFF_COLLECTIONS,
    ),
    Role(
        "moderators",
        "Moderators",
        permissions=STAFF_PERMISSIONS,
        root=("add_page", "change_page", "lock_page", "publish_page", "unlock_page"),
        collections=STAFF_COLLECTIONS,
    ),
    Role("operators", "Operators", directory=True),
)
ASSOCIATION_ROLES = (
    Role(
        "partner",
        "Partner – {association}",
        section=("add_page", "change_page", "publish_page"),
        help_points=("change_page", "publish_page"),
    ),
    Role(
        "inbox",
        "Inbox – {association}",
        permissions=(ACCESS_ADMIN, "services.read_inbox"),
        inbox=True,
    ),
    Role(
        "operators",
        "Operators – {association}",
        managed_units=("change_page", "publish_page"),
        directory=True,
    ),
)
# Page permissions a moderated partner group does not get.
MODERATED_OUT = {"publish_page"}


def role(key, roles=ASSOCIATION_ROLES):
    return next(item for item in roles if item.key == key)


def group_name(key, association=None):
    """The name of the group of role `key` (of `association`, for a per-association role)."""
    if association is None:
        return role(key, NETWORK_ROLES).name
    return role(key).name.format(association=association.title)


def _permissions(names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _in_every_language(pages):
    return Page.objects.filter(translation_key__in=[page.translation_key for page in pages])


def _role_pages(item, association, moderated):
    """[(pages, codenames)] the role's group may change (for `association`)."""
    if association is None:
        return [(Page.objects.filter(depth=1), item.root)] if item.root else []
    source = AssociationPage.objects.filter(translation_key=association.translation_key)
    help_points = HelpPointPage.objects.filter(association__in=source)
    units = HousingUnitPage.objects.filter(
        managed_by=association, locale__language_code=settings.LANGUAGE_CODE
    )
    grants = [
        (source, item.section),
        (_in_every_language(help_points), item.help_points),
        (units, item.managed_units),
    ]
    if moderated:
        grants = [
            (pages, tuple(c for c in codes if c not in MODERATED_OUT)) for pages, codes in grants
        ]
    return [(pages, codes) for pages, codes in grants if codes]


def apply_role(item, association=None, moderated=False):
    """Create or repair the group of `item` (for `association`, a page in the default
    language): exactly the table's permissions, nothing left from before."""
    name = item.name.format(association=association.title) if association else item.name
    group, _created = Group.objects.get_or_create(name=name)
    wanted = set()
    for pages, codenames in _role_pages(item, association, moderated):
        permissions = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
        wanted |= {(page.pk, permission.pk) for page in pages for permission in permissions}
    granted = GroupPagePermission.objects.filter(group=group)
    granted.exclude(
        pk__in=[g.pk for g in granted if (g.page_id, g.permission_id) in wanted]
    ).delete()
    have = set(
        GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id")
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page, permission_id=permission)
        for page, permission in sorted(wanted - have)
    )
    names = set(item.permissions) | ({ACCESS_ADMIN} if wanted else set())
    group.permissions.set(_permissions(sorted(names)))
    collection_permissions = Permission.objects.filter(
        content_type__app_label__in=["wagtaildocs", "wagtailimages"],
        codename__in=item.collections,
    )
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=Collection.get_first_root_node(), permission__in=collection_permissions
    ).delete()
    for permission in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=Collection.get_first_root_node(), permission=permission
        )
    if item.inbox:
        InboxStaffGroup.objects.update_or_create(group=group, defaults={"association": association})
    return group


def directory_audience():
    """Every group in the directory's audience: network operators and each association's."""
    names = [item.name for item in NETWORK_ROLES if item.directory]
    associations = AssociationPage.objects.filter(
        alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE
    )
    for association in associations.order_by("title"):
        names += [
            item.name.format(association=association.title)
            for item in ASSOCIATION_ROLES
            if item.directory
        ]
    return list(Group.objects.filter(name__in=names).order_by("name"))


def restrict_page(page, groups):
    """Wagtail's page privacy: only members of `groups` see `page` (and what is below)."""
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
    restriction.groups.set(groups)


def close_directory():
    """The directory is for its audience only, and its drafts are approved by its operators.

    Never by network moderators: the network's default workflow would send a confidential
    draft (title, address) to people outside the directory's audience, by dashboard and
    email.
    """
    groups = directory_audience()
    task, _created = GroupApprovalTask.objects.get_or_create(name=OPERATORS_TASK)
    task.groups.set(groups)
    workflow, _created = Workflow.objects.get_or_create(name=DIRECTORY_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for directory in DirectoryIndexPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ):
        restrict_page(directory, groups)
        for page in directory.get_translations(inclusive=True):
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


@transaction.atomic
def setup_network_roles():
    """The network-wide groups; returns {role key: group}."""
    groups = {item.key: apply_role(item) for item in NETWORK_ROLES}
    close_directory()
    return groups


@transaction.atomic
def setup_association_roles(association, moderated=False):
    """Every group of `association` (its page in the default language); idempotent.

    `moderated`: its partners may not publish. Returns {role key: group}. Run again after
    adding a help point or a housing unit.
    """
    assert association.locale.language_code == settings.LANGUAGE_CODE
    groups = {
        item.key: apply_role(item, association, moderated and item.key == "partner")
        for item in ASSOCIATION_ROLES
    }
    setup_network_roles()
    return groups


class NoAssociationsPage(LookupError):
    """The site has no associations page yet: `setup_site` makes it."""


def _translate_everywhere(page):
    """Translate a new page into every language its parent is translated into."""
    for locale in Locale.objects.exclude(pk=page.locale_id):
        existing = page.get_translation_or_none(locale)
        parent = page.get_parent().get_translation_or_none(locale)
        if (existing is None or existing.alias_of_id) and parent is not None:
            translate_page(page, locale, {page.title: page.title}, fallback=True)


def _route_unaddressed_messages_to(association):
    """Make `association` the contact page's network default where it has none."""
    for contact in ContactPage.objects.filter(
        default_association__isnull=True, alias_of__isnull=True
    ):
        contact.default_association = association
        contact.save_revision().publish()


@transaction.atomic
def setup_association(slug, name=None, moderated=False, **fields):
    """Create the association `slug` (its page in every language) if it is missing, its
    inbox settings and its groups with exactly the table's permissions; idempotent.

    A new association needs `name`, and in `fields` its `summary` and `based_in` (its
    comune); `legal_name` defaults to the name, `email` to none. An existing page is left
    as editors made it. The first association becomes the contact page's network
    default. Returns (its page in the default language, created, {role key: group}).
    """
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    association = AssociationPage.objects.filter(slug=slug, locale=locale).first()
    created = association is None
    if created:
        index = AssociationIndexPage.objects.filter(locale=locale).order_by("path").first()
        if index is None:
            raise NoAssociationsPage("No associations page: run setup_site first.")
        fields = {key: value for key, value in fields.items() if value}
        fields.setdefault("legal_name", name)
        missing = [
            key for key in ("name", "summary", "based_in") if not (fields | {"name": name}).get(key)
        ]
        if missing:
            raise ValueError(f"{slug!r} does not exist yet: give its {', '.join(missing)}.")
        association = AssociationPage(slug=slug, title=name, **fields)
        index.add_child(instance=association)
        association.save_revision().publish()
        _translate_everywhere(association)
    InboxSettings.objects.get_or_create(association=association)
    _route_unaddressed_messages_to(association)
    return association, created, setup_association_roles(association, moderated)
