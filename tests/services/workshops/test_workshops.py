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

from closher.page_cache import new_generation
from services.models import WorkshopDateChange, WorkshopPage
from services.workshops.grouping import cards
from services.workshops.listing import upcoming, window
from services.workshops.overview import MAX_CARDS

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
    return [title.get_text() for title in soup.select(".wcard__title")]


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
    assert when == "ogni giovedì, 18:00–19:30 dal 19 marzo 2026 al 25 giugno 2026"


def test_the_workshop_page_pages_its_dates_and_tells_its_changes(client, mindfulness, frozen_now):
    def dates(query=""):
        soup = BeautifulSoup(client.get(mindfulness.url + query).content, "html.parser")
        days = [time["datetime"][:10] for time in soup.select("ul.sessions time")]
        return soup, days

    soup, first = dates()
    assert len(first) == 10 and first[0] == "2026-03-19"
    changes = [li.get_text() for li in soup.select("ul.date-changes li")]
    assert changes[0] == "gio 2 apr: nessun incontro" and len(changes) == 4
    assert soup.select_one("ul.sessions")["aria-describedby"] == "calendar-note"
    assert "traccia sul telefono" in soup.select_one("#calendar-note").get_text()
    assert soup.select_one('nav.date-pages a[rel="next"]')["href"] == "?dates=2#next-sessions"
    _, second = dates("?dates=2")
    assert second == ["2026-05-28", "2026-06-04", "2026-06-11", "2026-06-18", "2026-06-25"]
    assert dates("?dates=abc")[1] == first
    assert dates("?dates=99999999999999999999")[1] == second


def test_one_date_can_be_added_to_a_calendar(client, mindfulness, frozen_now):
    soup = BeautifulSoup(client.get(mindfulness.url).content, "html.parser")
    rows = {
        li.select_one("time")["datetime"][:10]: li.select_one("a.session__ics")
        for li in soup.select("ul.sessions li")
    }
    assert rows["2026-04-16"] is None  # cancelled: nothing to add
    moved = rows["2026-04-10"]["href"]
    assert moved == "/calendar/workshops/mindfulness/2026-04-09.ics?lang=it"
    response = client.get(moved)
    assert response["Content-Type"].startswith("text/calendar")
    start, end = frozen_now, frozen_now + dt.timedelta(weeks=16)
    assert sessions_in_feed(response.content, start, end) == [
        (dt.datetime(2026, 4, 10, 10, tzinfo=ROME), "CONFIRMED")
    ]
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    series = icalendar.Calendar.from_ical(client.get(mindfulness.ics_path).content)
    assert str(event["UID"]) != str(series.walk("VEVENT")[0]["UID"])
    assert "RRULE" not in event
    for day in ("2026-04-16", "2026-04-02", "2026-03-12", "2026-02-30", "domani"):
        assert client.get(f"/calendar/workshops/mindfulness/{day}.ics").status_code == 404
    assert client.get("/calendar/workshops/nessuno/2026-03-19.ics").status_code == 404


def test_the_home_page_shows_the_next_workshops_not_the_next_sessions(
    client, network, make_workshop, mindfulness, frozen_now
):
    make_workshop(title="Il venerdì", weekdays=[4], first_date=dt.date(2026, 3, 20))
    soup = BeautifulSoup(client.get(network["home"].url).content, "html.parser")
    items = [" ".join(li.get_text().split()) for li in soup.select(".upcoming-workshops li")]
    assert items == [
        "Mindfulness Ogni giovedì, 18:00–19:30 · Bologna Prossimo incontro: gio 19 mar, 18:00",
        "Il venerdì Ogni venerdì, 18:00–19:30 · Bologna Prossimo incontro: ven 20 mar, 18:00",
    ]


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


