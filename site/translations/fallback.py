"""What an untranslated page shows, per language (settings.UNTRANSLATED_PAGE_FALLBACK).

"source" (the default): the Italian page, with a notice in her language (the page's
own template, `untranslated_from` in home.models.BasePage). "parent": a temporary
redirect to the nearest parent page translated into her language; the source with its
notice when there is none. Private pages are left to their own checks.
"""

from django.conf import settings
from django.shortcuts import redirect

from closher.seo import is_untranslated_alias, translated
from directory.access import is_private


def nearest_translated_parent(page):
    return translated(page.get_ancestors().filter(depth__gt=1)).order_by("-depth").first()


def redirect_untranslated(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: the "parent" fallback."""
    language = page.locale.language_code
    if settings.UNTRANSLATED_PAGE_FALLBACK.get(language, "source") != "parent":
        return None
    if not is_untranslated_alias(page) or is_private(page):
        return None
    parent = nearest_translated_parent(page)
    return redirect(parent.get_url(request)) if parent else None
