"""The HSDS 3.0 rules a record must keep, from the specification itself.

`tests/services/hsds_schema/` holds the official JSON schemas (see its README); each
record is validated against its own schema (nested records against theirs, through the
schemas' `$ref`s) with format checking, and against the rules JSON Schema cannot say or
the validator does not check: every id is a UUID, nothing is null, URLs are absolute,
dates are ISO dates, times carry the offset that `timezone` gives as a number.
"""

import datetime as dt
import json
import re
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).with_name("hsds_schema")
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OFFSET_TIME = re.compile(r"^(?P<time>\d\d:\d\d)(?P<sign>[+-])(?P<hours>\d\d):(?P<minutes>\d\d)$")
URL_FIELDS = {"url", "website", "uri", "openapi_url", "term_uri", "schedule_link"}
DATE_FIELDS = {"valid_from", "valid_to", "dtstart", "until"}


def _registry():
    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (BASE + path.name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


REGISTRY = _registry()
PAGE = json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))["components"][
    "schemas"
]["Page"]


def validator(name):
    return Draft202012Validator(
        {"$ref": BASE + f"{name}.json"}, registry=REGISTRY, format_checker=FormatChecker()
    )


VALIDATORS = {
    name: validator(name)
    for name in ("organization", "service", "location", "service_at_location", "schedule")
}


def offset_of(text):
    """The offset of "09:00+01:00", in hours."""
    match = OFFSET_TIME.match(text)
    assert match, f"{text!r} is not HH:MM with an offset"
    hours = int(match["hours"]) + int(match["minutes"]) / 60
    return hours if match["sign"] == "+" else -hours


def _walk(value, path="$"):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


def check_rules(record):
    """The rules beyond the JSON schemas, on a record and everything nested in it."""
    for path, node in _walk(record):
        for key, value in node.items():
            where = f"{path}.{key}"
            assert value is not None, f"{where} is null: HSDS wants it left out"
            if key == "id" or key.endswith("_id"):
                assert str(uuid.UUID(value)) == value, f"{where} is not a UUID"
            if key in URL_FIELDS:
                parts = urlsplit(value)
                assert parts.scheme in ("http", "https") and parts.netloc, f"{where}: {value}"
            if key in DATE_FIELDS:
                assert dt.date.fromisoformat(value).isoformat() == value, where
            if key == "last_modified":
                dt.datetime.fromisoformat(value)
        if "opens_at" in node or "closes_at" in node:
            assert {"opens_at", "closes_at", "timezone", "freq", "byday"} <= set(node), path
            assert node["timezone"] in (1, 2), f"{path}: Italy is +1 or +2"
            assert offset_of(node["opens_at"]) == node["timezone"], path
            assert offset_of(node["closes_at"]) in (1, 2), path


def assert_valid(kind, record):
    """`record` keeps HSDS 3.0's rules for a `kind` (organization, service…)."""
    errors = sorted(VALIDATORS[kind].iter_errors(record), key=lambda error: list(error.path))
    assert not errors, "\n".join(
        f"{kind} {list(error.path)}: {error.message}" for error in errors[:10]
    )
    check_rules(record)
    if kind == "service":
        for nested in record.get("service_at_locations", []):
            assert_valid("service_at_location", nested)
        if "organization" in record:
            assert_valid("organization", record["organization"])
    if kind == "service_at_location":
        if "service" in record:
            assert_valid("service", record["service"])
        assert_valid("location", record["location"])
        for schedule in record.get("schedules", []):
            assert_valid("schedule", schedule)
    if kind == "organization":
        for service in record.get("services", []):
            assert_valid("service", service)
        for location in record.get("locations", []):
            assert_valid("location", location)


def assert_valid_page(data, kind):
    """An HSDS `Page` of `kind` records, each valid."""
    errors = list(Draft202012Validator(PAGE).iter_errors(data))
    assert not errors, [error.message for error in errors]
    assert set(PAGE["properties"]) <= set(data), "every Page field is given"
    assert isinstance(data["contents"], list)
    assert data["size"] == len(data["contents"])
    assert data["empty"] == (not data["contents"])
    for record in data["contents"]:
        assert_valid(kind, record)
