"""Find the help points nearest to a place, with their opening status at an instant.

Shared by the finder page and the open-data API. A search costs the same few
queries whatever the number of help points: the database orders the Italian live
help points by an approximate (equirectangular) distance, looking first in a box
around the place, and returns the nearest few with their rules, exceptions and phones
prefetched; exact distances and opening status are computed here. The place and
coordinates are used for one response only: never logged, never stored.

Every distance and every order is computed from a help point's public position
(`HelpPointPage.public_position`: its comune's centre when its address is hidden), so
that no series of queries can locate a hidden address more precisely than its comune.
"""

import datetime as dt
import math
from dataclasses import dataclass, field

from django import forms
from django.db.models import F, FloatField, Value, prefetch_related_objects
from django.db.models.functions import Cast
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from services import gazetteer

from . import filters, hours
from .models import HelpPointPage, detail_lookups

DEFAULT_LIMIT = 10
MAX_LIMIT = 100
# With "open now"/"open at", the nearest this many are checked for the open ones.
OPEN_FILTER_POOL = 200
EARTH_RADIUS_KM = 6371.0
# Half-sides (degrees of latitude) of the boxes the nearest are first looked for in.
BOX_HALF_SIDES = (0.5, 2.0)
OPEN_FLAGS = ("", "0", "1", "now", "at", "any")


class SearchError(ValueError):
    """A parameter she or a client sent cannot be used; the message says why."""


@dataclass
class Hit:
    page: object  # the Italian HelpPointPage
    distance_km: float | None
    status: hours.Status
    shown: object = None  # the page in the visitor's language, when the finder sets it


class Hits(list):
    """Search results, knowing whether more follow them (the API's next page)."""

    def __init__(self, hits=(), more=False):
        super().__init__(hits)
        self.more = more


@dataclass
class Search:
    near: str = ""
    latitude: float | None = None
    longitude: float | None = None
    at: dt.datetime | None = None
    at_given: bool = False
    open_only: bool = False
    limit: int | None = None  # None: DEFAULT_LIMIT near a place, else every help point
    offset: int = 0  # results skipped: the API's earlier pages
    languages: list = field(default_factory=list)  # spoken: any of these
    services: list = field(default_factory=list)  # offered: all of these
    resolved: gazetteer.Comune | None = None
    candidates: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)  # nearest names to an unknown place
    results: list = field(default_factory=list)
    # With "open now"/"open at" and none open: the nearest that open later, soonest first.
    opening_next: list = field(default_factory=list)
    error: str = ""
    unknown_place: bool = False
    submitted: bool = False

    @property
    def has_place(self):
        return self.latitude is not None

    @property
    def filtered(self):
        return bool(self.languages or self.services)

    def filter_groups(self):
        return filters.groups(self.languages, self.services)


def distance_km(lat1, lng1, lat2, lng2):
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _nearest(queryset, latitude, longitude, count):
    """The `count` help points of `queryset` nearest to a point, by an approximate
    (equirectangular) distance from their public positions, with their details.

    The database first looks in a box around the point (an index on the latitude, in a
    subquery so that the planner starts from it): a help point outside the box is
    farther than its half-side, so when the box holds `count` help points within that
    distance they are the nearest. Otherwise a larger box, then every help point: one
    query where help points are dense, at most three anywhere, whatever their number.
    """
    scale = max(math.cos(math.radians(latitude)), 0.01)
    squared = (F("public_latitude") - Value(latitude)) * (
        F("public_latitude") - Value(latitude)
    ) + (F("public_longitude") - Value(longitude)) * (
        F("public_longitude") - Value(longitude)
    ) * Value(scale * scale)
    ordered = queryset.annotate(approx=Cast(squared, FloatField())).order_by("approx", "pk")
    for half in (*BOX_HALF_SIDES, None):
        found = ordered
        if half is not None:
            box = HelpPointPage.objects.order_by().filter(
                public_latitude__range=(latitude - half, latitude + half),
                public_longitude__range=(longitude - half / scale, longitude + half / scale),
            )
            found = found.filter(pk__in=box.values("pk"))
        pages = list(found[:count])
        if half is None or (len(pages) == count and pages[-1].approx <= half * half):
            return pages


