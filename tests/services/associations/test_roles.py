"""One table of roles (services/associations/roles.py) gives every group its permissions:
`setup_association` applies it, again and again with the same result, and takes back
what was given by hand."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from services.associations.roles import (
    ASSOCIATION_ROLES,
    NETWORK_ROLES,
    setup_association_roles,
    setup_network_roles,
)
from services.contact.models import InboxSettings, InboxStaffGroup
from services.contact.pages import ContactPage
from services.models import AssociationPage

pytestmark = pytest.mark.django_db


def setup_association(*args):
    call_command("setup_association", *args, stdout=StringIO())


def permissions_snapshot():
    """Every group and everything it may do."""
    return {
        group.name: (
            sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()),
            sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission__codename"
                )
            ),
            sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission__codename"
                )
            ),
        )
        for group in Group.objects.all()
    }


def associations():
    return AssociationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def test_setup_association_twice_gives_the_same_permissions(demo):
    setup_association("mia")
    before = permissions_snapshot()

    setup_association("mia")

    assert permissions_snapshot() == before


def test_the_table_is_the_only_source_of_permissions(demo):
    """The demo's groups are exactly the table's, and hold exactly what it gives them."""
    names = {role.name for role in NETWORK_ROLES} | {
        role.name.format(association=association.title)
        for association in associations()
        for role in ASSOCIATION_ROLES
    }
    before = permissions_snapshot()
    assert set(before) == names

    setup_network_roles()
    for association in associations():
        setup_association_roles(association)

    assert permissions_snapshot() == before


def test_a_permission_given_by_hand_is_taken_back(demo):
    mia = associations().get(slug="mia")
    partner = Group.objects.get(name=f"Partner – {mia.title}")
    partner.permissions.add(Permission.objects.get(codename="change_user"))
    home = mia.get_parent().get_parent()
    GroupPagePermission.objects.create(
        group=partner, page=home, permission=Permission.objects.get(codename="publish_page")
    )

    setup_association("mia")

    assert not partner.permissions.filter(codename="change_user").exists()
    assert not GroupPagePermission.objects.filter(group=partner, page=home).exists()


def test_only_operators_with_units_to_keep_up_to_date_use_the_admin(demo):
    """M.I.A. manages the demo's housing units; MondoDonna manages none."""
    groups = {
        slug: setup_association_roles(associations().get(slug=slug))["operators"]
        for slug in ("mia", "mondodonna")
    }
    assert groups["mia"].permissions.filter(codename="access_admin").exists()
    assert GroupPagePermission.objects.filter(group=groups["mia"]).exists()
    assert not groups["mondodonna"].permissions.exists()
    assert not GroupPagePermission.objects.filter(group=groups["mondodonna"]).exists()


def test_a_new_association_exists_in_every_language_with_its_groups(demo):
    setup_association(
        "nuova",
        "--name",
        "Associazione Nuova",
        "--summary",
        "Ascolto e accoglienza.",
        "--based-in",
        "Parma",
    )

    nuova = associations().get(slug="nuova")
    assert AssociationPage.objects.filter(translation_key=nuova.translation_key).count() == len(
        settings.LANGUAGES
    )
    assert InboxSettings.objects.filter(association=nuova).exists()
    inbox = InboxStaffGroup.objects.get(association=nuova).group
    assert inbox.name == "Inbox – Associazione Nuova"
    assert inbox.permissions.filter(codename="read_inbox").exists()
    directory_groups = Group.objects.filter(
        pageviewrestriction__page__slug="riservato"
    ).values_list("name", flat=True)
    assert "Operators – Associazione Nuova" in directory_groups
    # The demo's network default is kept.
    default = ContactPage.objects.get(locale__language_code="it").default_association
    assert default.slug == "mondodonna"


def test_a_moderated_partner_group_cannot_publish_until_set_up_again(demo):
    setup_association("mia", "--moderated")
    group = Group.objects.get(name__startswith="Partner – M.I.A")
    assert not GroupPagePermission.objects.filter(group=group, permission__codename="publish_page")
    # Only the partners are moderated: operators still publish their units' availability.
    operators = Group.objects.get(name__startswith="Operators – M.I.A")
    assert GroupPagePermission.objects.filter(group=operators, permission__codename="publish_page")

    setup_association("mia")
    assert GroupPagePermission.objects.filter(group=group, permission__codename="publish_page")


def test_a_new_association_without_its_details_is_refused(demo):
    with pytest.raises(CommandError, match="summary, based_in"):
        setup_association("nuova", "--name", "Associazione Nuova")
