"""Inbox staff groups: "Inbox – <association>", beside the partner groups of issue 5.

A member may use the admin and read the secure inbox of that association only. Add
to it the people who answer the association's messages; a partner who publishes
workshops does not need to be in it.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import InboxStaffGroup


def group_name(association):
    return f"Inbox – {association.title}"


@transaction.atomic
def setup_inbox_group(association):
    """Create or complete the inbox group of `association` (its Italian page); idempotent."""
    assert association.locale.language_code == settings.LANGUAGE_CODE
    group, _ = Group.objects.get_or_create(name=group_name(association))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="services", codename="read_inbox"),
    )
    InboxStaffGroup.objects.update_or_create(group=group, defaults={"association": association})
    return group
