"""The HSDS 3.0 API and export: every record keeps the specification's rules, hidden
addresses stay hidden, ids stay the same, the filters answer from the gazetteer, and
opening hours read from the schedules alone are right on both sides of each clock change.
"""

import datetime as dt
import itertools
import uuid

import pytest

from services import gazetteer
from services.help_points import hours
from services.hsds import ids
from services.models import OpeningRule

from .help_points_data import add_help_point
from .hsds_data import hsds_network
from .hsds_rules import assert_valid, assert_valid_page, offset_of

pytestmark = pytest.mark.django_db

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# A Sunday in the winter of 2026: the next twelve months hold the clock changes of
# 29 March 2026 (to +2) and 25 October 2026 (to +1).
TODAY = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(hours, "now", lambda: TODAY)
    return TODAY


@pytest.fixture
def network(db):
    return hsds_network()


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_every_record_of_the_export_and_each_endpoint_keeps_hsds_3(client, network, frozen):
    export = get(client, "/api/help-points/hsds/")
    assert export["version"] == "3.0"
    assert_valid_page(export, "service")
    assert export["total_items"] == 4
    for full in ("false", "true"):
        assert_valid_page(get(client, "/api/hsds/services", full=full), "service")
        assert_valid_page(get(client, "/api/hsds/organizations", full=full), "organization")
        assert_valid_page(
            get(client, "/api/hsds/service_at_locations", full=full), "service_at_location"
        )
    for service in export["contents"]:
        assert_valid("service", get(client, f"/api/hsds/services/{service['id']}"))
        for nested in service["service_at_locations"]:
            record = get(client, f"/api/hsds/service_at_locations/{nested['id']}")
            assert_valid("service_at_location", record)
    organization_id = export["contents"][0]["organization_id"]
    assert_valid("organization", get(client, f"/api/hsds/organizations/{organization_id}"))


def test_the_demo_sites_export_keeps_hsds_3_in_every_language(client, demo, frozen):
    for language in ("it", "en", "ar"):
        export = get(client, "/api/help-points/hsds/", lang=language)
        assert export["total_items"] > 0
        assert_valid_page(export, "service")
    organizations = get(client, "/api/hsds/organizations", full="true", per_page="100")
    assert_valid_page(organizations, "organization")
    for organization in organizations["contents"]:
        assert_valid("organization", get(client, f"/api/hsds/organizations/{organization['id']}"))


def test_records_say_what_a_help_point_offers_and_leave_out_what_we_do_not_have(
    client, network, frozen
):
    budrio_id = ids.service(network["budrio"])
    service = get(client, f"/api/hsds/services/{budrio_id}")
    assert service["name"] == "Sportello Budrio"
    assert service["description"].splitlines() == ["Ascolto", "Consulenza legale"]
    assert [(lang["code"], lang["name"]) for lang in service["languages"]] == [
        ("it", "Italiano"),
        ("ar", "العربية"),
    ]
    term = service["attributes"][0]["taxonomy_term"]
    assert (term["code"], term["name"]) == ("desk", "Sportello di prossimità")
    organization = service["organization"]
    assert "website" not in organization  # empty: left out, never null
    assert organization["email"] == "info@mondodonna.example"
    location = service["service_at_locations"][0]["location"]
    assert location["location_type"] == "physical"
    assert (location["latitude"], location["longitude"]) == (44.5642, 11.5425)
    assert location["addresses"][0] == {
        "id": location["addresses"][0]["id"],
        "location_id": location["id"],
        "address_1": "Via Garibaldi 10",
        "city": "Budrio",
        "state_province": "BO",
        "postal_code": "40054",
        "country": "IT",
        "address_type": "physical",
    }
    assert location["phones"][0]["number"] == "+39 051 000 0101"
    assert location["accessibility"][0]["description"] == "Ingresso senza gradini."
    line = get(client, f"/api/hsds/services/{ids.service(network['line'])}")
    virtual = line["service_at_locations"][0]["location"]
    assert virtual["location_type"] == "virtual"
    assert virtual["url"].endswith("/it/punti-di-aiuto/linea/")
    assert "latitude" not in virtual and virtual["addresses"] == []


