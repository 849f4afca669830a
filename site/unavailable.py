"""A page that still helps when the database is down.

Every URL then answers 503 with the emergency numbers and the quick exit, in the
language of the URL prefix, instead of a bare 500. Django calls `handler500` for an
uncaught exception anywhere (views, templates, middleware such as the redirects
lookup), so this is where database connection errors are caught. The page is
rendered without touching the database: the numbers and the exit destination come
from the settings model's field defaults and the QUICK_EXIT_URL environment variable.
"""

import sys

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.template.response import SimpleTemplateResponse
from django.views import defaults

from .models import NetworkSettings

DATABASE_ERRORS = (OperationalError, InterfaceError)


def default_network():
    """NetworkSettings' defaults, as the templates read them, with no database query."""
    fields = {
        name: NetworkSettings._meta.get_field(name).get_default()
        for name in ("network_name", "helpline_number", "emergency_number", "quick_exit_url")
    }
    fields["exit_url"] = settings.QUICK_EXIT_URL or fields["quick_exit_url"]
    return fields


def database_unavailable(request):
    """The 503 page: emergency numbers and quick exit, with no database query."""
    response = SimpleTemplateResponse("503.html", {"network": default_network()}, status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response.render()


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page when the database is unreachable, Django's 500 otherwise."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)
