"""Who may open which inbox: the `services.read_inbox` permission plus membership of a
group linked to the association (InboxStaffGroup). Superusers are no exception: an
inbox belongs to its association's staff only.
"""

from services.associations.models import AssociationPage


def readable_associations(user):
    """The associations whose inbox `user` may read (Italian pages, where messages attach)."""
    if not (user.is_authenticated and user.is_active and user.has_perm("services.read_inbox")):
        return AssociationPage.objects.none()
    return (
        AssociationPage.objects.filter(inbox_groups__group__user=user).distinct().order_by("title")
    )
