"""Error pages that still help when something broke: the quick exit, 1522 and 112.

Django calls `handler500` for an uncaught exception anywhere (views, templates,
middleware such as the redirects lookup). A database connection error gives the 503
page ("temporarily unavailable"), any other error the 500 page; both in the language
of the URL prefix, both rendered without touching the database and without the
request's context processors: the numbers and the exit destination come from an
unsaved settings object, its field defaults and the QUICK_EXIT_URL override.
"""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from .models import NetworkSettings

DATABASE_ERRORS = (OperationalError, InterfaceError)
SHOWN = ("network_name", "helpline_number", "emergency_number", "exit_url")


def network_defaults():
    """What the page shows of the network settings, from an unsaved object: no query.

    Plain values, not the model instance: an unsaved site setting cannot be printed
    (it has no site), and template debug logging prints the context.
    """
    unsaved = NetworkSettings()
    return {name: getattr(unsaved, name) for name in SHOWN}


def help_page(request, template_name, status):
    """An error page with the emergency numbers and the quick exit, and no database query."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        content = render_to_string(template_name, {"network": network_defaults()})
    response = HttpResponse(content, status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable(request):
    """The 503 page: the site is down for a while, the phones still work."""
    response = help_page(request, "503.html", 503)
    response["Retry-After"] = "60"
    return response


def server_error(request):
    """handler500: the 503 page when the database is unreachable, the 500 page otherwise."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable(request)
    return help_page(request, "500.html", 500)
