"""A page that still helps when the database is down.

Every URL then answers 503 with the emergency numbers and the quick exit, in the
language of the URL prefix, instead of a bare 500. Django calls `handler500` for an
uncaught exception anywhere (views, templates, middleware such as the redirects
lookup), so this is where database connection errors are caught. The page is
rendered without touching the database: the numbers and the exit destination come
from an unsaved settings object: its field defaults and the QUICK_EXIT_URL override.
"""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.template.response import SimpleTemplateResponse
from django.views import defaults

from .models import NetworkSettings

DATABASE_ERRORS = (OperationalError, InterfaceError)


def database_unavailable(request):
    """The 503 page: emergency numbers and quick exit, with no database query."""
    response = SimpleTemplateResponse("503.html", {"network": NetworkSettings()}, status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response.render()


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page when the database is unreachable, Django's 500 otherwise."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)
