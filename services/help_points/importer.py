"""Import help points from JSON in the API's shape: validate every row, then all or nothing.

`{"help_points": [{"slug": ..., "name": ..., "association": {"slug": ...}, ...}]}`;
computed fields (url, distance_km, open_now, next_change, status_message) are ignored.
A row is created under the Italian help point index, or updates the page with its slug.
Every value is checked for its JSON type and, for text, against the max_length of the
model field it goes into; a bad value is a RowError naming the field.
"""

import datetime as dt
import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from services import gazetteer
from services.associations.models import AssociationPage
from services.languages import LANGUAGE_NAMES

from .models import (
    WEEKDAY_CODES,
    HelpPointIndexPage,
    HelpPointPage,
    HelpPointPhone,
    OpeningException,
    OpeningRule,
)


class RowError(ValueError):
    pass


def _text(value, name, field, required=False):
    """Text that fits the model `field` ("" when absent)."""
    if value is None or value == "":
        if required:
            raise RowError(f"{name} is missing")
        return ""
    if not isinstance(value, str):
        raise RowError(f"{name} must be text")
    if field.max_length is not None and len(value) > field.max_length:
        raise RowError(f"{name} is longer than {field.max_length} characters")
    return value


def _list(value, name):
    """A JSON list ([] when absent)."""
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise RowError(f"{name} must be a list")
    return value


def _objects(value, name):
    """A JSON list of objects ([] when absent)."""
    items = _list(value, name)
    for number, item in enumerate(items):
        if not isinstance(item, dict):
            raise RowError(f"{name}[{number}] must be an object")
    return items


def _choice(value, choices, name, default):
    if value in (None, ""):
        return default
    if not isinstance(value, str) or value not in dict(choices):
        raise RowError(f"{name} must be one of {', '.join(dict(choices))}")
    return value


def _time(value, name, required=True):
    if value in (None, ""):
        if required:
            raise RowError(f"{name} is missing")
        return None
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        raise RowError(f"{name} must be a time like 09:00") from None


def _date(value, name, required=False):
    if value in (None, ""):
        if required:
            raise RowError(f"{name} is missing")
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RowError(f"{name} must be a date like 2026-12-24") from None


def _coordinate(value, name, limit):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RowError(f"{name} must be a number")
    if not math.isfinite(value) or abs(value) > limit:
        raise RowError(f"{name} is out of range")
    return float(value)


