"""Who may see what: Wagtail's page privacy, checked in every locale.

A page is visible to a request only if it passes every view restriction on itself
and its ancestors, and on the same page in every other language (wagtail-localize
copies restrictions to translations; checking them all also covers alias pages).
"""

from wagtail.models import Page, PageViewRestriction


def _translation_keys_under(restrictions):
    """translation_keys of the restricted pages and everything below them."""
    paths = {restriction.page.path for restriction in restrictions}
    if not paths:
        return set()
    pages = Page.objects.none()
    for page_path in paths:
        pages |= Page.objects.filter(path__startswith=page_path)
    return set(pages.values_list("translation_key", flat=True))


def _all_restrictions():
    return PageViewRestriction.objects.select_related("page").prefetch_related("groups")


def hidden_translation_keys(request):
    """Pages (by translation_key) this request may not view, in any locale."""
    return _translation_keys_under(
        restriction
        for restriction in _all_restrictions()
        if not restriction.accept_request(request)
    )


def is_private(page):
    """True when the page or an ancestor, in this or another language, is restricted."""
    restricted = PageViewRestriction.objects.values("page__translation_key")
    return (
        Page.objects.ancestor_of(page, inclusive=True)
        .filter(translation_key__in=restricted)
        .exists()
    )


def may_view(page, request):
    """True when the request passes every restriction on this page in every locale."""
    return page.translation_key not in hidden_translation_keys(request)


def visible(queryset, request):
    """The pages of `queryset` this request may view."""
    return queryset.exclude(translation_key__in=hidden_translation_keys(request))
