"""Partner groups: the people of one association publish in its own section only.

"Partner – <name>" may use the admin, add, edit and publish pages below the
association's page (its workshops) in every language, and edit and publish its own
help points (their hours). Nothing else: Wagtail's page permissions are per subtree,
so other associations' pages, site settings and users stay out of reach, and a page
can only be moved where the group may add pages, i.e. within its own section.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from services.help_points.models import HelpPointPage

from .models import AssociationPage

SECTION_PERMISSIONS = ("add_page", "change_page", "publish_page")
HELP_POINT_PERMISSIONS = ("change_page", "publish_page")


def group_name(association):
    return f"Partner – {association.title}"


def partner_associations(user):
    """The association pages (any language) whose section `user` publishes as a partner."""
    if not user.is_authenticated:
        return AssociationPage.objects.none()
    return AssociationPage.objects.filter(
        group_permissions__group__in=user.groups.all(),
        group_permissions__permission__codename="add_page",
    ).distinct()


def _allowed(codenames, moderated):
    return [code for code in codenames if not (moderated and code == "publish_page")]


def grant_page_permissions(group, pages, codenames):
    """Give `group` the page permissions `codenames` on each of `pages` (idempotent)."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    )
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@transaction.atomic
def setup_partner_group(association, moderated=False):
    """Create or complete the partner group of `association` (its Italian page); idempotent.

    `moderated`: the group may not publish; its changes go through the moderation
    workflow (Wagtail's default "Moderators approve" unless editors assign another).
    """
    group, _ = Group.objects.get_or_create(name=group_name(association))
    if moderated:
        GroupPagePermission.objects.filter(
            group=group, permission__codename="publish_page"
        ).delete()
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    sections = AssociationPage.objects.filter(translation_key=association.translation_key)
    grant_page_permissions(group, sections, _allowed(SECTION_PERMISSIONS, moderated))
    own = HelpPointPage.objects.filter(association__translation_key=association.translation_key)
    help_points = Page.objects.filter(
        translation_key__in=own.values_list("translation_key", flat=True)
    )
    grant_page_permissions(group, help_points, _allowed(HELP_POINT_PERMISSIONS, moderated))
    return group