def nearest_help_points(
    latitude,
    longitude,
    *,
    limit=None,
    at=None,
    open_only=False,
    offset=0,
    languages=(),
    services=(),
):
    """Italian live help points nearest first, as `Hit`s with `distance_km` and status,
    speaking any of `languages` and offering all of `services`.

    The database orders them by an approximate distance from their public positions
    and returns the nearest few with the columns a result shows; their phones, rules
    and exceptions follow in one query each. Pages (`offset`) are cut in that order,
    then each is sorted by exact distance: every help point is on exactly one page.
    """
    limit = limit or DEFAULT_LIMIT
    pool = OPEN_FILTER_POOL if open_only else offset + limit + 1
    queryset = HelpPointPage.objects.italian_live().filter(public_latitude__isnull=False)
    queryset = filters.apply(queryset, languages, services).with_association()
    pages = _nearest(queryset, latitude, longitude, pool)
    more = len(pages) > offset + limit
    if not open_only:
        pages = pages[offset : offset + limit]
    prefetch_related_objects(pages, *detail_lookups())
    at = at or hours.now()
    hits = []
    for page in pages:
        status = page.opening_hours().status(at)
        if open_only and not status.open_now:
            continue
        distance = distance_km(latitude, longitude, *page.public_position)
        hits.append(Hit(page, distance, status))
    if open_only:
        more = len(hits) > offset + limit
        hits = hits[offset : offset + limit]
    hits.sort(key=lambda hit: hit.distance_km)
    return Hits(hits, more)


def all_help_points(*, limit=None, at=None, open_only=False, offset=0, languages=(), services=()):
    """Italian live help points by province, comune and name (no place given)."""
    at = at or hours.now()
    queryset = filters.apply(HelpPointPage.objects.italian_live(), languages, services)
    queryset = queryset.with_details().order_by("province", "comune", "title", "pk")
    if limit and not open_only:
        queryset = queryset[offset : offset + limit + 1]
    hits = []
    for page in queryset:
        status = page.opening_hours().status(at)
        if open_only and not status.open_now:
            continue
        hits.append(Hit(page, None, status))
    if not limit:
        return Hits(hits)
    start = offset if open_only else 0
    return Hits(hits[start : start + limit], more=len(hits) > start + limit)


def opening_next(search):
    """When none is open at the time asked: the nearest help points (or, without a place,
    all of them) that open later, soonest first, then nearest first."""
    limit = search.limit or DEFAULT_LIMIT
    wanted = {"at": search.at, "languages": search.languages, "services": search.services}
    if search.has_place:
        hits = nearest_help_points(search.latitude, search.longitude, limit=limit, **wanted)
    else:
        hits = all_help_points(**wanted)
    opening = [hit for hit in hits if hit.status.next_change is not None]
    opening.sort(key=lambda hit: (hit.status.next_change, hit.distance_km or 0))
    return opening[:limit]


def _float(value, name, low, high):
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise forms.ValidationError(_("%(name)s must be a number.") % {"name": name}) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise forms.ValidationError(
            _("%(name)s must be between %(low)s and %(high)s.")
            % {"name": name, "low": low, "high": high}
        )
    return number


def parse_instant(text):
    """An ISO 8601 instant; without an offset it is read as Europe/Rome local time."""
    try:
        moment = parse_datetime(text.strip())
    except ValueError:
        moment = None
    if moment is None:
        raise forms.ValidationError(_("'at' must be a date and time like 2026-03-30T11:30:00Z."))
    if not 2000 <= moment.year <= 2100:
        raise forms.ValidationError(_("'at' must be between the years 2000 and 2100."))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=hours.ROME)
    return moment


