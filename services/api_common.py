"""What the open-data APIs and the calendar feeds share: `?lang=` and JSON responses.

They live outside the language prefixes; `?lang=` picks the language of their labels,
titles and links (default: the site's default language).
"""

from django.conf import settings
from django.http import JsonResponse


def requested_language(request):
    """The language code `?lang=` asks for (default: the site's), or None if not one of ours."""
    code = request.GET.get("lang", settings.LANGUAGE_CODE)
    return code if code in dict(settings.LANGUAGES) else None


def language_codes():
    return ", ".join(code for code, _name in settings.LANGUAGES)


def json_response(data, status=200):
    """`data` as JSON written as is (no \\u escapes), readable from any origin: open data."""
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
