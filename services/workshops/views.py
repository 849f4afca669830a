"""Workshop calendars (.ics) and the upcoming-sessions JSON API (paged, with `next`).

They live outside the language prefixes; `?lang=` picks the language of the titles
and links (default: the site's default language).
"""

from datetime import date

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from services import paging
from services.api_common import json_response, language_codes, requested_language
from services.associations.models import AssociationPage

from .calendar import calendar, session_calendar
from .dates import session_on
from .listing import ApiFilterForm, upcoming
from .models import WorkshopPage
from .overview import overview
from .pages import WorkshopIndexPage

MAX_PAGE_ID = 2**31 - 1


def _locale(request):
    code = requested_language(request)
    if code is None:
        return None
    return Locale.objects.filter(language_code=code).first()


def _ics(request, workshops, name):
    response = HttpResponse(
        calendar(workshops, name, request), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _locale_or_404(request):
    locale = _locale(request)
    if locale is None:
        raise Http404
    return locale


@require_GET
def all_workshops_ics(request):
    locale = _locale_or_404(request)
    with translation.override(locale.language_code):
        return _ics(request, WorkshopPage.objects.listed(locale), translation.gettext("Workshops"))


@require_GET
def association_ics(request, slug):
    locale = _locale_or_404(request)
    association = AssociationPage.objects.live().filter(locale=locale, slug=slug).first()
    if association is None:
        raise Http404
    with translation.override(locale.language_code):
        workshops = WorkshopPage.objects.listed(locale).descendant_of(association)
        return _ics(request, workshops, association.title)


@require_GET
def workshop_ics(request, slug):
    locale = _locale_or_404(request)
    workshop = WorkshopPage.objects.listed(locale).filter(slug=slug).first()
    if workshop is None:
        raise Http404
    with translation.override(locale.language_code):
        return _ics(request, [workshop], workshop.title)


PAGE_SIZE, MAX_PAGE_SIZE = 100, 500


@require_GET
def workshop_date_ics(request, slug, day):
    """One upcoming date of a workshop (its planned date in the URL), as an .ics file."""
    locale = _locale_or_404(request)
    workshop = WorkshopPage.objects.listed(locale).filter(slug=slug).first()
    try:
        planned = date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    session = session_on(workshop.recurrence(), planned) if workshop else None
    if session is None or session.is_cancelled:
        raise Http404
    response = HttpResponse(
        session_calendar(workshop, session, request), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _bad_request(reasons):
    return json_response(
        {"error": translation.gettext("Invalid parameters."), "reasons": reasons}, status=400
    )


@require_GET
def workshops_api(request):
    """Upcoming sessions as JSON; see the README for the parameters."""
    locale = _locale(request)
    if locale is None:
        message = translation.gettext("lang must be one of: %(codes)s") % {
            "codes": language_codes()
        }
        return _bad_request({"lang": [message]})
    with translation.override(locale.language_code):
        form = ApiFilterForm(request.GET, locale)
        if not form.is_valid():
            return _bad_request(form.errors.get_json_data())
        try:
            page = paging.Page.read(
                request.GET, size_name="limit", default_size=PAGE_SIZE, max_size=MAX_PAGE_SIZE
            )
        except paging.PagingError as error:
            return _bad_request({error.name: [{"message": str(error), "code": "invalid"}]})
        filters = dict(form.cleaned_data)
        start, end = filters.pop("start"), filters.pop("end")
        lang_query = (
            ""
            if locale.language_code == settings.LANGUAGE_CODE
            else f"?lang={locale.language_code}"
        )
        links = {}
        results = []
        items = sorted(
            upcoming(locale, start, end, **filters),
            key=lambda item: (item.session.start, item.workshop.title, item.workshop.pk),
        )
        for item in page.slice(items):
            workshop, session, association = item.workshop, item.session, item.association
            if workshop.pk not in links:
                ics = workshop.ics_path + lang_query
                links[workshop.pk] = (
                    workshop.get_full_url(request),
                    request.build_absolute_uri(ics),
                )
            url, ics_url = links[workshop.pk]
            results.append(
                {
                    "workshop": {"slug": workshop.slug, "title": workshop.title},
                    "association": {
                        "slug": association.slug if association else None,
                        "name": association.title if association else None,
                    },
                    "help_point": workshop.help_point.slug if workshop.help_point else None,
                    "start": session.start.isoformat(),
                    "end": session.end.isoformat(),
                    "status": session.status,
                    "languages": list(workshop.languages),
                    "url": url,
                    "ics_url": ics_url,
                }
            )
    more = len(items) > page.offset + page.size
    return json_response(
        {
            "results": results,
            "page": page.number,
            "next": paging.page_url(request, page.number + 1) if more else None,
        }
    )


@csrf_exempt
@require_POST
def workshop_results(request):
    """The results for a POSTed search of the workshops page `page` (its id), as HTML."""
    page_id = request.POST.get("page", "")
    if not (page_id.isascii() and page_id.isdigit() and 0 < int(page_id) <= MAX_PAGE_ID):
        return HttpResponseBadRequest("Unknown workshops page.")
    page = WorkshopIndexPage.objects.live().public().filter(pk=int(page_id)).first()
    if page is None:
        return HttpResponseBadRequest("Unknown workshops page.")
    with translation.override(page.locale.language_code):
        response = HttpResponse(overview(request.POST, page, request)["results"])
    add_never_cache_headers(response)
    return response