class SearchForm(filters.FilterForm):
    """What every search reads: her coordinates, how many results and the filters
    (`language`, `service`); a subclass adds the place and the time, as the API or the
    finder page names them."""

    lat = forms.CharField(required=False, strip=False)
    lng = forms.CharField(required=False, strip=False)
    limit = forms.CharField(required=False, strip=False)

    def clean_lat(self):
        lat = self.cleaned_data["lat"]
        return _float(lat, "lat", -90, 90) if lat else None

    def clean_lng(self):
        lng = self.cleaned_data["lng"]
        return _float(lng, "lng", -180, 180) if lng else None

    def clean_limit(self):
        limit = self.cleaned_data["limit"]
        if not limit:
            return None
        if not (limit.isascii() and limit.isdigit()) or not 1 <= int(limit) <= MAX_LIMIT:
            raise forms.ValidationError(
                _("limit must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}
            )
        return int(limit)

    def clean(self):
        cleaned = super().clean()
        given = [bool(self.data.get(name)) for name in ("lat", "lng")]
        if any(given) and not all(given):
            raise forms.ValidationError(_("Give both lat and lng."))
        return cleaned

    def search(self):
        """The Search these valid parameters ask for (not run yet)."""
        data = self.cleaned_data
        at = self.instant()
        return Search(
            near=data["near"].strip(),
            latitude=data["lat"],
            longitude=data["lng"],
            at=at or hours.now(),
            at_given=at is not None,
            open_only=self.open_only(),
            limit=data["limit"],
            languages=data["language"],
            services=data["service"],
        )


def place_field():
    return forms.CharField(
        required=False,
        strip=False,
        max_length=gazetteer.MAX_QUERY_LENGTH,
        error_messages={"max_length": gettext_lazy("The place is too long.")},
    )


def open_field():
    return forms.ChoiceField(
        required=False,
        choices=[(flag, flag) for flag in OPEN_FLAGS],
        error_messages={"invalid_choice": gettext_lazy("open_now must be 1 or 0.")},
    )


class ApiSearchForm(SearchForm):
    """GET /api/help-points/: `near`, `lat`+`lng`, `open_now=1`, `at`, `limit`,
    `language`, `service`."""

    near = place_field()
    open_now = open_field()
    at = forms.CharField(required=False, strip=False)
    field_order = ["near", "lat", "lng", "open_now", "at", "limit", "language", "service"]

    def clean_at(self):
        at = self.cleaned_data["at"]
        return parse_instant(at) if at else None

    def instant(self):
        return self.cleaned_data["at"]

    def open_only(self):
        return self.cleaned_data["open_now"] == "1"


class FinderForm(SearchForm):
    """The finder page's GET form: `q`, `open` (any, now, at) with `day` and `time`."""

    q = place_field()
    open = open_field()
    day = forms.CharField(required=False, strip=False)
    time = forms.CharField(required=False, strip=False)
    field_order = ["q", "lat", "lng", "open", "day", "time", "limit", "language", "service"]

    def clean(self):
        cleaned = super().clean()
        cleaned["near"] = cleaned.get("q", "")
        if cleaned.get("open") == "at" and cleaned.get("day") and cleaned.get("time"):
            cleaned["at"] = parse_instant(f"{cleaned['day']}T{cleaned['time']}")
        return cleaned

    def instant(self):
        return self.cleaned_data.get("at")

    def open_only(self):
        return self.cleaned_data["open"] in ("1", "now", "at")


def parse(params, *, api):
    """A Search from query parameters (the API's, or the finder form's), validated."""
    form = (ApiSearchForm if api else FinderForm)(params)
    if not form.is_valid():
        raise SearchError(next(iter(form.errors.values()))[0])
    return form.search()


def run(search):
    """Resolve the place and fill in the results (or candidates) of a parsed Search."""
    if search.latitude is None and search.near:
        found = gazetteer.lookup(search.near)
        if found.comune is not None:
            search.resolved = found.comune
            search.latitude, search.longitude = found.comune.latitude, found.comune.longitude
        elif found.candidates:
            search.candidates = found.candidates
            return search
        else:
            search.unknown_place = True
            search.suggestions = found.suggestions
            return search
    wanted = {
        "limit": search.limit,
        "at": search.at,
        "open_only": search.open_only,
        "offset": search.offset,
        "languages": search.languages,
        "services": search.services,
    }
    if search.has_place:
        search.results = nearest_help_points(search.latitude, search.longitude, **wanted)
    else:
        search.results = all_help_points(**wanted)
    if search.open_only and not search.results and not search.offset:
        search.opening_next = opening_next(search)
    return search


def search_from_request(params):
    """The finder page's search: errors become a message on the page, never a 500."""
    keys = {"q", "lat", "lng", "open", "day", "time", "language", "service"}
    if not keys & set(params):
        return Search()
    try:
        search = parse(params, api=False)
    except SearchError as error:
        return Search(error=str(error), submitted=True)
    search.submitted = True
    return run(search)
