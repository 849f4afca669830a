"""GET /api/help-points/: help points as open data, paged (`page`, and a `next` link);
POST /finder/results/: the finder's results for a search sent in a request body.

Labels and messages in the language of `?lang=` (default Italian). Bad parameters
get a 400 with the reason as JSON, never a 500. Responses are not cached publicly,
and the place asked for is never logged or stored. The HSDS API and export are in
services.hsds.
"""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from services import paging
from services.api_common import json_response, language_codes, requested_language
from services.localized import localized_pages

from . import finder
from .pages import FinderPage
from .serializers import help_point

MAX_PAGE_ID = 2**31 - 1


def _language(request):
    code = requested_language(request)
    if code is None:
        raise finder.SearchError(_("lang must be one of: %(codes)s") % {"codes": language_codes()})
    return code


def _response(data, status=200):
    response = json_response(data, status=status)
    add_never_cache_headers(response)
    return response


def _search(request):
    language = _language(request)
    with translation.override(language):
        search = finder.parse(request.GET, api=True)
        page = paging.whole_number(request.GET, "page", default=1, high=paging.MAX_PAGE)
        if search.limit is None:
            near = search.near or search.latitude is not None
            search.limit = finder.DEFAULT_LIMIT if near else finder.MAX_LIMIT
        search.offset = (page - 1) * search.limit
        search = finder.run(search)
    return search, language, page


def _query(search):
    resolved = search.resolved
    return {
        "near": search.near or None,
        "resolved": {
            "comune": resolved.name,
            "istat_code": resolved.istat_code,
            "province": resolved.province,
            "latitude": resolved.latitude,
            "longitude": resolved.longitude,
        }
        if resolved
        else None,
        "at": search.at.isoformat(),
    }


def _candidates(search):
    return [
        {
            "comune": comune.name,
            "istat_code": comune.istat_code,
            "province": comune.province,
            "label": comune.label,
        }
        for comune in search.candidates
    ]


@require_GET
def help_points(request):
    try:
        search, language, page = _search(request)
    except (finder.SearchError, paging.PagingError) as error:
        return _response({"error": str(error)}, status=400)
    if search.unknown_place:
        with translation.override(language):
            message = _("No Italian comune or CAP matches this place.")
        return _response({"error": message, "query": _query(search)}, status=400)
    hits = [*search.results, *search.opening_next]
    localized = localized_pages([hit.page for hit in hits], language)
    with translation.override(language):
        results = [help_point(hit, localized, request) for hit in search.results]
        opening_next = [help_point(hit, localized, request) for hit in search.opening_next]
    more = getattr(search.results, "more", False)
    return _response(
        {
            "query": _query(search),
            "candidates": _candidates(search),
            "results": results,
            "opening_next": opening_next,
            "page": page,
            "next": paging.page_url(request, page + 1) if more else None,
        }
    )


# No CSRF token: the search reads and changes nothing, and a token would set the only
# cookie of the finder and the home page (and keep them out of the page cache).
@csrf_exempt
@require_POST
def finder_results(request):
    """The results of the finder page `page` (its id) for the search in the body, as HTML.

    What finder.js shows in place of the page's results: the place she typed and her
    coordinates come in the body of a same-origin POST, never in a URL. The answer is
    `Cache-Control: no-store, private`, and a POST is never stored by the page cache.
    """
    page_id = request.POST.get("page", "")
    if not (page_id.isascii() and page_id.isdigit() and 0 < int(page_id) <= MAX_PAGE_ID):
        return HttpResponseBadRequest("Unknown finder page.")
    page = FinderPage.objects.live().public().filter(pk=int(page_id)).first()
    if page is None:
        return HttpResponseBadRequest("Unknown finder page.")
    with translation.override(page.locale.language_code):
        context = {"page": page, **page.results_context(request.POST)}
        response = render(request, "services/includes/finder_results.html", context)
    add_never_cache_headers(response)
    return response