@pytest.mark.parametrize("which", ["hidden", "on_request"])
def test_an_address_that_is_not_public_stays_hidden(client, network, frozen, which):
    point = network[which]
    centre = gazetteer.by_istat_code(point.istat_code)
    for path in ("/api/help-points/hsds/", "/api/hsds/service_at_locations?full=true"):
        body = client.get(path).content.decode()
        assert point.address not in body
        assert str(point.latitude) not in body
    sal = get(client, f"/api/hsds/service_at_locations/{ids.service_at_location(point)}")
    location = sal["location"]
    assert location["addresses"] == []
    assert "transportation" not in location
    assert (location["latitude"], location["longitude"]) == (centre.latitude, centre.longitude)


def test_ids_are_uuids_of_our_own_keys_and_stay_the_same(client, network, frozen, monkeypatch):
    first = client.get("/api/help-points/hsds/").json()
    budrio = network["budrio"]
    budrio.slug = "budrio-centro"
    budrio.save_revision().publish()
    monkeypatch.setattr(hours, "now", lambda: TODAY + dt.timedelta(days=20))
    again = client.get("/api/help-points/hsds/").json()

    def all_ids(data):
        found = set()

        def walk(value):
            if isinstance(value, dict):
                found.update(v for k, v in value.items() if k == "id")
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(data["contents"])
        return found

    assert all_ids(first) == all_ids(again)
    expected = uuid.uuid5(ids.NAMESPACE, f"service/{budrio.translation_key}")
    assert str(expected) in all_ids(first)


def _openings(schedules, day):
    """The UTC intervals the HSDS schedules alone give for openings starting on `day`,
    read as a consumer would: valid_from/valid_to, byday, and times with their offset."""
    found = set()
    for schedule in schedules:
        if schedule.get("freq") != "WEEKLY":
            continue
        first, last = (dt.date.fromisoformat(schedule[key]) for key in ("valid_from", "valid_to"))
        if not first <= day <= last or BYDAY[day.weekday()] not in schedule["byday"].split(","):
            continue
        opens, closes = schedule["opens_at"][:5], schedule["closes_at"][:5]
        closing_day = day + dt.timedelta(days=1) if closes <= opens else day
        found.add(
            (_instant(day, schedule["opens_at"]), _instant(closing_day, schedule["closes_at"]))
        )
    return found


def _closed(schedules, day):
    return any(
        "freq" not in schedule and schedule["valid_from"] <= day.isoformat() <= schedule["valid_to"]
        for schedule in schedules
    )


def _instant(day, text):
    zone = dt.timezone(dt.timedelta(hours=offset_of(text)))
    return dt.datetime.combine(day, dt.time.fromisoformat(text[:5]), tzinfo=zone).astimezone(dt.UTC)


def _noon(day):
    return dt.datetime.combine(day, dt.time(12), tzinfo=hours.ROME).utcoffset()


def _utc(day, hour):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=hours.ROME).astimezone(dt.UTC)


def test_mondays_nine_to_one_are_right_before_and_after_each_clock_change(client, network, frozen):
    sal = get(
        client, f"/api/hsds/service_at_locations/{ids.service_at_location(network['budrio'])}"
    )
    schedules = sal["schedules"]
    utc = dt.UTC
    expected = {
        # The last Monday of winter time and the first of summer time (29 March 2026)…
        dt.date(2026, 3, 23): (dt.datetime(2026, 3, 23, 8, tzinfo=utc), 12),
        dt.date(2026, 3, 30): (dt.datetime(2026, 3, 30, 7, tzinfo=utc), 11),
        # …and back to winter time on 25 October 2026.
        dt.date(2026, 10, 19): (dt.datetime(2026, 10, 19, 7, tzinfo=utc), 11),
        dt.date(2026, 10, 26): (dt.datetime(2026, 10, 26, 8, tzinfo=utc), 12),
    }
    for monday, (opens, closing_hour) in expected.items():
        closes = opens.replace(hour=closing_hour)
        assert _openings(schedules, monday) == {(opens, closes)}, monday
    offsets = {s["valid_from"]: s["timezone"] for s in schedules if s.get("byday") == "MO"}
    assert offsets["2026-03-30"] == 2 and offsets["2026-10-26"] == 1


