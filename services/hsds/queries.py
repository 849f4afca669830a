"""Which help points and associations an HSDS request asks for, in a stable order.

HSDS filters are cumulative (AND). `postcode` and `proximity` are answered by our
gazetteer: `postcode` (a CAP, or a comune's name) alone keeps the help points of its
comune(s); with `proximity` (metres) it keeps those within that distance of the comune's
centre, nearest first. A help point whose address is not public counts from its comune's
centre, never from its own position, so distances reveal no more than the site does.
Bad values raise QueryError with a reason in the request's language.
"""

import datetime as dt
import math
import uuid

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from services import gazetteer
from services.help_points import hours
from services.help_points.finder import distance_km
from services.models import AssociationPage, HelpPointPage, OpeningException, OpeningRule

from . import ids

MAX_SEARCH_LENGTH = 100
MAX_PROXIMITY_METRES = 2_000_000
ORDER = ("province", "comune", "title", "pk")


class QueryError(ValueError):
    """A parameter cannot be used; the message says why."""


def live_associations():
    return (
        AssociationPage.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)
    )


def with_details(queryset):
    """Help points with everything a full record shows, in a constant number of queries."""
    return queryset.select_related("association").prefetch_related(
        "phones",
        "association__phones",
        Prefetch("opening_rules", queryset=OpeningRule.objects.order_by("sort_order")),
        Prefetch("opening_exceptions", queryset=OpeningException.objects.order_by("sort_order")),
    )


def in_order(model_queryset, pks):
    """The rows of `pks`, fetched in one go and returned in that order."""
    found = model_queryset.in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


def _boolean(params, name):
    value = params.get(name, "")
    if value not in ("", "true", "false", "1", "0"):
        raise QueryError(_("%(name)s must be true or false.") % {"name": name})
    return value in ("true", "1")


def full(params):
    return _boolean(params, "full")


def _text(params):
    text = params.get("search", "").strip()
    if len(text) > MAX_SEARCH_LENGTH:
        raise QueryError(_("search is too long."))
    return text


def _modified_after(params):
    text = params.get("modified_after", "").strip()
    if not text:
        return None
    try:
        moment = parse_datetime(text)
        if moment is None and (day := parse_date(text)) is not None:
            moment = dt.datetime.combine(day, dt.time())
    except ValueError:
        moment = None
    if moment is None or not 2000 <= moment.year <= 2100:
        raise QueryError(_("modified_after must be a date and time like 2026-03-30T11:30:00Z."))
    return moment if moment.tzinfo else moment.replace(tzinfo=hours.ROME)


def _comuni(params):
    """The comuni the `postcode` names: every comune of a shared CAP, or the one a name
    means."""
    text = params.get("postcode", "").strip()
    if not text:
        return None
    if len(text) > gazetteer.MAX_QUERY_LENGTH:
        raise QueryError(_("The place is too long."))
    found = gazetteer.lookup(text)
    if found.comune is not None:
        return [found.comune]
    if found.candidates and text.isdigit():
        return found.candidates
    if found.candidates:
        raise QueryError(
            _("Several comuni have this name: add the province, e.g. '%(example)s'.")
            % {"example": found.candidates[0].label}
        )
    raise QueryError(_("No Italian comune or CAP matches this place."))


def _proximity(params):
    text = params.get("proximity", "").strip()
    if not text:
        return None
    try:
        metres = float(text)
    except ValueError:
        raise QueryError(_("%(name)s must be a number.") % {"name": "proximity"}) from None
    if not math.isfinite(metres) or not 0 < metres <= MAX_PROXIMITY_METRES:
        raise QueryError(
            _("%(name)s must be between %(low)s and %(high)s.")
            % {"name": "proximity", "low": 0, "high": MAX_PROXIMITY_METRES}
        )
    return metres


def _id(params, name):
    """A UUID parameter; anything else matches nothing (None means not given)."""
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return ""


def published_position(address_visibility, istat_code, latitude, longitude):
    """Where a help point is published and counts from: its own position only when its
    address is public, else its comune's centre (or nowhere)."""
    if address_visibility != HelpPointPage.AddressVisibility.PUBLIC:
        comune = gazetteer.by_istat_code(istat_code)
        return (comune.latitude, comune.longitude) if comune else (None, None)
    return latitude, longitude


def help_point_pks(params):
    """The ids of the help points asked for, in the order they are listed."""
    text, comuni, proximity = _text(params), _comuni(params), _proximity(params)
    if proximity is not None and comuni is None:
        raise QueryError(_("proximity needs a postcode."))
    modified_after = _modified_after(params)
    organization_id, term_id = _id(params, "organization_id"), _id(params, "taxonomy_term_id")
    taxonomy_id = _id(params, "taxonomy_id")
    queryset = HelpPointPage.objects.italian_live()
    if text:
        queryset = queryset.filter(
            Q(title__icontains=text)
            | Q(summary__icontains=text)
            | Q(services__icontains=text)
            | Q(comune__icontains=text)
            | Q(association__title__icontains=text)
        )
    if modified_after is not None:
        queryset = queryset.filter(last_published_at__gte=modified_after)
    if organization_id is not None:
        queryset = queryset.filter(association__in=association_pks_with_id(organization_id))
    if term_id is not None:
        kinds = [kind for kind in HelpPointPage.Kind.values if ids.taxonomy_term(kind) == term_id]
        queryset = queryset.filter(kind__in=kinds)
    if taxonomy_id is not None and taxonomy_id != ids.taxonomy():
        queryset = queryset.none()
    if comuni is not None and proximity is None:
        queryset = queryset.filter(istat_code__in=[comune.istat_code for comune in comuni])
    if proximity is None:
        return list(queryset.order_by(*ORDER).values_list("pk", flat=True))
    rows = queryset.values_list("pk", "address_visibility", "istat_code", "latitude", "longitude")
    near = []
    for pk, *where in rows:
        latitude, longitude = published_position(*where)
        if latitude is None or longitude is None:
            continue
        km = min(
            distance_km(comune.latitude, comune.longitude, latitude, longitude) for comune in comuni
        )
        if km * 1000 <= proximity:
            near.append((km, pk))
    return [pk for _km, pk in sorted(near)]


def association_pks_with_id(organization_id):
    return [
        association.pk
        for association in live_associations().only("pk", "translation_key")
        if ids.organization(association) == organization_id
    ]


def association_pks(params):
    text = _text(params)
    queryset = live_associations()
    if text:
        queryset = queryset.filter(
            Q(title__icontains=text) | Q(legal_name__icontains=text) | Q(summary__icontains=text)
        )
    return list(queryset.order_by("title", "pk").values_list("pk", flat=True))


def help_point_by(record_id, id_of):
    """The live Italian help point whose `id_of(page)` is `record_id`, or None."""
    if not ids.is_uuid(record_id):
        return None
    for point in HelpPointPage.objects.italian_live().only("pk", "translation_key"):
        if id_of(point) == record_id:
            return with_details(HelpPointPage.objects.filter(pk=point.pk)).first()
    return None
