"""Workshop pages, the workshops listing, the calendars and the JSON API."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.models import WorkshopDateChange, WorkshopPage
from services.workshops.listing import upcoming

ROME = ZoneInfo("Europe/Rome")
Kind = WorkshopDateChange.Kind


@pytest.fixture
def frozen_now(monkeypatch):
    """It is Monday 16 March 2026, 09:00 in Italy."""
    now = dt.datetime(2026, 3, 16, 9, 0, tzinfo=ROME)
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now


@pytest.fixture
def mindfulness(make_workshop):
    """Thursdays 18:00 from 19 March 2026: 2 April skipped, 9 April moved, 16 April cancelled."""
    return make_workshop(
        title="Mindfulness",
        slug="mindfulness",
        repeat_until=dt.date(2026, 6, 25),
        changes=[
            (Kind.SKIPPED, dt.date(2026, 4, 2), {}),
            (
                Kind.MOVED,
                dt.date(2026, 4, 9),
                {"new_date": dt.date(2026, 4, 10), "new_start_time": dt.time(10), "reason": "room"},
            ),
            (Kind.CANCELLED, dt.date(2026, 4, 16), {"reason": "holiday"}),
            (Kind.EXTRA, dt.date(2026, 4, 18), {}),
        ],
    )


def text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def listed_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {link.get_text() for link in soup.select(".session__title")}


def test_the_workshop_page_lists_next_sessions_with_moved_and_cancelled_ones(
    client, mindfulness, frozen_now
):
    response = client.get(mindfulness.url)
    soup = BeautifulSoup(response.content, "html.parser")
    sessions = [" ".join(li.get_text().split()).lower() for li in soup.select("ul.sessions li")]
    assert sessions[0].startswith("giovedì 19 marzo, 18:00–19:30")
    assert not any("2 aprile" in line for line in sessions)
    moved = next(line for line in sessions if "venerdì 10 aprile, 10:00" in line)
    assert "giovedì 9 aprile" in moved
    cancelled = soup.select_one("li.session--cancelled")
    assert "16 aprile" in cancelled.get_text().lower()
    when = " ".join(soup.select("dl.facts dd")[2].get_text(" ").split()).lower()
    assert when == "ogni settimana, giovedì, 18:00–19:30 dal 19 marzo 2026 al 25 giugno 2026"


def test_the_workshop_page_describes_the_series_in_json_ld(client, mindfulness, frozen_now):
    soup = BeautifulSoup(client.get(mindfulness.url).content, "html.parser")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "EventSeries"
    assert data["organizer"]["name"] == "Alfa"
    assert data["eventSchedule"]["repeatFrequency"] == "P1W"
    assert data["eventSchedule"]["byDay"] == ["https://schema.org/Thursday"]
    assert data["eventSchedule"]["scheduleTimezone"] == "Europe/Rome"
    assert data["eventSchedule"]["exceptDate"] == ["2026-04-02"]
    events = data["subEvent"]
    assert events[0]["startDate"] == "2026-03-19T18:00:00+01:00"
    statuses = {event["startDate"][:10]: event["eventStatus"] for event in events}
    assert statuses["2026-04-10"].endswith("EventRescheduled")
    assert statuses["2026-04-16"].endswith("EventCancelled")


def test_the_listing_shows_upcoming_sessions_of_every_association(
    client, network, make_workshop, mindfulness, frozen_now
):
    make_workshop(
        association="b", title="Gruppo di sostegno", weekdays=[4], first_date=dt.date(2026, 3, 20)
    )
    response = client.get(network["workshops"].url)
    page_text = text(response)
    assert "Mindfulness" in page_text and "Gruppo di sostegno" in page_text
    assert "Alfa" in page_text and "Beta" in page_text
    days = [
        h.get_text()
        for h in BeautifulSoup(response.content, "html.parser").select(".session-day h3")
    ]
    assert days[0].lower() == "giovedì 19 marzo 2026"


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("kind=support-group", "Gruppo di sostegno", "Mindfulness"),
        ("association=alfa", "Mindfulness", "Gruppo di sostegno"),
        ("language=ar", "Gruppo di sostegno", "Mindfulness"),
        ("comune=imola", "Gruppo di sostegno", "Mindfulness"),
    ],
)
def test_the_listing_filters_work_without_javascript(
    client, network, make_workshop, mindfulness, frozen_now, query, shown, hidden
):
    make_workshop(
        association="b",
        title="Gruppo di sostegno",
        kind=WorkshopPage.Kind.SUPPORT_GROUP,
        languages=["it", "ar"],
        comune="Imola",
    )
    titles = listed_titles(client.get(f"{network['workshops'].url}?{query}"))
    assert shown in titles
    assert hidden not in titles


def test_a_filter_with_no_match_says_so(client, network, mindfulness, frozen_now):
    response = client.get(f"{network['workshops'].url}?kind=music-therapy")
    assert not listed_titles(response)
    notice = BeautifulSoup(response.content, "html.parser").select_one('p.notice[role="status"]')
    assert notice.select_one("a")["href"] == network["workshops"].url


def test_the_listing_query_count_does_not_grow_with_the_number_of_workshops(
    client, network, make_workshop, frozen_now
):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.count(b'"start"') + response.content.count(
            b'class="session"'
        )

    urls = [network["workshops"].url, "/api/workshops/", "/calendar/workshops.ics"]
    for _ in range(5):
        make_workshop(changes=[(Kind.CANCELLED, dt.date(2026, 3, 26), {})])
    for url in urls:
        queries(url)  # the first request also caches the site and its settings
    few = [queries(url) for url in urls]
    for _ in range(495):
        make_workshop(association="b", changes=[(Kind.SKIPPED, dt.date(2026, 3, 26), {})])
    many = [queries(url) for url in urls]
    assert [count for count, _ in many] == [count for count, _ in few]
    assert many[0][1] == 200 > few[0][1]  # the listing shows at most 200 and says so
    assert many[1][1] > few[1][1] * 50  # the API


def sessions_in_feed(ics, start, end):
    calendar = icalendar.Calendar.from_ical(ics)
    found = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        found.append((event["DTSTART"].dt, str(event.get("STATUS", "CONFIRMED"))))
    return sorted(found)


def test_the_workshop_feed_yields_the_sessions_the_site_lists(client, mindfulness, frozen_now):
    response = client.get(f"/calendar/workshops/{mindfulness.slug}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    start, end = frozen_now, frozen_now + dt.timedelta(weeks=16)
    listed = [
        (item.session.start, "CANCELLED" if item.session.is_cancelled else "CONFIRMED")
        for item in upcoming(mindfulness.locale, start, end)
    ]
    assert sessions_in_feed(response.content, start, end) == listed
    assert len(listed) == 15  # 15 Thursdays, one skipped, one extra Saturday


@pytest.mark.parametrize(
    "fields",
    [
        {"repeat_count": 6, "repeat_every": 2, "weekdays": [0, 3]},
        {"repeats": WorkshopPage.Repeats.ONCE, "weekdays": []},
        {"first_date": dt.date(2026, 10, 1), "repeat_until": dt.date(2026, 11, 5)},
        {
            "first_date": dt.date(2026, 3, 22),
            "start_time": dt.time(2, 30),
            "end_time": dt.time(3, 30),
            "weekdays": [6],
        },
    ],
)
def test_the_feed_agrees_with_the_site_on_other_schedules(client, make_workshop, fields):
    workshop = make_workshop(
        slug="variante",
        changes=[
            (Kind.EXTRA, dt.date(2026, 3, 21), {}),
            (Kind.CANCELLED, dt.date(2026, 3, 26), {}),
            (Kind.MOVED, dt.date(2026, 10, 22), {"new_start_time": dt.time(9)}),
        ],
        **fields,
    )
    start = dt.datetime(2026, 3, 1, tzinfo=ROME)
    end = start + dt.timedelta(days=360)
    feed = client.get(f"/calendar/workshops/{workshop.slug}.ics").content
    listed = [
        (item.session.start, "CANCELLED" if item.session.is_cancelled else "CONFIRMED")
        for item in upcoming(workshop.locale, start, end)
    ]
    assert listed
    assert sessions_in_feed(feed, start, end) == listed


def test_the_feed_is_rfc_5545_shaped(client, mindfulness):
    calendar = icalendar.Calendar.from_ical(client.get("/calendar/workshops.ics").content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]
    master, *overrides = calendar.walk("VEVENT")
    assert master["DTSTART"].params["TZID"] == "Europe/Rome"
    until = master["RRULE"]["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == dt.timedelta(0)
    assert master["EXDATE"].params["TZID"] == "Europe/Rome"
    assert master["EXDATE"].dts[0].dt == dt.datetime(2026, 4, 2, 18, tzinfo=ROME)
    assert {str(event["UID"]) for event in overrides} == {str(master["UID"])}
    moved, cancelled = overrides
    assert moved["RECURRENCE-ID"].dt == dt.datetime(2026, 4, 9, 18, tzinfo=ROME)
    assert moved["DTSTART"].dt == dt.datetime(2026, 4, 10, 10, tzinfo=ROME)
    assert cancelled["STATUS"] == "CANCELLED"
    assert "DTSTAMP" in master


def test_the_association_feed_holds_only_its_workshops(client, make_workshop, mindfulness):
    make_workshop(association="b", title="Altro laboratorio")
    feed = icalendar.Calendar.from_ical(client.get("/calendar/associations/beta.ics").content)
    assert {str(event["SUMMARY"]) for event in feed.walk("VEVENT")} == {"Altro laboratorio"}
    assert client.get("/calendar/associations/nessuna.ics").status_code == 404


def test_the_api_returns_upcoming_sessions(client, mindfulness, frozen_now):
    response = client.get("/api/workshops/", {"from": "2026-04-09", "to": "2026-04-16"})
    results = response.json()["results"]
    assert [(r["start"], r["status"]) for r in results] == [
        ("2026-04-10T10:00:00+02:00", "moved"),
        ("2026-04-16T18:00:00+02:00", "cancelled"),
    ]
    first = results[0]
    assert first["workshop"] == {"slug": "mindfulness", "title": "Mindfulness"}
    assert first["association"] == {"slug": "alfa", "name": "Alfa"}
    assert first["help_point"] is None
    assert first["end"] == "2026-04-10T11:30:00+02:00"
    assert first["languages"] == ["it", "en"]
    assert first["url"].endswith("/alfa/mindfulness/")
    assert first["ics_url"].endswith("/calendar/workshops/mindfulness.ics")


def test_the_api_filters_like_the_listing(client, make_workshop, mindfulness, frozen_now):
    make_workshop(association="b", title="Altro", kind=WorkshopPage.Kind.SUPPORT_GROUP)
    results = client.get("/api/workshops/", {"kind": "support-group"}).json()["results"]
    assert {r["workshop"]["title"] for r in results} == {"Altro"}


@pytest.mark.parametrize(
    "params",
    [
        {"from": "yesterday"},
        {"from": "2026-05-01", "to": "2026-04-01"},
        {"from": "2026-01-01", "to": "2028-01-01"},
        {"kind": "knitting"},
        {"lang": "xx"},
        {"from": "9999-12-31"},
        {"from": "9999-12-30T23:59:59+14:00"},
        {"to": "0001-01-01"},
        {"from": "2026-03-29T02:30"},
        {"comune": "\x00"},
    ],
)
def test_bad_api_parameters_get_a_400_with_a_reason(client, network, params):
    response = client.get("/api/workshops/", params)
    assert response.status_code == 400
    assert response.json()["reasons"]


PARAMS = st.dictionaries(
    st.sampled_from(["from", "to", "kind", "language", "association", "comune", "lang"]),
    st.one_of(
        st.text(max_size=40),
        st.dates().map(str),
        st.datetimes().map(lambda value: value.isoformat()),
        st.sampled_from(
            [
                "it",
                "ar",
                "alfa",
                "mindfulness",
                "2026-03-29T02:30",
                "-1",
                "9999-12-31",
                "0001-01-01",
            ]
        ),
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=PARAMS)
def test_fuzzed_api_parameters_never_cause_a_server_error(client, mindfulness, params):
    response = client.get("/api/workshops/", params)
    assert response.status_code in {200, 400}
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_time": dt.time(17, 0)}, "end_time"),
        ({"repeat_until": dt.date(2026, 6, 1), "repeat_count": 4}, "repeat_count"),
        ({"repeat_until": dt.date(2026, 3, 1)}, "repeat_until"),
        ({"venue_name": "", "street_address": ""}, "help_point"),
        ({"slug": "mindfulness"}, "slug"),
        ({"weekdays": [0, 1]}, "weekdays"),
        ({"repeat_every": 0}, "repeat_every"),
    ],
)
def test_an_editor_is_told_what_is_wrong_with_a_schedule(mindfulness, network, fields, field):
    workshop = WorkshopPage(
        title="Nuovo",
        slug="nuovo",
        kind=WorkshopPage.Kind.OTHER,
        summary="Prova.",
        venue_name="Casa",
        first_date=dt.date(2026, 3, 19),
        start_time=dt.time(18),
        end_time=dt.time(19),
        locale=network["b"].locale,
    )
    for name, value in fields.items():
        setattr(workshop, name, value)
    with pytest.raises(ValidationError) as error:
        workshop.clean()
    assert list(error.value.message_dict) == [field]