@pytest.mark.parametrize("today", [dt.date(2026, 3, 1), dt.date(2026, 11, 15), dt.date(2027, 7, 4)])
def test_any_day_the_next_twelve_months_clock_changes_are_each_right(
    client, network, monkeypatch, today
):
    """Whatever the day of the export: a help point open Mondays 09:00–13:00 (holidays
    too), read from its schedules alone, on the Monday before and after each change."""
    budrio = network["budrio"]
    mondays = add_help_point(
        budrio.get_parent(),
        budrio.association,
        "lunedi",
        "Minerbio",
        44.616,
        11.5009,
        closed_on_holidays=False,
        opening_rules=[OpeningRule(monday=True, opens=dt.time(9), closes=dt.time(13))],
    )
    moment = dt.datetime.combine(today, dt.time(10), tzinfo=dt.UTC)
    monkeypatch.setattr(hours, "now", lambda: moment)
    sal = get(client, f"/api/hsds/service_at_locations/{ids.service_at_location(mondays)}")
    days = [today + dt.timedelta(days=n) for n in range(366)]
    changes = [day for before, day in itertools.pairwise(days) if _noon(day) != _noon(before)]
    assert len(changes) == 2
    for change in changes:
        before, after = change - dt.timedelta(days=6), change + dt.timedelta(days=1)
        for monday in (before, after):
            assert monday.weekday() == 0
            assert _openings(sal["schedules"], monday) == {(_utc(monday, 9), _utc(monday, 13))}
        assert _utc(before, 9).hour != _utc(after, 9).hour  # one hour apart in UTC


def test_the_schedules_alone_give_the_same_hours_as_the_site_for_a_year(client, network, frozen):
    """Every day of the next twelve months, including the two nights of the clock change
    (a Saturday opening until 02:00), Easter Monday, 25 April, the Christmas closure and
    the special hours of 4 May."""
    budrio = network["budrio"]
    sal = get(client, f"/api/hsds/service_at_locations/{ids.service_at_location(budrio)}")
    schedules = sal["schedules"]
    engine = budrio.opening_hours()
    today = TODAY.date()
    for offset in range(366):
        day = today + dt.timedelta(days=offset)
        expected = {(i.start, i.end) for i in engine.intervals_starting(day)}
        assert _openings(schedules, day) == expected, day
        if engine.closed_reason(day) is not None:
            assert _closed(schedules, day), day
    easter_monday = dt.date(2026, 4, 6)
    assert not _openings(schedules, easter_monday) and _closed(schedules, easter_monday)


def test_schedules_cover_whole_stretches_between_clock_changes(client, network, frozen):
    sal = get(
        client, f"/api/hsds/service_at_locations/{ids.service_at_location(network['budrio'])}"
    )
    days = [dt.date.fromisoformat(s[key]) for s in sal["schedules"] for key in ("valid_from",)]
    # From the change of 26 October 2025 to the day before that of 28 March 2027.
    assert min(days) >= dt.date(2025, 10, 26)
    assert max(dt.date.fromisoformat(s["valid_to"]) for s in sal["schedules"]) <= dt.date(
        2027, 3, 27
    )
    assert max(days) >= dt.date(2027, 1, 1)


