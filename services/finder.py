"""Find the help points nearest to a place, with their opening status at an instant.

Shared by the finder page and the open-data API. A search costs the same few
queries whatever the number of help points: the database orders the Italian live
help points by an approximate (equirectangular) distance and returns the nearest
few with their rules, exceptions and phones prefetched; exact distances and opening
status are computed here. The place and coordinates are used for one response only:
never logged, never stored.
"""

import datetime as dt
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, FloatField, Prefetch, Value
from django.db.models.functions import Cast
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from services import gazetteer, hours

DEFAULT_LIMIT = 10
MAX_LIMIT = 100
# With "open now"/"open at", the nearest this many are checked for the open ones.
OPEN_FILTER_POOL = 200
EARTH_RADIUS_KM = 6371.0
# The columns a search result needs: fewer columns, a faster query on 10,000 rows.
PAGE_FIELDS = [
    "id",
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "alias_of_id",
    "live",
    "association_id",
    "kind",
    "summary",
    "address",
    "address_visibility",
    "comune",
    "istat_code",
    "province",
    "latitude",
    "longitude",
    "languages",
    "services",
    "access",
    "closed_on_holidays",
    "patron_day",
    "patron_month",
]


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
    resolved: gazetteer.Comune | None = None
    candidates: list = field(default_factory=list)
    results: list = field(default_factory=list)
    error: str = ""
    unknown_place: bool = False
    submitted: bool = False

    @property
    def has_place(self):
        return self.latitude is not None


def distance_km(lat1, lng1, lat2, lng2):
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def italian_live_help_points():
    """The Italian live, public help point pages (the ones every language mirrors)."""
    from services.models import HelpPointPage

    return (
        HelpPointPage.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)
    )


def with_association(queryset):
    """Help points with the columns a listing shows and their association's name."""
    return queryset.select_related("association").only(
        *PAGE_FIELDS, "association__title", "association__slug"
    )


def with_details(queryset):
    """Help points with what a result shows: association, phones, rules and exceptions."""
    from services.models import OpeningException, OpeningRule

    return with_association(queryset).prefetch_related(
        "phones",
        Prefetch("opening_rules", queryset=OpeningRule.objects.order_by("sort_order")),
        Prefetch("opening_exceptions", queryset=OpeningException.objects.order_by("sort_order")),
    )


def italian_help_points():
    return with_details(italian_live_help_points())


def nearest_help_points(latitude, longitude, *, limit=None, at=None, open_only=False, offset=0):
    """Italian live help points nearest first, as `Hit`s with `distance_km` and status.

    Two steps keep it fast on thousands of rows: the database orders the ids alone by
    an approximate distance, then the few nearest are fetched with their details. Pages
    (`offset`) are cut in that order, then each is sorted by exact distance: every help
    point is on exactly one page.
    """
    from services.models import HelpPointPage

    scale = math.cos(math.radians(latitude))
    squared = (F("latitude") - Value(latitude)) * (F("latitude") - Value(latitude)) + (
        F("longitude") - Value(longitude)
    ) * (F("longitude") - Value(longitude)) * Value(scale * scale)
    limit = limit or DEFAULT_LIMIT
    pool = OPEN_FILTER_POOL if open_only else offset + limit + 1
    ids = list(
        italian_live_help_points()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(approx=Cast(squared, FloatField()))
        .order_by("approx", "pk")
        .values_list("pk", flat=True)[:pool]
    )
    more = len(ids) > offset + limit
    if not open_only:
        ids = ids[offset : offset + limit]
    pages = with_details(HelpPointPage.objects.filter(pk__in=ids)).in_bulk()
    at = at or hours.now()
    hits = []
    for page in (pages[pk] for pk in ids if pk in pages):
        status = page.schedule().status(at)
        if open_only and not status.open_now:
            continue
        distance = distance_km(latitude, longitude, page.latitude, page.longitude)
        hits.append(Hit(page, distance, status))
    if open_only:
        more = len(hits) > offset + limit
        hits = hits[offset : offset + limit]
    hits.sort(key=lambda hit: hit.distance_km)
    return Hits(hits, more)


