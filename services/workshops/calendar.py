"""Workshops as calendars: iCalendar feeds (RFC 5545, built with `icalendar`) and
schema.org JSON-LD (an EventSeries with its eventSchedule and an Event per session).

One VEVENT per workshop carries the rule (RRULE with a UTC UNTIL, EXDATE and RDATE
with the same TZID as DTSTART); each moved or cancelled session is an override
VEVENT with the same UID and a RECURRENCE-ID. The UID is the page's translation key,
so it is stable across edits and languages.
"""

from datetime import UTC, date, timedelta

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vRecur

from services.schema_org import SCHEMA_DAYS, script_json

from . import recurrence as sched

PRODID = "-//Clos(H)er//Workshops//IT"
EVENT_STATUS = {
    sched.SCHEDULED: "https://schema.org/EventScheduled",
    sched.MOVED: "https://schema.org/EventRescheduled",
    sched.CANCELLED: "https://schema.org/EventCancelled",
}


def uid(workshop):
    return f"workshop-{workshop.translation_key}@closher"


def location_text(workshop):
    parts = [workshop.place_name, workshop.address, workshop.comune_name]
    return ", ".join(part for part in parts if part)


def _base_event(workshop, url, stamp):
    event = Event()
    event.add("uid", uid(workshop))
    event.add("dtstamp", stamp)
    event.add("summary", workshop.title)
    event.add("description", workshop.summary)
    if location := location_text(workshop):
        event.add("location", location)
    event.add("url", url)
    return event


def workshop_events(workshop, url):
    """The master VEVENT of a workshop and its overrides, in iCalendar terms."""
    schedule = workshop.recurrence()
    stamp = (workshop.last_published_at or timezone.now()).astimezone(UTC)
    master = _base_event(workshop, url, stamp)
    master.add("dtstart", schedule.localise(schedule.start))
    master.add("dtend", schedule.localise(schedule.end))
    if schedule.interval is not None:
        rule = {"FREQ": "WEEKLY", "INTERVAL": schedule.interval}
        rule["BYDAY"] = [sched.ICAL_WEEKDAYS[day] for day in schedule.byweekday]
        if schedule.count:
            rule["COUNT"] = schedule.count
        elif schedule.until_local:
            rule["UNTIL"] = schedule.localise(schedule.until_local).astimezone(UTC)
        master.add("rrule", vRecur(rule))
    if schedule.skipped:
        master.add("exdate", [schedule.localise(schedule.at(day)) for day in schedule.skipped])
    if schedule.extra:
        master.add("rdate", [schedule.localise(schedule.at(day)) for day in schedule.extra])
    events = [master]
    planned = schedule.ruleset()
    for day, change in sorted(schedule.changes.items()):
        original = schedule.at(day)
        if original not in planned:
            continue
        override = _base_event(workshop, url, stamp)
        override.add("recurrence-id", schedule.localise(original))
        override.add("sequence", 1)
        if change.status == sched.CANCELLED:
            override.add("dtstart", schedule.localise(original))
            override.add("dtend", schedule.localise(original + schedule.duration))
            override.add("status", "CANCELLED")
        else:
            override.add("dtstart", schedule.localise(change.start))
            override.add("dtend", schedule.localise(change.end))
            override.add("status", "CONFIRMED")
        if change.reason:
            override.add("comment", str(change.reason))
        events.append(override)
    return events


def calendar(workshops, name, request):
    """An iCalendar feed (bytes) of `workshops`, each linked to its page."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    first = date.today()
    for workshop in workshops:
        first = min(first, workshop.first_date)
        for event in workshop_events(workshop, workshop.get_full_url(request)):
            cal.add_component(event)
    # VTIMEZONE transitions from the first session on (icalendar's default is from 1970).
    cal.add_missing_timezones(first_date=first.replace(month=1, day=1))
    return cal.to_ical()


def session_calendar(workshop, session, request):
    """An iCalendar file (bytes) with one session of `workshop`, as a plain event of its
    own (no rule, a UID of its own): "add this date" and "add the series" stay apart."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"workshop-{workshop.translation_key}-{session.original_start:%Y%m%d}@closher")
    event.add("dtstamp", (workshop.last_published_at or timezone.now()).astimezone(UTC))
    event.add("summary", workshop.title)
    event.add("description", workshop.summary)
    if location := location_text(workshop):
        event.add("location", location)
    event.add("url", workshop.get_full_url(request))
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    event.add("status", "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones(first_date=session.start.date().replace(month=1, day=1))
    return cal.to_ical()


def _place(workshop):
    address = {"@type": "PostalAddress", "addressCountry": "IT"}
    if workshop.address:
        address["streetAddress"] = workshop.address
    if workshop.comune_name:
        address["addressLocality"] = workshop.comune_name
    return {
        "@type": "Place",
        "name": workshop.place_name or workshop.comune_name,
        "address": address,
    }


def json_ld(workshop, sessions, request, association):
    """schema.org EventSeries of the workshop, its Schedule and its upcoming Events, as
    the text of a `<script type="application/ld+json">` (escaped like `json_script`)."""
    schedule = workshop.recurrence()
    url = workshop.get_full_url(request)
    place = _place(workshop)
    plan = {
        "@type": "Schedule",
        "startDate": schedule.start.date().isoformat(),
        "startTime": schedule.start.time().isoformat("minutes"),
        "endTime": schedule.end.time().isoformat("minutes"),
        "scheduleTimezone": schedule.timezone,
    }
    if schedule.interval is not None:
        plan["repeatFrequency"] = f"P{schedule.interval}W"
        plan["byDay"] = [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in schedule.byweekday]
        if schedule.until:
            plan["endDate"] = schedule.until.isoformat()
        if schedule.count:
            plan["repeatCount"] = schedule.count
        if schedule.skipped:
            plan["exceptDate"] = [day.isoformat() for day in schedule.skipped]
    events = []
    for session in sessions:
        event = {
            "@type": "Event",
            "name": workshop.title,
            "startDate": session.start.isoformat(),
            "endDate": session.end.isoformat(),
            "eventStatus": EVENT_STATUS[session.status],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
            "url": url,
        }
        if session.is_moved:
            event["previousStartDate"] = session.original_start.isoformat()
        events.append(event)
    data = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "name": workshop.title,
        "description": strip_tags(workshop.summary),
        "url": url,
        "location": place,
        "inLanguage": list(workshop.languages),
        "isAccessibleForFree": workshop.is_free,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventSchedule": plan,
        "subEvent": events,
    }
    if association is not None:
        data["organizer"] = {
            "@type": "NGO",
            "name": association.title,
            "url": association.get_full_url(request),
        }
    if workshop.capacity:
        data["maximumAttendeeCapacity"] = workshop.capacity
    return script_json(data)
