"""The OpenAPI 3.1 description of our JSON APIs, served at /api/openapi.json.

It describes what the views answer, field by field: tests/services/test_openapi.py sends
generated requests to every operation and checks each answer against it, so it stays
true. The HSDS schemas here are the subset of HSDS 3.0 we publish (the full rules are
checked against the official schemas in tests/services/test_hsds.py).
"""

from django.conf import settings

from services.languages import LANGUAGE_NAMES
from services.service_codes import SERVICE_NAMES

from . import HSDS_VERSION

DESCRIPTION = f"""Open data of the network's help points, associations and workshops.

**Languages.** `lang` (default `it`) picks the language of texts, labels and error
messages. Bad parameters get a 400 with `{{"error": reason}}` (workshops:
`{{"error", "reasons"}}`), an unknown HSDS id a 404; never a 500.

**Paging.** `/api/help-points/` and `/api/workshops/` take `page` (from 1) and `limit`
and answer with `next`, the URL of the following page, or null on the last one. The HSDS
lists take `page` and `per_page` and answer with HSDS's `Page` (`total_items`,
`total_pages`, `page_number`, `size`, `first_page`, `last_page`, `empty`, `contents`).

**HSDS {HSDS_VERSION}.** `/api/hsds/` follows Open Referral's Human Services Data
Specification {HSDS_VERSION}: an association is an organization; a help point is a
service, a location (`virtual` for a phone line) and the service_at_location joining
them. Ids are UUIDs derived from our own keys: they do not change between exports.
`postcode` (a CAP, or a comune's name) keeps the help points of that comune; with
`proximity` (metres) those within that distance of the comune's centre, nearest first.
`/api/help-points/hsds/` is the full export: every service, fully nested, on one page.

**Hidden addresses stay hidden.** A help point whose address is given on request or
hidden has no address and no directions here, and its latitude and longitude are at most
its comune's centre (or, without a comune, the centre of a 0.1° grid cell). In
`/api/help-points/` every distance, the order of the results and `latitude`/`longitude`
come from that public position, never from the exact point, whatever place or
coordinates are asked (`position_exact` is false, and the distance is rounded to whole
km); in HSDS, distances and `proximity` count from that centre.

**What fits her.** `/api/help-points/` takes `language` (a language code: help points
speaking any of those given) and `service` (a service or accessibility code: help points
offering all of those given), each repeatable (`?service=legal&service=children`). An
unknown code is a 400 whose reason lists the valid ones. With `open_now=1` or `at`, when
none is open then, `opening_next` lists the nearest that open later, soonest first
(empty otherwise).

**Opening hours across the clock change.** HSDS gives a schedule one numeric UTC offset
(`timezone`: 1 or 2 in Italy) and times with an offset (`opens_at`: `09:00+01:00`). So
each weekly opening rule is published as several schedules, split at the clock changes:
`valid_from`/`valid_to` are the first and last day of a stretch with the same offset,
from the last change before today to the first change more than twelve months ahead. A
closing time earlier than the opening time is on the next day. Days on which a rule does
not apply (national holidays, the patron day, closures) end a stretch and are published as
closures: schedules with `valid_from`, `valid_to` and a `description` but no `freq` and no
hours. Special hours are dated schedules of their own."""