def test_postcode_and_proximity_are_answered_by_the_gazetteer(client, network, frozen):
    def names(**params):
        data = get(client, "/api/hsds/services", **params)
        return [service["name"] for service in data["contents"]]

    assert names(postcode="40054") == ["Sportello Budrio"]
    assert names(postcode="Molinella") == ["Sportello Molinella"]
    near_budrio = names(postcode="40054", proximity="15000")
    assert near_budrio[0] == "Sportello Budrio"
    assert "Sportello Molinella" in near_budrio and "Sportello Bologna" not in near_budrio
    # The hidden help point counts from Molinella's centre, never from its own position.
    assert names(postcode="Molinella", proximity="100") == ["Sportello Molinella"]
    sals = get(client, "/api/hsds/service_at_locations", postcode="40054", proximity="15000")
    assert len(sals["contents"]) == len(near_budrio)


def test_filters_by_organization_kind_search_and_date(client, network, frozen):
    organization_id = ids.organization(network["budrio"].association)
    assert get(client, "/api/hsds/services", organization_id=organization_id)["total_items"] == 4
    assert get(client, "/api/hsds/services", organization_id=str(uuid.uuid4()))["empty"]
    line = get(client, "/api/hsds/services", taxonomy_term_id=ids.taxonomy_term("helpline"))
    assert [s["name"] for s in line["contents"]] == ["Sportello Bologna"]
    assert get(client, "/api/hsds/services", search="consulenza")["total_items"] == 1
    assert get(client, "/api/hsds/services", modified_after="2100-01-01")["empty"]
    organizations = get(client, "/api/hsds/organizations", search="mondo")
    assert [o["name"] for o in organizations["contents"]] == ["MondoDonna"]


def test_root_says_the_version_and_where_the_openapi_description_is(client, network):
    data = get(client, "/api/hsds/")
    assert data == {"version": "3.0", "openapi_url": "http://testserver/api/openapi.json"}
    assert get(client, "/api/hsds") == data


@pytest.mark.parametrize(
    "path",
    [
        "/api/hsds/services/not-a-uuid",
        f"/api/hsds/services/{uuid.uuid4()}",
        f"/api/hsds/organizations/{uuid.uuid4()}",
        f"/api/hsds/service_at_locations/{uuid.uuid4()}",
    ],
)
def test_an_unknown_id_is_a_404_with_a_reason(client, network, path):
    response = client.get(path, {"lang": "en"})
    assert response.status_code == 404
    assert response.json() == {"error": "No record has this id."}


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "abc"},
        {"page": "9" * 5000},
        {"per_page": "101"},
        {"full": "maybe"},
        {"proximity": "1000"},
        {"postcode": "40054", "proximity": "abc"},
        {"postcode": "40054", "proximity": "-5"},
        {"postcode": "40054", "proximity": "inf"},
        {"postcode": "Atlantide"},
        {"postcode": "Castro"},
        {"postcode": "x" * 500},
        {"search": "x" * 500},
        {"modified_after": "yesterday"},
        {"lang": "xx"},
    ],
)
def test_bad_parameters_get_a_400_with_a_reason(client, network, params):
    for path in ("/api/hsds/services", "/api/hsds/service_at_locations"):
        response = client.get(path, params)
        assert response.status_code == 400, (path, params)
        assert response.json()["error"]


ENGLISH = {
    "per_page": "per_page must be a whole number from 1 to 100.",
    "proximity": "proximity needs a postcode.",
    "modified_after": "modified_after must be a date and time like 2026-03-30T11:30:00Z.",
    "full": "full must be true or false.",
    "search": "search is too long.",
}
BAD = {
    "per_page": "0",
    "proximity": "5",
    "modified_after": "ieri",
    "full": "forse",
    "search": "x" * 101,
}


@pytest.mark.parametrize("language", ["it", "fr", "ar", "ro", "uk"])
def test_error_messages_come_in_the_language_asked_for(client, network, language):
    for name, value in BAD.items():
        english = client.get("/api/hsds/services", {name: value, "lang": "en"}).json()
        assert english["error"] == ENGLISH[name]
        message = client.get("/api/hsds/services", {name: value, "lang": language}).json()
        assert message["error"] != ENGLISH[name], (language, name)
    missing = client.get(f"/api/hsds/services/{uuid.uuid4()}", {"lang": language}).json()
    assert missing["error"] != "No record has this id."
