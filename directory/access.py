"""Who may see what: the one access policy for confidential pages, documents and inboxes.

Confidential content is marked with Wagtail's own privacy: a page restricted to groups
(on itself or an ancestor, in any language: wagtail-localize copies restrictions to
translations, and checking them all also covers alias pages), or a document in a
collection restricted to groups. Its audience is the members of those groups, and
superusers. Everybody else, whatever Wagtail permissions they hold, does not see it
in the public site nor in the admin.

- On the public site, `hidden_translation_keys(request)` applies every restriction as
  Wagtail serves pages (password and login restrictions included).
- In the admin, `may_see_page(user, page)` and friends apply the group restrictions:
  the admin guard (admin_guard.py), the permission policies (permission_policies.py) and
  the hooks all ask here.
- Inboxes belong to their association's staff: `services.contact.access`, which the
  inbox views ask for every request.
"""

from django.db.models import Q
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

HIDDEN_PAGES_CACHE = "_closher_hidden_page_keys"
HIDDEN_COLLECTIONS_CACHE = "_closher_hidden_collection_ids"
GROUPS_CACHE = "_closher_group_ids"


def _under(model, paths):
    """Rows of the tree `model` at or below any of `paths`."""
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return model.objects.filter(query) if paths else model.objects.none()


def _translation_keys_under(restrictions):
    """translation_keys of the restricted pages and everything below them."""
    paths = {restriction.page.path for restriction in restrictions}
    return set(_under(Page, paths).values_list("translation_key", flat=True))


def _page_restrictions():
    return PageViewRestriction.objects.select_related("page").prefetch_related("groups")


def _group_ids(user):
    """The ids of `user`'s groups, read once per request (cached on the user object)."""
    cached = getattr(user, GROUPS_CACHE, None)
    if cached is None:
        cached = set(user.groups.values_list("pk", flat=True))
        setattr(user, GROUPS_CACHE, cached)
    return cached


def _admits(restriction, user):
    """A group restriction admits its groups' members and superusers."""
    if restriction.restriction_type != BaseViewRestriction.GROUPS:
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return bool({group.pk for group in restriction.groups.all()} & _group_ids(user))


def _ancestors_restricted_by(page, restrictions):
    """The page and its ancestors (in this locale) that `restrictions` cover, in any language."""
    restricted = restrictions.values("page__translation_key")
    return Page.objects.ancestor_of(page, inclusive=True).filter(translation_key__in=restricted)


# --- Public site ------------------------------------------------------------------


def hidden_translation_keys(request):
    """Pages (by translation_key) this request may not view, in any locale."""
    return _translation_keys_under(
        restriction
        for restriction in _page_restrictions()
        if not restriction.accept_request(request)
    )


def is_private(page):
    """True when the page or an ancestor, in this or another language, is restricted."""
    return _ancestors_restricted_by(page, PageViewRestriction.objects.all()).exists()


def may_view(page, request):
    """True when the request passes every restriction on this page in every locale."""
    return page.translation_key not in hidden_translation_keys(request)


def visible(queryset, request):
    """The pages of `queryset` this request may view."""
    return queryset.exclude(translation_key__in=hidden_translation_keys(request))


# --- Admin: pages -------------------------------------------------------------------


def _restricted_to_groups(page):
    """The page and its ancestors (in this locale) restricted to groups, in any language."""
    groups_only = PageViewRestriction.objects.filter(restriction_type=BaseViewRestriction.GROUPS)
    return _ancestors_restricted_by(page, groups_only)


def is_confidential(page):
    """True when the page or an ancestor, in any language, is restricted to groups."""
    return _restricted_to_groups(page).exists()


def hidden_page_keys(user):
    """Pages (by translation_key) outside `user`'s audience; cached on the user object."""
    cached = getattr(user, HIDDEN_PAGES_CACHE, None)
    if cached is None:
        cached = _translation_keys_under(
            restriction for restriction in _page_restrictions() if not _admits(restriction, user)
        )
        setattr(user, HIDDEN_PAGES_CACHE, cached)
    return cached


def may_see_page(user, page):
    """May `user` see this page (title, content, revisions, history) in the admin?"""
    return page.translation_key not in hidden_page_keys(user)


def visible_pages(queryset, user):
    """The pages of `queryset` that `user` may see in the admin."""
    hidden = hidden_page_keys(user)
    return queryset.exclude(translation_key__in=hidden) if hidden else queryset


def confidential_root(page):
    """The highest page (in this locale) whose group restriction covers `page`, or None."""
    return _restricted_to_groups(page).order_by("depth").first()


# --- Admin: documents and collections -------------------------------------------------


def private_collections():
    """Collections restricted to groups, and every collection below them."""
    restricted = CollectionViewRestriction.objects.filter(
        restriction_type=BaseViewRestriction.GROUPS
    ).select_related("collection")
    return _under(Collection, {restriction.collection.path for restriction in restricted})


def hidden_collection_ids(user):
    """Collections whose documents `user` may not see; cached on the user object."""
    cached = getattr(user, HIDDEN_COLLECTIONS_CACHE, None)
    if cached is None:
        restrictions = CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
        paths = {r.collection.path for r in restrictions if not _admits(r, user)}
        cached = set(_under(Collection, paths).values_list("pk", flat=True))
        setattr(user, HIDDEN_COLLECTIONS_CACHE, cached)
    return cached


def may_see_collection(user, collection):
    return collection.pk not in hidden_collection_ids(user)


def may_see_document(user, document):
    return document.collection_id not in hidden_collection_ids(user)


def visible_documents(queryset, user):
    hidden = hidden_collection_ids(user)
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset


def visible_collections(queryset, user):
    hidden = hidden_collection_ids(user)
    return queryset.exclude(pk__in=hidden) if hidden else queryset


def keeps_privacy(document_collection, new_collection):
    """A private document may move only within its collection's subtree (same audience)."""
    if not private_collections().filter(pk=document_collection.pk).exists():
        return True
    return new_collection.path.startswith(document_collection.path)
