"""Help points and associations as HSDS 3.0 records.

An association is an `organization`. A help point is one `service` (what it offers: its
summary and services, its kind as a taxonomy term, its languages), one `location` (where:
`physical`, or `virtual` for a phone line) and the `service_at_location` joining them,
which carries the opening hours (services.hsds.schedules). Texts come in the language
asked for (the Italian page until a translation exists); facts come from the Italian page.

Fields we do not have are left out, never sent as null. A help point whose address is not
public has no address, no transport directions and, for its position, at most its
comune's centre (from the gazetteer), exactly as on the site.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings

from services import gazetteer
from services.languages import LANGUAGE_NAMES
from services.models import HelpPointPage, OpeningRule

from . import ids
from .queries import published_position
from .schedules import publish

CAP = re.compile(r"\b\d{5}\b")
# The phone kinds of an association, as RFC 6350 types (HSDS phone `type`).
PHONE_TYPES = {"office": "voice", "helpline": "voice", "mobile": "cell"}


@dataclass
class Context:
    """What every record of one response shares: the request (for absolute URLs), the
    language of the texts, the day the schedules are counted from, and the pages in that
    language by translation key."""

    request: object
    language: str
    today: dt.date
    shown: dict = field(default_factory=dict)

    def text_page(self, page):
        return self.shown.get(page.translation_key, page)

    def url(self, page):
        return self.text_page(page).get_full_url(self.request)


def localized(model, pages, language):
    """{translation_key: live page of `model` in `language`}, in one query."""
    if language == settings.LANGUAGE_CODE or not pages:
        return {}
    found = model.objects.live().filter(
        translation_key__in=[page.translation_key for page in pages],
        locale__language_code=language,
    )
    return {page.translation_key: page for page in found}


def _some(**fields):
    """The fields that have a value: HSDS wants a missing field left out, not null."""
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


def organization(association, context, *, phones=False):
    shown = context.text_page(association)
    record = _some(
        id=ids.organization(association),
        name=association.title,
        alternate_name=association.legal_name
        if association.legal_name != association.title
        else None,
        email=association.email,
        website=association.website,
        year_incorporated=association.founded_year,
        uri=context.url(association),
    )
    record["description"] = shown.summary or ""
    if phones:
        record["phones"] = [
            _some(
                id=ids.phone(record["id"], phone.number),
                organization_id=record["id"],
                number=phone.number,
                type=PHONE_TYPES.get(phone.kind),
                description=str(phone.get_kind_display()),
            )
            for phone in association.phones.all()
        ]
    return record


def _description(shown):
    lines = [shown.summary.strip(), *shown.service_list]
    return "\n".join(line for line in lines if line)


def kind_attribute(point, service_id, language):
    term_id = ids.taxonomy_term(point.kind)
    label = str(HelpPointPage.Kind(point.kind).label)
    return {
        "id": ids.make(service_id, "attribute", "kind"),
        "link_id": service_id,
        "link_type": "kind",
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": point.kind,
            "name": label,
            "description": label,
            "taxonomy_id": ids.taxonomy(),
            "language": language,
        },
    }


def service(point, context, *, full=False, with_organization=True):
    """A help point as an HSDS service; `full` adds its languages, kind and places."""
    shown = context.text_page(point)
    record = _some(
        id=ids.service(point),
        organization_id=ids.organization(point.association),
        name=shown.title,
        description=_description(shown),
        url=context.url(point),
        status="active",
        application_process=str(point.get_access_display()),
        last_modified=point.last_published_at.isoformat() if point.last_published_at else None,
    )
    if with_organization:
        record["organization"] = organization(point.association, context)
    if full:
        record["languages"] = [
            {
                "id": ids.make(record["id"], "language", code),
                "service_id": record["id"],
                "name": LANGUAGE_NAMES.get(code, code),
                "code": code,
            }
            for code in point.languages
        ]
        record["attributes"] = [kind_attribute(point, record["id"], context.language)]
        record["service_at_locations"] = [service_at_location(point, context, full=True)]
    return record


def postal_code(point):
    """The CAP written in the address, else the comune's when it has only one, else ""
    (HSDS requires the field; the comuni with several CAPs need the street to tell)."""
    comune = gazetteer.by_istat_code(point.istat_code)
    caps = comune.caps if comune else ()
    written = CAP.findall(point.address)
    if written:
        return written[-1]
    return caps[0] if len(caps) == 1 else ""


def location(point, context, *, full=False):
    shown = context.text_page(point)
    virtual = point.kind == HelpPointPage.Kind.HELPLINE
    latitude, longitude = (
        (None, None)
        if virtual
        else published_position(
            point.address_visibility, point.istat_code, point.latitude, point.longitude
        )
    )
    public = point.address_is_public
    record = _some(
        id=ids.location(point),
        location_type="virtual" if virtual else "physical",
        url=context.url(point) if virtual else None,
        organization_id=ids.organization(point.association),
        name=shown.title,
        description=shown.summary,
        transportation=shown.how_to_get_there if public else None,
        latitude=latitude,
        longitude=longitude,
        external_identifier=point.istat_code,
        external_identifier_type="ISTAT" if point.istat_code else None,
    )
    if not full:
        return record
    location_id = record["id"]
    record["addresses"] = (
        [
            {
                "id": ids.make(location_id, "address"),
                "location_id": location_id,
                "address_1": point.address,
                "city": point.comune,
                "state_province": point.province,
                "postal_code": postal_code(point),
                "country": "IT",
                "address_type": "physical",
            }
        ]
        if public and point.address and not virtual
        else []
    )
    record["phones"] = [
        {"id": ids.phone(location_id, phone.number), "location_id": location_id, "number": number}
        for phone in point.phones.all()
        if (number := phone.number.strip())
    ]
    record["accessibility"] = (
        [
            {
                "id": ids.make(location_id, "accessibility"),
                "location_id": location_id,
                "description": shown.accessibility,
            }
        ]
        if shown.accessibility
        else []
    )
    return record


def schedules(point, record_id, context):
    modes = dict(OpeningRule.Mode.choices)
    return publish(point.opening_hours(), record_id, context.today, modes)


def service_at_location(point, context, *, full=False, with_service=False):
    """The help point's service at its location; `full` nests the whole location and the
    schedules, `with_service` the service (as a listing shows it)."""
    record = {
        "id": ids.service_at_location(point),
        "service_id": ids.service(point),
        "location_id": ids.location(point),
    }
    if full:
        record["schedules"] = schedules(point, record["id"], context)
    record["location"] = location(point, context, full=full)
    if with_service:
        record["service"] = service(point, context)
    return record
