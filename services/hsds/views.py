"""The HSDS 3.0 API under /api/hsds/, the full export and /api/openapi.json.

Every answer is JSON, in the language of `?lang=` (default Italian) for its texts and its
error messages; bad parameters get a 400 with `{"error": reason}`, an unknown id a 404,
never a 500. As for the help-points API, nothing is cached publicly (`postcode` may be
her own) and no parameter is logged or stored.
"""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from services.help_points import hours
from services.models import AssociationPage, HelpPointPage
from services.paging import Page, PagingError

from . import HSDS_VERSION, ids, openapi, queries, serializers

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    add_never_cache_headers(response)
    return response


def _not_found(request):
    # LocaleMiddleware turns a 404 outside the language prefixes into a redirect to
    # /it/…/ (Wagtail's page URLs match any path); judged against this module's URLs,
    # which have no language prefix, the 404 reaches the client as it is.
    request.urlconf = "services.hsds.urls"
    return _json({"error": _("No record has this id.")}, status=404)


def hsds_view(build):
    """A GET view answering `build(request, context, **kwargs)`'s data (or response) in
    the language asked for, with a 400 and the reason for a bad parameter."""

    @require_GET
    @wraps(build)
    def view(request, **kwargs):
        language = request.GET.get("lang", settings.LANGUAGE_CODE)
        if language not in dict(settings.LANGUAGES):
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            return _json({"error": _("lang must be one of: %(codes)s") % {"codes": codes}}, 400)
        with translation.override(language):
            context = serializers.Context(
                request=request, language=language, today=hours.now().astimezone(hours.ROME).date()
            )
            try:
                data = build(request, context, **kwargs)
            except (queries.QueryError, PagingError) as error:
                return _json({"error": str(error)}, status=400)
        return data if isinstance(data, JsonResponse) else _json(data)

    return view


def _page(request):
    return Page.read(
        request.GET, size_name="per_page", default_size=DEFAULT_PER_PAGE, max_size=MAX_PER_PAGE
    )


def _help_points(context, pks):
    """The help points of `pks` with their details, in that order; `context` learns their
    pages (and their associations') in its language."""
    points = queries.in_order(queries.with_details(HelpPointPage.objects.all()), pks)
    associations = {point.association_id: point.association for point in points}
    context.shown = serializers.localized(
        HelpPointPage, points, context.language
    ) | serializers.localized(AssociationPage, list(associations.values()), context.language)
    return points


@hsds_view
def root(request, context):
    """What this API is: its HSDS version and its OpenAPI description."""
    return {
        "version": HSDS_VERSION,
        "openapi_url": request.build_absolute_uri(reverse("openapi")),
    }


@hsds_view
def services(request, context):
    """The help points as HSDS services, paged."""
    page, full = _page(request), queries.full(request.GET)
    pks = queries.help_point_pks(request.GET)
    points = _help_points(context, page.slice(pks))
    return page.hsds(len(pks), [serializers.service(p, context, full=full) for p in points])


@hsds_view
def service(request, context, record_id):
    """One service, fully nested: organization, languages, kind, place and schedules."""
    point = queries.help_point_by(record_id, ids.service)
    if point is None:
        return _not_found(request)
    _help_points(context, [point.pk])
    return serializers.service(point, context, full=True)


@hsds_view
def service_at_locations(request, context):
    """Each help point's service at its location, with both, paged."""
    page, full = _page(request), queries.full(request.GET)
    pks = queries.help_point_pks(request.GET)
    points = _help_points(context, page.slice(pks))
    return page.hsds(
        len(pks),
        [serializers.service_at_location(p, context, full=full, with_service=True) for p in points],
    )


@hsds_view
def service_at_location(request, context, record_id):
    """One service at location, with its location, schedules and service."""
    point = queries.help_point_by(record_id, ids.service_at_location)
    if point is None:
        return _not_found(request)
    _help_points(context, [point.pk])
    return serializers.service_at_location(point, context, full=True, with_service=True)


def _associations(context, pks):
    associations = queries.in_order(AssociationPage.objects.prefetch_related("phones"), list(pks))
    context.shown = serializers.localized(AssociationPage, associations, context.language)
    return associations


@hsds_view
def organizations(request, context):
    """The associations as HSDS organizations, paged; `full` adds their phones."""
    page, full = _page(request), queries.full(request.GET)
    pks = queries.association_pks(request.GET)
    associations = _associations(context, page.slice(pks))
    return page.hsds(
        len(pks), [serializers.organization(a, context, phones=full) for a in associations]
    )


@hsds_view
def organization(request, context, record_id):
    """One organization with its phones, services and locations."""
    pks = queries.association_pks_with_id(record_id) if ids.is_uuid(record_id) else []
    if not pks:
        return _not_found(request)
    points = _help_points(context, queries.help_point_pks({"organization_id": record_id}))
    shown = context.shown  # the help points' pages in the language asked for
    association = _associations(context, pks)[0]
    context.shown |= shown
    record = serializers.organization(association, context, phones=True)
    record["services"] = [serializers.service(p, context, with_organization=False) for p in points]
    record["locations"] = [serializers.location(p, context) for p in points]
    return record


@hsds_view
def export(request, context):
    """Every help point as a fully nested HSDS service, on one page: the full export."""
    pks = queries.help_point_pks({})
    points = _help_points(context, pks)
    contents = [serializers.service(p, context, full=True) for p in points]
    return {"version": HSDS_VERSION, **Page(1, max(len(pks), 1)).hsds(len(pks), contents)}


@require_GET
def openapi_json(request):
    """The OpenAPI 3.1 description of our JSON APIs."""
    response = JsonResponse(
        openapi.document(request), json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
