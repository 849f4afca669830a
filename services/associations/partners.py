"""Partner groups: the people of one association publish in its own section only.

The group "Partner – <name>" and its permissions come from the table of roles
(`services/associations/roles.py`).
"""

from .models import AssociationPage
from .roles import group_name as role_group_name


def group_name(association):
    return role_group_name("partner", association)


def partner_associations(user):
    """The association pages (any language) whose section `user` publishes as a partner."""
    if not user.is_authenticated:
        return AssociationPage.objects.none()
    return AssociationPage.objects.filter(
        group_permissions__group__in=user.groups.all(),
        group_permissions__permission__codename="add_page",
    ).distinct()
