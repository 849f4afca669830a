"""The workshops page: the cards and the coming week for the filters she chose.

Without JavaScript the filters are a GET form and the page answers them. With
JavaScript (static/js/workshops.js) a search with a comune is sent as a same-origin POST
to `views.workshop_results`, which answers with the same results as an HTML fragment: the place she
typed then travels in a request body and never in a URL, so it is not in the address
bar, the history or a log. Both answers are `Cache-Control: no-store`. The POST changes
nothing on the server, so it needs no CSRF token (and no cookie).
"""

import functools

from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from closher.page_cache import remember

from .filters import ListingFilterForm
from .grouping import cards, nearest_first, this_week
from .listing import DEFAULT_WEEKS, comuni, upcoming, window

MAX_CARDS = 100  # workshops on one page; the filters narrow down the rest
THIS_WEEK_SHOWN = 5  # the rest of the week is in the cards below


def overview(data, page, request):
    """Template context of the page: the form and `results`, the rendered results. Without
    a filter (what a crowd reads) they are the same for everyone and rendered once until a
    session starts or a page changes (`closher.page_cache.remember`); her filters and her
    place are never part of what is stored. The form is read only when it is shown."""

    @functools.cache
    def bound():
        form = ListingFilterForm(data, page.locale)
        form.is_valid()  # a bad value in one filter leaves the others working
        return form

    form = SimpleLazyObject(bound)
    filtered = any(data.get(name) for name in ListingFilterForm.base_fields)

    def render():
        found = {
            "page": page,
            "filter_form": form,
            "filters": form.chosen(),
            "place": form.place,
            "filtered": filtered,
            "weeks": DEFAULT_WEEKS,
            **listing(form, page, request),
        }
        return render_to_string("services/includes/workshop_results.html", found, request)

    if filtered:
        results = render()
    else:
        parts = ("workshop-results", request.get_host(), page.pk, get_language())
        results = remember(request, parts, render)
    return {
        "page": page,
        "filter_form": form,
        "filtered": filtered,
        "more_filters": any(data.get(name) for name in ("kind", "language", "association", "day")),
        "comuni": SimpleLazyObject(lambda: comuni(page.locale)),
        "results": mark_safe(results),  # noqa: S308 - rendered template
    }


def listing(form, page, request):
    """This week's sessions and the cards for the filters she chose."""
    filters = form.cleaned_data
    start, end = window()
    listed = upcoming(
        page.locale,
        start,
        end,
        kind=filters.get("kind", ""),
        language=filters.get("language", ""),
        association=filters.get("association", ""),
    )
    day = filters.get("day")
    if day is not None:
        listed = [item for item in listed if item.session.start.weekday() == day]
    found = cards(listed, start, end)
    if form.place is not None:
        nearest_first(found, form.place)
    shown = found[:MAX_CARDS]
    for card in shown:
        card.url = card.workshop.get_url(request)
    week = this_week(listed, start)
    for item in week[:THIS_WEEK_SHOWN]:
        item.workshop.listing_url = item.workshop.get_url(request)
    return {
        "cards": shown,
        "more_cards": len(found) > MAX_CARDS,
        "this_week": week[:THIS_WEEK_SHOWN],
        "this_week_more": max(0, len(week) - THIS_WEEK_SHOWN),
    }