STRING = {"type": "string"}
TEXT = {"type": "string", "minLength": 1}
UUID = {"type": "string", "format": "uuid"}
URI = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
NUMBER = {"type": "number"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
OFFSET_TIME = {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d[+-]\d\d:\d\d$"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def obj(required=(), **properties):
    return {"type": "object", "required": list(required), "properties": properties}


def array(item):
    return {"type": "array", "items": item}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def query(name, schema, description):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def codes(name, valid, description):
    """A repeatable query parameter of codes: `?service=legal&service=children`."""
    parameter = query(name, array({"type": "string", "enum": valid}), description)
    return {**parameter, "style": "form", "explode": True}


def json_content(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def parameters():
    return {
        "lang": query("lang", {"type": "string", "enum": languages()}, "Language of texts."),
        "page": query("page", {"type": "integer", "minimum": 1, "maximum": 1_000_000}, "Page."),
        "per_page": query(
            "per_page", {"type": "integer", "minimum": 1, "maximum": 100}, "Results a page."
        ),
        "full": query("full", BOOLEAN, "Fully nested records."),
        "search": query(
            "search", {"type": "string", "maxLength": 100}, "Words in the name or description."
        ),
        "organization_id": query("organization_id", STRING, "An organization's id."),
        "taxonomy_term_id": query(
            "taxonomy_term_id", STRING, "A help point kind's taxonomy term id."
        ),
        "taxonomy_id": query("taxonomy_id", STRING, "The help point kinds' taxonomy id."),
        "modified_after": query(
            "modified_after",
            {"type": "string", "format": "date-time"},
            "Published on or after this instant.",
        ),
        "postcode": query(
            "postcode",
            {"type": "string", "maxLength": 100},
            "A CAP or a comune's name: help points of that comune (with proximity: near it).",
        ),
        "proximity": query(
            "proximity",
            {"type": "number", "exclusiveMinimum": 0, "maximum": 2_000_000},
            "Metres from the postcode's comune centre; needs postcode.",
        ),
    }


def hsds_schemas():
    page = obj(
        ["total_items", "total_pages", "page_number", "size", "first_page", "last_page"],
        total_items=INTEGER,
        total_pages=INTEGER,
        page_number=INTEGER,
        size=INTEGER,
        first_page=BOOLEAN,
        last_page=BOOLEAN,
        empty=BOOLEAN,
    )
    return {
        "Page": page,
        "Phone": obj(
            ["id", "number"],
            id=UUID,
            location_id=UUID,
            organization_id=UUID,
            number=TEXT,
            type=STRING,
            description=STRING,
        ),
        "Organization": obj(
            ["id", "name", "description"],
            id=UUID,
            name=TEXT,
            alternate_name=STRING,
            description=STRING,
            email={"type": "string", "format": "email"},
            website=URI,
            year_incorporated=NUMBER,
            uri=URI,
            phones=array(ref("Phone")),
            services=array(ref("Service")),
            locations=array(ref("Location")),
        ),
        "Language": obj(
            ["id"], id=UUID, service_id=UUID, name=STRING, code={"type": "string", "minLength": 2}
        ),
        "TaxonomyTerm": obj(
            ["id", "name", "description"],
            id=UUID,
            code={"type": "string", "enum": ["centre", "desk", "helpline", "shelter"]},
            name=TEXT,
            description=STRING,
            taxonomy_id=UUID,
            language={"type": "string", "enum": languages()},
        ),
        "Attribute": obj(
            ["id", "taxonomy_term_id"],
            id=UUID,
            link_id=UUID,
            link_type=STRING,
            link_entity=STRING,
            taxonomy_term_id=UUID,
            taxonomy_term=ref("TaxonomyTerm"),
        ),
        "Address": obj(
            [
                "id",
                "address_1",
                "city",
                "state_province",
                "postal_code",
                "country",
                "address_type",
            ],
            id=UUID,
            location_id=UUID,
            address_1=TEXT,
            city=TEXT,
            state_province=STRING,
            postal_code={"type": "string", "pattern": r"^(\d{5})?$"},
            country={"const": "IT"},
            address_type={"const": "physical"},
        ),
        "Accessibility": obj(["id"], id=UUID, location_id=UUID, description=STRING),
        "Schedule": obj(
            ["id", "valid_from", "valid_to"],
            id=UUID,
            service_at_location_id=UUID,
            valid_from=DATE,
            valid_to=DATE,
            dtstart=DATE,
            freq={"type": "string", "enum": ["WEEKLY"]},
            wkst={"type": "string", "enum": ["MO"]},
            byday={
                "type": "string",
                "pattern": r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$",
            },
            opens_at=OFFSET_TIME,
            closes_at=OFFSET_TIME,
            timezone={"type": "number", "enum": [1, 2]},
            attending_type=STRING,
            description=STRING,
            notes=STRING,
        ),
        "Location": obj(
            ["id", "location_type"],
            id=UUID,
            location_type={"type": "string", "enum": ["physical", "virtual"]},
            url=URI,
            organization_id=UUID,
            name=TEXT,
            description=STRING,
            transportation=STRING,
            latitude={"type": "number", "minimum": -90, "maximum": 90},
            longitude={"type": "number", "minimum": -180, "maximum": 180},
            external_identifier={"type": "string", "pattern": r"^\d{6}$"},
            external_identifier_type={"const": "ISTAT"},
            addresses=array(ref("Address")),
            phones=array(ref("Phone")),
            accessibility=array(ref("Accessibility")),
        ),
        "ServiceAtLocation": obj(
            ["id", "service_id", "location_id", "location"],
            id=UUID,
            service_id=UUID,
            location_id=UUID,
            schedules=array(ref("Schedule")),
            location=ref("Location"),
            service=ref("Service"),
        ),
        "Service": obj(
            ["id", "name", "status"],
            id=UUID,
            organization_id=UUID,
            name=TEXT,
            description=STRING,
            url=URI,
            status={"type": "string", "enum": ["active"]},
            application_process=STRING,
            last_modified={"type": "string", "format": "date-time"},
            organization=ref("Organization"),
            languages=array(ref("Language")),
            attributes=array(ref("Attribute")),
            service_at_locations=array(ref("ServiceAtLocation")),
        ),
        "ServicePage": paged("Service"),
        "OrganizationPage": paged("Organization"),
        "ServiceAtLocationPage": paged("ServiceAtLocation"),
        "Export": {
            "allOf": [ref("ServicePage")],
            "required": ["version"],
            "properties": {"version": {"const": HSDS_VERSION}},
        },
        "HsdsRoot": obj(
            ["version", "openapi_url"], version={"const": HSDS_VERSION}, openapi_url=URI
        ),
    }


def paged(item):
    return {
        "allOf": [ref("Page")],
        "required": ["contents"],
        "properties": {"contents": array(ref(item))},
    }


def places_schema():
    return obj(
        ["places"],
        places={
            **array(
                obj(
                    ["label", "name", "province", "code"],
                    label=TEXT,
                    name=TEXT,
                    province={"type": "string", "pattern": "^[A-Z]{2}$"},
                    code={"type": "string", "pattern": "^[0-9]{6}$"},
                )
            ),
            "maxItems": 8,
        },
    )


def own_schemas():
    time = nullable({"type": "string", "pattern": r"^\d\d:\d\d$"})
    day = nullable(DATE)
    help_point = obj(
        [
            "slug",
            "name",
            "url",
            "association",
            "kind",
            "address",
            "address_visibility",
            "comune",
            "istat_code",
            "latitude",
            "longitude",
            "distance_km",
            "open_now",
            "next_change",
            "status_message",
            "phones",
            "position_exact",
            "languages",
            "service_codes",
            "services",
            "opening_hours",
            "exceptions",
            "patron_day",
        ],
        slug=TEXT,
        name=TEXT,
        url=nullable(URI),
        association=obj(["slug", "name"], slug=TEXT, name=TEXT),
        kind={"type": "string", "enum": ["centre", "desk", "helpline", "shelter"]},
        address=nullable(STRING),
        address_visibility={"type": "string", "enum": ["public", "on_request", "hidden"]},
        comune=STRING,
        istat_code=STRING,
        latitude=nullable(NUMBER),
        longitude=nullable(NUMBER),
        distance_km=nullable({"type": "number", "minimum": 0}),
        open_now=BOOLEAN,
        next_change=nullable({"type": "string", "format": "date-time"}),
        status_message=TEXT,
        phones=array(STRING),
        position_exact=BOOLEAN,
        languages=array(STRING),
        service_codes=array({"type": "string", "enum": list(SERVICE_NAMES)}),
        services=array(STRING),
        opening_hours=array(
            obj(
                ["days", "opens", "closes", "valid_from", "valid_to", "mode"],
                days=array({"type": "string", "enum": ["mo", "tu", "we", "th", "fr", "sa", "su"]}),
                opens=time,
                closes=time,
                valid_from=day,
                valid_to=day,
                mode={"type": "string", "enum": ["in_person", "phone", "appointment"]},
            )
        ),
        exceptions=array(
            obj(
                ["date_from", "date_to", "closed", "opens", "closes", "reason"],
                date_from=DATE,
                date_to=DATE,
                closed=BOOLEAN,
                opens=time,
                closes=time,
                reason=STRING,
            )
        ),
        patron_day=nullable({"type": "string", "pattern": r"^\d\d-\d\d$"}),
    )
    comune = {
        "comune": TEXT,
        "istat_code": {"type": "string", "pattern": r"^\d{6}$"},
        "province": STRING,
    }
    return {
        "Error": obj(["error"], error=TEXT),
        "WorkshopError": obj(
            ["error", "reasons"], error=TEXT, reasons={"type": "object", "minProperties": 1}
        ),
        "HelpPoint": help_point,
        "HelpPoints": obj(
            ["query", "candidates", "results", "opening_next", "page", "next"],
            query=obj(
                ["near", "resolved", "at"],
                near=nullable(STRING),
                resolved=nullable(
                    obj(
                        [*comune, "latitude", "longitude"],
                        **comune,
                        latitude=NUMBER,
                        longitude=NUMBER,
                    )
                ),
                at={"type": "string", "format": "date-time"},
            ),
            candidates=array(obj([*comune, "label"], **comune, label=TEXT)),
            results=array(ref("HelpPoint")),
            opening_next=array(ref("HelpPoint")),
            page=INTEGER,
            next=nullable(URI),
        ),
        "UnknownPlace": obj(["error", "query"], error=TEXT, query={"type": "object"}),
        "Places": places_schema(),
        "Workshops": obj(
            ["results", "page", "next"],
            results=array(
                obj(
                    ["workshop", "association", "start", "end", "status", "languages", "url"],
                    workshop=obj(["slug", "title"], slug=TEXT, title=TEXT),
                    association=obj(["slug", "name"], slug=nullable(STRING), name=nullable(STRING)),
                    help_point=nullable(STRING),
                    start={"type": "string", "format": "date-time"},
                    end={"type": "string", "format": "date-time"},
                    status=STRING,
                    languages=array(STRING),
                    url=nullable(URI),
                    ics_url=URI,
                )
            ),
            page=INTEGER,
            next=nullable(URI),
        ),
    }


def _get(summary, parameters, responses, description=""):
    operation = {"summary": summary, "parameters": parameters, "responses": responses}
    if description:
        operation["description"] = description
    return {"get": operation}


def _param(name):
    return {"$ref": f"#/components/parameters/{name}"}


def _bad(schema="Error"):
    return json_content(ref(schema), "A parameter cannot be used: the reason.")


def _not_found():
    return json_content(ref("Error"), "No record has this id.")


def paths():
    lang, page = _param("lang"), _param("page")
    hsds_list = [_param(name) for name in ("search", "page", "per_page", "full", "lang")]
    help_point_filters = [
        _param(name)
        for name in ("organization_id", "taxonomy_term_id", "taxonomy_id", "modified_after")
    ]
    place = [_param("postcode"), _param("proximity")]
    record_id = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": STRING,
        "description": "The record's id (a UUID).",
    }
    limit = {
        "help-points": query(
            "limit", {"type": "integer", "minimum": 1, "maximum": 100}, "Results a page."
        ),
        "workshops": query(
            "limit", {"type": "integer", "minimum": 1, "maximum": 500}, "Sessions a page."
        ),
    }
    return {
        "/api/help-points/": _get(
            "Help points, nearest first when a place is given, with their opening status.",
            [
                query("near", {"type": "string", "maxLength": 100}, "A comune or a CAP."),
                query("lat", {"type": "number", "minimum": -90, "maximum": 90}, "Latitude."),
                query("lng", {"type": "number", "minimum": -180, "maximum": 180}, "Longitude."),
                query("open_now", {"type": "string", "enum": ["0", "1"]}, "Only open ones."),
                query("at", {"type": "string", "format": "date-time"}, "The instant."),
                codes("language", list(LANGUAGE_NAMES), "Speaks any of these languages."),
                codes("service", list(SERVICE_NAMES), "Offers all of these services."),
                limit["help-points"],
                page,
                lang,
            ],
            {
                "200": json_content(ref("HelpPoints"), "One page of help points."),
                "400": json_content(
                    {"anyOf": [ref("Error"), ref("UnknownPlace")]},
                    "A parameter cannot be used, or no comune matches the place.",
                ),
            },
            "Without `limit`, 10 a page near a place and 100 otherwise.",
        ),
        "/api/workshops/": _get(
            "Upcoming workshop sessions.",
            [
                query("from", STRING, "ISO 8601 date or date-time; default now."),
                query("to", STRING, "ISO 8601 date or date-time; default 8 weeks later."),
                query("kind", STRING, "A workshop kind."),
                query("language", STRING, "A language code."),
                query("association", STRING, "An association's slug."),
                query("comune", {"type": "string", "maxLength": 120}, "A comune."),
                limit["workshops"],
                page,
                lang,
            ],
            {
                "200": json_content(ref("Workshops"), "One page of sessions, 100 by default."),
                "400": _bad("WorkshopError"),
            },
        ),
        "/api/places/": {
            "post": {
                "summary": "The comuni a place she is typing may mean, eight at most.",
                "description": (
                    "For the finder's suggestions as she types. A POST, so that the text is "
                    "in no URL or log: those the text names first (a name, a short form, a "
                    "CAP), then those whose name starts with it, larger first, then the "
                    "nearest names to a typo. Never cached; sets no cookie."
                ),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": obj(
                                ["q"],
                                q={"type": "string", "minLength": 1, "maxLength": 100},
                                lang={"type": "string", "enum": languages()},
                            )
                        }
                    },
                },
                "responses": {
                    "200": json_content(ref("Places"), "The places, best first."),
                    "400": _bad(),
                },
            }
        },
        "/api/help-points/hsds/": _get(
            "The full HSDS export: every service, fully nested, on one page.",
            [lang],
            {"200": json_content(ref("Export"), "Every service."), "400": _bad()},
        ),
        "/api/hsds/": _get(
            "The HSDS version of this API and its OpenAPI description.",
            [lang],
            {"200": json_content(ref("HsdsRoot"), "About this API."), "400": _bad()},
        ),
        "/api/hsds/services": _get(
            "Help points as HSDS services, paged.",
            [*hsds_list, *help_point_filters, *place],
            {"200": json_content(ref("ServicePage"), "One page."), "400": _bad()},
        ),
        "/api/hsds/services/{id}": _get(
            "One service, fully nested.",
            [record_id, lang],
            {
                "200": json_content(ref("Service"), "The service."),
                "400": _bad(),
                "404": _not_found(),
            },
        ),
        "/api/hsds/service_at_locations": _get(
            "Each help point's service at its location, paged.",
            [*hsds_list, *help_point_filters, *place],
            {"200": json_content(ref("ServiceAtLocationPage"), "One page."), "400": _bad()},
        ),
        "/api/hsds/service_at_locations/{id}": _get(
            "One service at location, with its location, schedules and service.",
            [record_id, lang],
            {
                "200": json_content(ref("ServiceAtLocation"), "The service at location."),
                "400": _bad(),
                "404": _not_found(),
            },
        ),
        "/api/hsds/organizations": _get(
            "The associations as HSDS organizations, paged.",
            hsds_list,
            {"200": json_content(ref("OrganizationPage"), "One page."), "400": _bad()},
        ),
        "/api/hsds/organizations/{id}": _get(
            "One organization with its phones, services and locations.",
            [record_id, lang],
            {
                "200": json_content(ref("Organization"), "The organization."),
                "400": _bad(),
                "404": _not_found(),
            },
        ),
    }


def document(request):
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Help points, associations and workshops",
            "version": "1.0.0",
            "description": DESCRIPTION,
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": paths(),
        "components": {
            "parameters": parameters(),
            "schemas": {**own_schemas(), **hsds_schemas()},
        },
    }