def _rules(items):
    rules = []
    for number, item in enumerate(_objects(items, "opening_hours")):
        label = f"opening_hours[{number}]"
        days = item.get("days")
        if (
            not isinstance(days, list)
            or not days
            or any(not isinstance(day, str) or day not in WEEKDAY_CODES for day in days)
        ):
            raise RowError(f"{label}.days must list days among {', '.join(WEEKDAY_CODES)}")
        opens = _time(item.get("opens"), f"{label}.opens")
        closes = _time(item.get("closes"), f"{label}.closes")
        if opens == closes:
            raise RowError(f"{label}: closing time equals opening time")
        valid_from = _date(item.get("valid_from"), f"{label}.valid_from")
        valid_to = _date(item.get("valid_to"), f"{label}.valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            raise RowError(f"{label}: valid_to is before valid_from")
        rules.append(
            OpeningRule.on_days(
                days,
                opens=opens,
                closes=closes,
                valid_from=valid_from,
                valid_to=valid_to,
                mode=_choice(
                    item.get("mode"),
                    OpeningRule.Mode.choices,
                    f"{label}.mode",
                    OpeningRule.Mode.IN_PERSON,
                ),
            )
        )
    return rules


def _patron_day(value):
    """(month, day) from "MM-DD" (a day that exists in a leap year), or (None, None)."""
    if value in (None, ""):
        return None, None
    try:
        day = dt.date(2024, *(int(part) for part in str(value).split("-", 1)))
    except (TypeError, ValueError):
        raise RowError(f"patron_day {value!r} is not a month and day like 06-24") from None
    return day.month, day.day


def _reason(value, name):
    """A reason key, or a label in any of our languages; other text is 'other' and the note."""
    text = _text(value, name, OpeningException._meta.get_field("note"))
    reasons = dict(OpeningException.Reason.choices)
    if text in reasons:
        return text, ""
    for key, label in reasons.items():
        if text.casefold() == str(label).casefold():
            return key, ""
    return OpeningException.Reason.OTHER, text


def _exceptions(items):
    exceptions = []
    for number, item in enumerate(_objects(items, "exceptions")):
        label = f"exceptions[{number}]"
        date_from = _date(item.get("date_from"), f"{label}.date_from", required=True)
        date_to = _date(item.get("date_to"), f"{label}.date_to") or date_from
        if date_to < date_from:
            raise RowError(f"{label}: date_to is before date_from")
        closed = item.get("closed", True)
        if not isinstance(closed, bool):
            raise RowError(f"{label}.closed must be true or false")
        opens = _time(item.get("opens"), f"{label}.opens", required=not closed)
        closes = _time(item.get("closes"), f"{label}.closes", required=not closed)
        reason, note = _reason(item.get("reason"), f"{label}.reason")
        exceptions.append(
            OpeningException(
                date_from=date_from,
                date_to=date_to,
                closed=closed,
                opens=opens,
                closes=closes,
                reason=reason,
                note=note,
            )
        )
    return exceptions


def validate_row(row, associations):
    """The fields and child objects of one row, or RowError with the reason."""
    if not isinstance(row, dict):
        raise RowError("a row must be an object")
    field = HelpPointPage._meta.get_field
    slug = _text(row.get("slug"), "slug", field("slug"), required=True)
    if slugify(slug) != slug:
        raise RowError("slug is not a valid slug")
    name = _text(row.get("name"), "name", field("title"), required=True)
    association = row.get("association")
    association_slug = association.get("slug") if isinstance(association, dict) else association
    if not isinstance(association_slug, str) or association_slug not in associations:
        raise RowError(f"association {association_slug!r} does not exist")
    comune_name = _text(row.get("comune"), "comune", field("comune"))
    istat_code = _text(row.get("istat_code"), "istat_code", field("istat_code"))
    comune = gazetteer.by_istat_code(istat_code)
    if comune is None:
        found = gazetteer.lookup(comune_name)
        if found.comune is None:
            raise RowError(f"comune {comune_name!r} is unknown or ambiguous: give istat_code")
        comune = found.comune
    latitude = _coordinate(row.get("latitude"), "latitude", 90)
    longitude = _coordinate(row.get("longitude"), "longitude", 180)
    if (latitude is None) != (longitude is None):
        raise RowError("give both latitude and longitude, or neither")
    if latitude is None:
        latitude, longitude = comune.latitude, comune.longitude
    number_field = HelpPointPhone._meta.get_field("number")
    phones = [
        _text(number, f"phones[{index}]", number_field, required=True)
        for index, number in enumerate(_list(row.get("phones"), "phones"))
    ]
    languages = _list(row.get("languages"), "languages")
    if any(not isinstance(code, str) or code not in LANGUAGE_NAMES for code in languages):
        raise RowError("languages must be a list of known language codes")
    _text(" ".join(languages), "languages", field("languages"))
    services = _list(row.get("services"), "services")
    if not all(isinstance(service, str) for service in services):
        raise RowError("services must be a list of text")
    fields = {
        "title": name,
        "association": associations[association_slug],
        "kind": _choice(
            row.get("kind"), HelpPointPage.Kind.choices, "kind", HelpPointPage.Kind.DESK
        ),
        "address": _text(row.get("address"), "address", field("address")),
        "address_visibility": _choice(
            row.get("address_visibility"),
            HelpPointPage.AddressVisibility.choices,
            "address_visibility",
            HelpPointPage.AddressVisibility.PUBLIC,
        ),
        "comune": comune.name,
        "istat_code": comune.istat_code,
        "province": comune.province,
        "latitude": latitude,
        "longitude": longitude,
        "languages": languages,
        "services": "\n".join(services),
    }
    fields["patron_month"], fields["patron_day"] = _patron_day(row.get("patron_day"))
    children = {
        "phones": [HelpPointPhone(number=number) for number in phones],
        "opening_rules": _rules(row.get("opening_hours")),
        "opening_exceptions": _exceptions(row.get("exceptions")),
    }
    return slug, fields, children


def validate(payload):
    """([(slug, fields, children)], [(index, reason)]) for a whole file."""
    if not isinstance(payload, dict) or not isinstance(payload.get("help_points"), list):
        return [], [(None, 'the file must be an object with a "help_points" list')]
    associations = {
        page.slug: page
        for page in AssociationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    }
    rows, errors, seen = [], [], set()
    for index, row in enumerate(payload["help_points"]):
        try:
            slug, fields, children = validate_row(row, associations)
            if slug in seen:
                raise RowError(f"slug {slug!r} appears twice")
            seen.add(slug)
            rows.append((slug, fields, children))
        except RowError as error:
            errors.append((index, str(error)))
    return rows, errors


@transaction.atomic
def import_rows(rows):
    """Create or update the help points of a file without errors; returns (created, updated).

    What only the database knows (a slug taken by another page) is a RowError naming
    the row, and the transaction leaves everything as it was.
    """
    index = HelpPointIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if index is None:
        raise RowError("there is no help point index page to import into")
    created = updated = 0
    for number, (slug, fields, children) in enumerate(rows):
        page = HelpPointPage.objects.child_of(index).filter(slug=slug).first()
        try:
            if page is None:
                page = HelpPointPage(slug=slug, **fields, **children)
                index.add_child(instance=page)
                created += 1
            else:
                for name, value in {**fields, **children}.items():
                    setattr(page, name, value)
                updated += 1
            page.save_revision().publish()
        except ValidationError as error:
            raise RowError(f"row {number}: {'; '.join(error.messages)}") from None
    return created, updated
