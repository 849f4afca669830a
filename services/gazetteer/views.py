"""POST /api/places/: the comuni she may mean while she types (the finder's suggestions).

A POST from our own pages, so what she types is in no URL, history or log line: the
body's `q` (and `lang`, for the error messages) in, at most eight places out, those the
text names first, then those whose name starts with it, then the nearest to a typo.
Read-only and sessionless, hence exempt from CSRF; never cached.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from services.api_common import language_codes

from . import MAX_QUERY_LENGTH, places_starting

MAX_PLACES = 8


def _response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    add_never_cache_headers(response)
    return response


@csrf_exempt
@require_POST
def places(request):
    language = request.POST.get("lang") or request.GET.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        reason = _("lang must be one of: %(codes)s") % {"codes": language_codes()}
        return _response({"error": reason}, status=400)
    with translation.override(language):
        text = request.POST.get("q", "").strip()
        if not text:
            return _response({"error": _("Type the first letters of a place.")}, status=400)
        if len(text) > MAX_QUERY_LENGTH:
            return _response({"error": _("The place is too long.")}, status=400)
    found = places_starting(text, limit=MAX_PLACES)
    return _response(
        {
            "places": [
                {
                    "label": comune.label,
                    "name": comune.name,
                    "province": comune.province,
                    "code": comune.istat_code,
                }
                for comune in found
            ]
        }
    )