def test_the_listing_shows_one_card_per_workshop_with_its_rhythm_and_changes(
    client, network, make_workshop, mindfulness, frozen_now
):
    make_workshop(
        association="b", title="Gruppo di sostegno", weekdays=[4], first_date=dt.date(2026, 3, 20)
    )
    response = client.get(network["workshops"].url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert listed_titles(response) == ["Mindfulness", "Gruppo di sostegno"]
    first, second = soup.select(".wcard")
    assert (
        first.select_one(".wcard__when").get_text().strip() == "Ogni giovedì, 18:00–19:30 · Bologna"
    )
    assert second.select_one(".wcard__when").get_text().startswith("Ogni venerdì, 18:00–19:30")
    dates = [" ".join(li.get_text().split()) for li in first.select(".wcard__dates li")]
    assert dates == [
        "gio 19 mar, 18:00–19:30",
        "gio 26 mar, 18:00–19:30",
        "ven 10 apr, 10:00–11:30 Spostato invece che giovedì 9 Aprile alle 18:00 "
        "(La sala non è disponibile)",
    ]
    changes = [li.get_text() for li in first.select(".wcard__changes li")]
    assert changes == [
        "gio 2 apr: nessun incontro",
        "gio 9 apr: incontro spostato a ven 10 apr, 10:00–11:30 (La sala non è disponibile)",
        "gio 16 apr: incontro annullato (Giorno festivo)",
        "sab 18 apr, 18:00–19:30: incontro in più",
    ]
    assert first.select_one(".wcard__changed") and not second.select_one(".wcard__changed")
    body = " ".join(first.get_text().split())
    assert "Alfa" in body and "Italiano, Inglese" in body and "Gratuito" in body
    assert first.select_one('a[type="text/calendar"]')["href"] == (
        "/calendar/workshops/mindfulness.ics?lang=it"
    )
    count = soup.select_one("#results-count").get_text()
    assert " ".join(count.split()) == "2 laboratori e gruppi"
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


def test_this_week_comes_first_with_the_sessions_of_the_next_seven_days(
    client, network, make_workshop, mindfulness, frozen_now
):
    make_workshop(title="Lunedì prossimo", weekdays=[0], first_date=dt.date(2026, 3, 23))
    soup = BeautifulSoup(client.get(network["workshops"].url).content, "html.parser")
    week = [" ".join(li.get_text().split()) for li in soup.select(".this-week li")]
    assert week == ["gio 19 18:00 Mindfulness"]  # Monday 23 is the eighth day
    headings = [h2["id"] for h2 in soup.select("#workshop-results h2")]
    assert headings == ["this-week-title", "workshops-title"]


@pytest.mark.parametrize(
    ("query", "shown", "hidden", "said"),
    [
        ("kind=support-group", "Gruppo di sostegno", "Mindfulness", "Tipo: Gruppo di sostegno"),
        ("association=alfa", "Mindfulness", "Gruppo di sostegno", "Associazione: Alfa"),
        ("language=ar", "Gruppo di sostegno", "Mindfulness", "Lingua: Arabo"),
        ("day=0", "Gruppo di sostegno", "Mindfulness", "Giorno: lunedì"),
    ],
)
def test_the_listing_filters_work_without_javascript_and_say_what_was_filtered(
    client, network, make_workshop, mindfulness, frozen_now, query, shown, hidden, said
):
    make_workshop(
        association="b",
        title="Gruppo di sostegno",
        kind=WorkshopPage.Kind.SUPPORT_GROUP,
        languages=["it", "ar"],
        weekdays=[0],
        first_date=dt.date(2026, 3, 23),
    )
    response = client.get(f"{network['workshops'].url}?{query}")
    assert listed_titles(response) == [shown]
    results = BeautifulSoup(response.content, "html.parser").select_one("#workshop-results")
    assert hidden not in results.get_text()
    count = " ".join(
        BeautifulSoup(response.content, "html.parser")
        .select_one("#results-count")
        .get_text()
        .split()
    )
    assert count == f"1 laboratorio o gruppo · {said} · Mostra tutto"


@pytest.fixture
def in_three_places(make_workshop, mindfulness):
    """Mindfulness in Bologna, and two more workshops in Imola and in Casalmaggiore."""
    make_workshop(title="A Imola", comune="Imola")
    make_workshop(title="A Casalmaggiore", comune="Casalmaggiore")


@pytest.mark.parametrize("typed", ["imola", "IMOLA", "40026", "Imola (BO)"])
def test_a_comune_puts_the_nearest_workshops_first(
    client, network, in_three_places, frozen_now, typed
):
    response = client.get(network["workshops"].url, {"comune": typed})
    assert listed_titles(response) == ["A Imola", "Mindfulness", "A Casalmaggiore"]
    soup = BeautifulSoup(response.content, "html.parser")
    whens = [" ".join(when.get_text().split()) for when in soup.select(".wcard__when")]
    assert whens[:2] == [
        "Ogni giovedì, 18:00–19:30 · Imola · circa 0 km",
        "Ogni giovedì, 18:00–19:30 · Bologna · circa 30 km",
    ]
    assert "prima i più vicini a Imola (BO)" in soup.select_one("#results-count").get_text()


def test_a_comune_several_share_offers_a_choice_and_keeps_what_she_typed(
    client, network, in_three_places, frozen_now
):
    response = client.get(network["workshops"].url, {"comune": "Castro", "kind": "mindfulness"})
    soup = BeautifulSoup(response.content, "html.parser")
    choices = [button["value"] for button in soup.select('.candidates button[name="comune"]')]
    assert choices == ["Castro (BG)", "Castro (LE)"]
    assert {button["form"] for button in soup.select(".candidates button")} == {"workshop-filters"}
    assert soup.select_one("#id_comune")["value"] == "Castro"
    assert len(listed_titles(response)) == 3  # the kind still filters; nothing is hidden
    # Without JavaScript her choice is sent after what she typed, and the last one counts.
    chosen = client.get(f"{network['workshops'].url}?comune=Castro&comune=Castro+%28LE%29")
    count = BeautifulSoup(chosen.content, "html.parser").select_one("#results-count")
    assert "prima i più vicini a Castro (LE)" in count.get_text()


def test_an_unknown_comune_is_a_message_not_an_error(client, network, in_three_places, frozen_now):
    response = client.get(network["workshops"].url, {"comune": "Atlantide", "day": "x"})
    assert response.status_code == 200
    alert = BeautifulSoup(response.content, "html.parser").select_one('[role="alert"]')
    assert "Non abbiamo trovato questo comune" in alert.get_text()
    assert len(listed_titles(response)) == 3


def test_with_javascript_the_comune_travels_in_a_post_body(
    client, network, in_three_places, frozen_now
):
    page = network["workshops"]
    response = client.post("/workshops/results/", {"page": page.pk, "comune": "Imola"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert response.cookies == {}
    assert listed_titles(response) == ["A Imola", "Mindfulness", "A Casalmaggiore"]
    assert b"<html" not in response.content  # a fragment for #workshop-results
    form = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("form")
    assert form["method"] == "get" and form["data-results-url"] == "/workshops/results/"
    assert form["data-page"] == str(page.pk)


@pytest.mark.parametrize("page_id", ["", "abc", "-1", "99999999999999999999", "999999"])
def test_the_results_of_an_unknown_page_are_a_400(client, network, page_id):
    assert client.post("/workshops/results/", {"page": page_id}).status_code == 400


def test_the_results_are_only_posted(client, network):
    assert client.get("/workshops/results/", {"page": network["workshops"].pk}).status_code == 405


def test_the_grouped_listing_the_api_and_the_feed_give_the_same_sessions(
    client, network, make_workshop, mindfulness, frozen_now
):
    make_workshop(
        association="b",
        title="Due volte",
        weekdays=[0, 3],
        repeat_every=2,
        first_date=dt.date(2026, 3, 19),
        changes=[(Kind.MOVED, dt.date(2026, 3, 23), {"new_start_time": dt.time(9)})],
    )
    start, end = window()
    found = cards(upcoming(network["home"].locale, start, end), start, end)
    grouped = sorted((session.start, session.status) for card in found for session in card.sessions)
    api = client.get("/api/workshops/").json()["results"]
    assert grouped == sorted((dt.datetime.fromisoformat(r["start"]), r["status"]) for r in api)
    feed = sessions_in_feed(client.get("/calendar/workshops.ics").content, start, end)
    assert [(start, status != "cancelled") for start, status in grouped] == [
        (start, status == "CONFIRMED") for start, status in feed
    ]
    assert [card.workshop.title for card in found] == ["Due volte", "Mindfulness"]


def test_the_listing_query_count_does_not_grow_with_the_number_of_workshops(
    client, network, make_workshop, frozen_now
):
    def queries(url):
        new_generation()  # nothing derived from the tree is remembered: all computed anew
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.count(b'"start"') + response.content.count(
            b'class="wcard"'
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
    assert many[0][1] == MAX_CARDS > few[0][1]  # the listing shows at most 100 and says so
    assert many[1][1] == 100 > few[1][1]  # the API: a full page, `next` for the rest


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
