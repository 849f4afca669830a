"""A shared page cache for anonymous visitors, cleared by Wagtail's own signals.

A crowd after a campaign reads the same few pages: the home page, the finder, the
help points, the workshops, the APIs and feeds. `PageCacheMiddleware` keeps each
rendered response in the shared cache (Redis, or the database on one machine) and
serves it again without touching the page tree. HTTP headers are untouched: browsers
and proxies still get the page's own `Cache-Control` (private, or no-store), so
nothing is kept on her phone or in a shared proxy.

Only what is the same for everyone is stored:
- GET or HEAD, without a session or CSRF cookie, outside the admin and documents;
- no query parameter except `lang`, `page` and `per_page` (a place, coordinates or a
  search are never a cache key, so never written to the cache);
- a 200 response that sets no cookie, for a request whose rendering neither wrote to
  the session nor used a CSRF token, and by nobody signed in;
- varying at most by compression and language, which are part of the key.

An entry lives `PAGE_CACHE_SECONDS` at most, and no longer than the earliest moment
what it shows stops being true (`closher.freshness`: an opening status expires at its
next change). Publishing, unpublishing, moving or deleting a page, saving a snippet,
a setting, a site or a redirect, and an import (`clear_page_cache()`) start a new
generation: every entry of the old one is ignored at once, on every server sharing
the cache. Once the change is committed, a second new generation drops what another
server may have rendered from the old rows meanwhile, and the frontend cache in front
(WAGTAILFRONTENDCACHE: Varnish, Cloudflare, CloudFront) is purged of every public page,
by the task worker, on the same events.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.cache import get_max_age
from django.utils.translation import get_language_from_path, get_language_from_request
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import freshness

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
KEY_PARAMETERS = {"lang", "page", "per_page"}
NEVER_CACHED_PATHS = ("/admin/", "/documents/", "/static/", "/media/")
# Part of the key, or (Cookie) the same for every request the cache answers: those carry
# no session or CSRF cookie, and the language cookie is part of the key.
HARMLESS_VARY = {"accept-encoding", "accept-language", "cookie"}
# How long a value derived from the page tree is kept when no change clears it first.
DERIVED_SECONDS = 3600
# Entries are (value, fresh until); the prefix changes with that shape, so that a server
# of the next release never reads an entry of the previous one from a shared Redis.
DERIVED_PREFIX = "page-derived:2:"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def clear_page_cache(**_signal_arguments):
    """Every stored page is stale from now on, on every server, and again after the commit."""
    new_generation()
    connection = transaction.get_connection()
    pending = [callback for _savepoints, callback, _robust in connection.run_on_commit]
    if after_commit not in pending:  # once per transaction, however many rows it saves
        transaction.on_commit(after_commit)


def after_commit():
    new_generation()
    purge_frontend_cache()


def new_generation():
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


def generation(request=None):
    """The current generation; read once per request when a request is given."""
    if request is not None and hasattr(request, "page_cache_generation"):
        return request.page_cache_generation
    value = page_cache().get(GENERATION_KEY, 0)
    if request is not None:
        request.page_cache_generation = value
    return value


def remember(request, parts, compute):
    """What `compute()` derives from the live page tree (a menu, a page's translations, the
    next workshops), the same for every visitor: computed once per generation and shared
    by every worker, so a publish, move or deletion recomputes it at once. It is kept even
    when whole pages are not (PAGE_CACHE_SECONDS=0); `parts` name it.

    What `compute()` shows that goes stale with time (an opening status, the next session)
    expires with it: the moments it gives `freshness.valid_until` end the stored value, and
    are passed on to the response that uses it. A preview computes anew, from its draft."""
    if getattr(request, "is_preview", False):
        return compute()
    key = DERIVED_PREFIX + hashlib.sha256(repr([generation(request), *parts]).encode()).hexdigest()
    found = page_cache().get(key)
    now = timezone.now()
    if found is not None:
        value, fresh_until = found
        if fresh_until is None or fresh_until > now:
            freshness.valid_until(fresh_until)
            return value
    token = freshness.start()
    try:
        value = compute()
    finally:
        fresh_until = freshness.stop(token)
    freshness.valid_until(fresh_until)
    seconds = DERIVED_SECONDS
    if fresh_until is not None:
        seconds = min(seconds, int((fresh_until - now).total_seconds()))
    if seconds >= 1:
        page_cache().set(key, (value, fresh_until), seconds)
    return value


def purge_frontend_cache():
    """Queue the purge of every public page's URLs from the frontend cache, if there is one."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(Page.objects.live().public().specific())


def _clear_for_model(sender, instance, **kwargs):
    if isinstance(instance, cache_clearing_models()):
        clear_page_cache()


def cache_clearing_models():
    """Models whose change shows on public pages: snippets, settings, sites, redirects."""
    return (Page, Site, Redirect, BaseGenericSetting, BaseSiteSetting, *get_snippet_models())


def connect_signals():
    """Called from the app's ready(): what clears the cache."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_page_cache, dispatch_uid=f"page-cache-{signal!r}")
    post_save.connect(_clear_for_model, dispatch_uid="page-cache-save")
    post_delete.connect(_clear_for_model, dispatch_uid="page-cache-delete")


class PageCacheMiddleware:
    """Serves anonymous visitors from the shared cache, and stores what fits (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.key(request) if self.may_use_cache(request) else None
        if key is not None:
            # One round trip: the entry and the current generation it must belong to.
            found = page_cache().get_many([GENERATION_KEY, key])
            request.page_cache_generation = current = found.get(GENERATION_KEY, 0)
            stored_generation, cached = found.get(key, (None, None))
            if cached is not None and stored_generation == current:
                return cached
        token = freshness.start()
        try:
            response = self.get_response(request)
        finally:
            fresh_until = freshness.stop(token)
        if key is not None and self.may_store(request, response):
            timeout = self.timeout(response, fresh_until)
            if timeout >= 1:
                page_cache().set(key, (request.page_cache_generation, response), timeout)
        return response

    def may_use_cache(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in {"GET", "HEAD"}
            and not request.path.startswith(NEVER_CACHED_PATHS)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and settings.CSRF_COOKIE_NAME not in request.COOKIES
            and set(request.GET) <= KEY_PARAMETERS
        )

    def key(self, request):
        """The host, path, key parameters, language and compression; the entry holds the
        generation it was rendered in."""
        query = sorted((name, request.GET.getlist(name)) for name in request.GET)
        language = get_language_from_path(request.path_info) or get_language_from_request(request)
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        parts = [request.get_host(), request.path, query, language, gzip]
        return "page-cache:" + hashlib.sha256(repr(parts).encode()).hexdigest()

    def may_store(self, request, response):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        vary = {
            header.strip().lower()
            for header in response.get("Vary", "").split(",")
            if header.strip()
        }
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (session is not None and session.modified)
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (user is not None and user.is_authenticated)
            and vary <= HARMLESS_VARY
        )

    def timeout(self, response, fresh_until):
        seconds = settings.PAGE_CACHE_SECONDS
        max_age = get_max_age(response)
        if max_age is not None and "public" in response.get("Cache-Control", ""):
            seconds = min(seconds, max_age)
        if fresh_until is not None:
            seconds = min(seconds, (fresh_until - timezone.now()).total_seconds())
        return int(seconds)