def all_help_points(*, limit=None, at=None, open_only=False, offset=0):
    """Italian live help points by province, comune and name (no place given)."""
    at = at or hours.now()
    queryset = italian_help_points().order_by("province", "comune", "title", "pk")
    if limit and not open_only:
        queryset = queryset[offset : offset + limit + 1]
    hits = []
    for page in queryset:
        status = page.schedule().status(at)
        if open_only and not status.open_now:
            continue
        hits.append(Hit(page, None, status))
    if not limit:
        return Hits(hits)
    start = offset if open_only else 0
    return Hits(hits[start : start + limit], more=len(hits) > start + limit)


def help_points_by_province(language_code=None):
    """[(province, [Italian help point pages])], each page with `shown`: its page in the
    visitor's language (the Italian one until translated)."""
    from services.api.serializers import localized_pages

    pages = list(
        with_association(italian_live_help_points()).order_by("province", "comune", "title")
    )
    shown = localized_pages(pages, language_code or settings.LANGUAGE_CODE)
    groups = {}
    for page in pages:
        page.shown = shown.get(page.translation_key, page)
        groups.setdefault(page.province or "–", []).append(page)
    return sorted(groups.items())


def _float(value, name, low, high):
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise SearchError(_("%(name)s must be a number.") % {"name": name}) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise SearchError(
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
        raise SearchError(_("'at' must be a date and time like 2026-03-30T11:30:00Z."))
    if not 2000 <= moment.year <= 2100:
        raise SearchError(_("'at' must be between the years 2000 and 2100."))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=hours.ROME)
    return moment


def parse(params, *, api):
    """A Search from query parameters (API names, or the finder form's), validated."""
    search = Search()
    near = params.get("near" if api else "q", "")
    if len(near) > gazetteer.MAX_QUERY_LENGTH:
        raise SearchError(_("The place is too long."))
    search.near = near.strip()
    lat, lng = params.get("lat", ""), params.get("lng", "")
    if lat or lng:
        if not (lat and lng):
            raise SearchError(_("Give both lat and lng."))
        search.latitude = _float(lat, "lat", -90, 90)
        search.longitude = _float(lng, "lng", -180, 180)
    open_flag = params.get("open_now" if api else "open", "")
    if open_flag not in ("", "0", "1", "now", "at", "any"):
        raise SearchError(_("open_now must be 1 or 0."))
    if api:
        search.open_only = open_flag == "1"
        if params.get("at"):
            search.at = parse_instant(params["at"])
            search.at_given = True
    else:
        search.open_only = open_flag in ("1", "now", "at")
        if open_flag == "at" and params.get("day") and params.get("time"):
            search.at = parse_instant(f"{params['day']}T{params['time']}")
            search.at_given = True
    limit = params.get("limit", "")
    if limit:
        if not (limit.isascii() and limit.isdigit()) or not 1 <= int(limit) <= MAX_LIMIT:
            raise SearchError(
                _("limit must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}
            )
        search.limit = int(limit)
    search.at = search.at or hours.now()
    return search


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
            return search
    if search.has_place:
        search.results = nearest_help_points(
            search.latitude,
            search.longitude,
            limit=search.limit,
            at=search.at,
            open_only=search.open_only,
            offset=search.offset,
        )
    else:
        search.results = all_help_points(
            limit=search.limit, at=search.at, open_only=search.open_only, offset=search.offset
        )
    return search


def search_from_request(params):
    """The finder page's search: errors become a message on the page, never a 500."""
    keys = {"q", "lat", "lng", "open", "day", "time"}
    if not keys & set(params):
        return Search()
    try:
        search = parse(params, api=False)
    except SearchError as error:
        return Search(error=str(error), submitted=True)
    search.submitted = True
    return run(search)
