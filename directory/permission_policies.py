"""Wagtail's permission policies, narrowed by our access policy (access.py).

Wagtail's page and collection permissions have no "deny": a group with rights on the
root (the network's editors and moderators) has them on every page below it, the
directory included, and on every collection. Each admin listing (explorer, search,
reports, dashboard panels, history, the page-type usage listing, the document index
and choosers) asks Wagtail's shared policy objects which pages and documents a user
may touch. Wagtail offers no exemption below a granted page (wagtail/wagtail#7813, open)
nor a setting to replace those objects, so `install()` gives those shared objects our subclasses,
which remove what lies outside the user's audience. The admin guard
(admin_guard.py) still refuses every route naming a hidden object by id.

Remove this module if Wagtail gains a way to restrict its policies.
"""

from wagtail.models import PagePermissionTester
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import page_permission_policy

from .access import may_see_document, may_see_page, visible_collections, visible_documents
from .access import visible_pages as narrow_pages


class AudiencePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy without the pages outside the user's audience."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not may_see_page(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return narrow_pages(super().instances_user_has_any_permission_for(user, actions), user)

    def explorable_instances(self, user):
        return narrow_pages(super().explorable_instances(user), user)


class AudienceDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy without private collections outside the user's audience."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not may_see_document(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        documents = super().instances_user_has_any_permission_for(user, actions)
        return visible_documents(documents, user)

    def collections_user_has_any_permission_for(self, user, actions):
        collections = super().collections_user_has_any_permission_for(user, actions)
        return visible_collections(collections, user)


class AudiencePagePermissionTester(PagePermissionTester):
    """No right at all on a page outside the user's audience; Wagtail's rules otherwise."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if not may_see_page(user, page):
            self.permissions = set()


def install():
    """Narrow Wagtail's shared page and document policies (called from AppConfig.ready)."""
    from wagtail.documents import permissions as document_permissions  # needs loaded apps

    page_permission_policy.__class__ = AudiencePagePermissionPolicy
    document_permissions.permission_policy.__class__ = AudienceDocumentPermissionPolicy
