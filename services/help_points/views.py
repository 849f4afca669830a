"""GET /api/help-points/ and /api/help-points/hsds/: help points as open data.

Labels and messages in the language of `?lang=` (default Italian). Bad parameters
get a 400 with the reason as JSON, never a 500. Responses are not cached publicly,
and the place asked for is never logged or stored.
"""

from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from services.api_common import json_response, language_codes, requested_language
from services.localized import localized_pages

from . import finder
from .serializers import help_point, hsds_export


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
        search = finder.run(finder.parse(request.GET, api=True))
    return search, language


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
        search, language = _search(request)
    except finder.SearchError as error:
        return _response({"error": str(error)}, status=400)
    if search.unknown_place:
        with translation.override(language):
            message = _("No Italian comune or CAP matches this place.")
        return _response({"error": message, "query": _query(search)}, status=400)
    localized = localized_pages([hit.page for hit in search.results], language)
    with translation.override(language):
        results = [help_point(hit, localized, request) for hit in search.results]
    return _response(
        {"query": _query(search), "candidates": _candidates(search), "results": results}
    )


@require_GET
def help_points_hsds(request):
    try:
        search, _language_code = _search(request)
    except finder.SearchError as error:
        return _response({"error": str(error)}, status=400)
    return _response(hsds_export(search.results, request))
