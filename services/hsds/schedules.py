"""Opening hours as HSDS 3.0 schedules that stay right across the clock change.

An HSDS schedule carries one numeric UTC offset (`timezone`) and times with an offset
(`opens_at` "09:00+01:00"), while Italy moves between +1 and +2 twice a year. So each
weekly rule is published as several schedules, one per stretch of weeks in which it
opens at the same offset, split at the clock changes; `valid_from` and `valid_to` are the
first and last day of the stretch on which the rule applies. A stretch also ends where the
rule does not apply: a national holiday, the patron day or a closure leaves a gap, and that
day is published as a closure (a schedule with dates and a description but no hours).
Special hours become dated schedules of their own.

What is covered: from the last clock change up to today to the first clock change more
than twelve months ahead. Both ends are clock changes, so an export made tomorrow has the
same schedules, dates and ids as today's until the next change.

The Europe/Rome wall clock decides, as in services.help_points.hours: an opening
belongs to the day it starts on, a closing time earlier than the opening time is on the
next day (and may have another offset, on the night of a change), and a time the change
skips counts as just after the change.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from django.utils.translation import gettext as _

from services.help_points import hours

from . import ids

HORIZON = dt.timedelta(days=365)
# Clock changes are looked for this far before today and after the horizon.
SEARCH_DAYS = 400
DAY = dt.timedelta(days=1)
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
NOON = dt.time(12)


@lru_cache(maxsize=4096)
def _utc_offset(day: dt.date, time: dt.time) -> dt.timedelta:
    return dt.datetime.combine(day, time, tzinfo=hours.ROME).utcoffset()


def clock_changes(first: dt.date, last: dt.date) -> list:
    """The days in [first, last] on which Europe/Rome changes its UTC offset."""
    changes = []
    day = first
    before = _utc_offset(day - DAY, NOON)
    while day <= last:
        offset = _utc_offset(day, NOON)
        if offset != before:
            changes.append(day)
        before = offset
        day += DAY
    return changes


@lru_cache(maxsize=8)
def covered(today: dt.date) -> tuple:
    """(first, last) day published: from the last clock change up to `today` to the day
    before the first change more than twelve months ahead."""
    earlier = clock_changes(today - dt.timedelta(days=SEARCH_DAYS), today)
    later = clock_changes(today + HORIZON + DAY, today + HORIZON + dt.timedelta(days=SEARCH_DAYS))
    first = earlier[-1] if earlier else today
    last = later[0] - DAY if later else today + HORIZON
    return first, last


def offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def offset_hours(offset: dt.timedelta):
    """The offset as HSDS's number of hours: 1 or 2 in Italy (a fraction elsewhere)."""
    value = offset.total_seconds() / 3600
    return int(value) if value.is_integer() else value


@dataclass(frozen=True)
class Times:
    """An opening on one day, with the offsets its two ends fall in."""

    opens: dt.time
    closes: dt.time
    opens_offset: dt.timedelta
    closes_offset: dt.timedelta

    @classmethod
    def on(cls, day: dt.date, opens: dt.time, closes: dt.time):
        closing_day = day + DAY if closes <= opens else day
        return cls(opens, closes, _utc_offset(day, opens), _utc_offset(closing_day, closes))

    def fields(self) -> dict:
        data = {
            "opens_at": self.opens.strftime("%H:%M") + offset_text(self.opens_offset),
            "closes_at": self.closes.strftime("%H:%M") + offset_text(self.closes_offset),
            "timezone": offset_hours(self.opens_offset),
        }
        if self.closes <= self.opens:
            data["notes"] = _("Closes after midnight, on the next day.")
        return data


# A day on which a rule would apply but a holiday or an exception takes it.
EXCLUDED = "excluded"


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += DAY


def day_by_day(schedule: hours.OpeningHours, first: dt.date, last: dt.date) -> dict:
    """{source: [(day, what)]}: each rule's days (with their Times, or EXCLUDED when a
    holiday or an exception takes the day), the special hours' days and the closed days."""
    sources = {}
    for day in _days(first, last):
        rules = [(index, rule) for index, rule in enumerate(schedule.rules) if rule.applies_on(day)]
        exception = schedule.exception_on(day)
        holiday = exception is None and bool(rules) and schedule.is_holiday(day)
        excluded = exception is not None or holiday
        for index, rule in rules:
            what = EXCLUDED if excluded else Times.on(day, rule.opens, rule.closes)
            sources.setdefault(("rule", index), []).append((day, what))
        if exception is not None and not exception.closed:
            times = Times.on(day, exception.opens, exception.closes)
            sources.setdefault(("special", exception), []).append((day, times))
        elif exception is not None or holiday:
            sources.setdefault(("closed", exception), []).append((day, None))
    return sources


def weekly_runs(days: list) -> list:
    """[(first day, last day, Times)]: a rule's days cut at each excluded day and at each
    change of offset."""
    runs = []
    for what, group in groupby(days, key=lambda item: item[1]):
        if what is not EXCLUDED:
            group = list(group)
            runs.append((group[0][0], group[-1][0], what))
    return runs


def dated_runs(days: list) -> list:
    """[(first day, last day, what)]: consecutive calendar days holding the same thing."""
    runs = []
    for day, what in days:
        if runs and runs[-1][1] + DAY == day and runs[-1][2] == what:
            runs[-1] = (runs[-1][0], day, what)
        else:
            runs.append((day, day, what))
    return runs


def byday(weekdays) -> str:
    return ",".join(BYDAY[weekday] for weekday in sorted(set(weekdays)))


def _weekdays_between(first: dt.date, last: dt.date):
    return {day.weekday() for day in _days(first, min(last, first + 6 * DAY))}


def publish(
    schedule: hours.OpeningHours, parent_id: str, today: dt.date, mode_labels: dict
) -> list:
    """The HSDS schedules of one help point (`parent_id`: its service_at_location id),
    for the stretch `covered(today)`. `mode_labels` names each rule's mode (in person…)."""
    first, last = covered(today)
    published = {}
    for (kind, key), days in day_by_day(schedule, first, last).items():
        if kind == "rule":
            rule = schedule.rules[key]
            runs = [
                _weekly(parent_id, rule, run_first, run_last, times, mode_labels)
                for run_first, run_last, times in weekly_runs(days)
            ]
        elif kind == "special":
            runs = [
                _special(parent_id, key, run_first, run_last, times)
                for run_first, run_last, times in dated_runs(days)
            ]
        else:
            runs = [
                _closed(parent_id, key, run_first, run_last)
                for run_first, run_last, _none in dated_runs(days)
            ]
        for record in runs:
            published.setdefault(record["id"], record)
    return sorted(published.values(), key=lambda record: (record["valid_from"], record["id"]))


def _weekly(parent_id, rule, first, last, times, mode_labels) -> dict:
    days = byday(rule.weekdays)
    record_id = ids.make(
        parent_id, "schedule", "weekly", days, rule.opens, rule.closes, rule.mode, first
    )
    return {
        "id": record_id,
        "service_at_location_id": parent_id,
        "valid_from": first.isoformat(),
        "valid_to": last.isoformat(),
        "dtstart": first.isoformat(),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": days,
        **times.fields(),
        "attending_type": str(mode_labels.get(rule.mode, rule.mode)),
    }


def _special(parent_id, exception, first, last, times) -> dict:
    description = str(hours.reason_label(exception.reason))
    if exception.note:
        description = f"{description}: {exception.note}"
    return {
        "id": ids.make(parent_id, "schedule", "special", exception.opens, exception.closes, first),
        "service_at_location_id": parent_id,
        "valid_from": first.isoformat(),
        "valid_to": last.isoformat(),
        "dtstart": first.isoformat(),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": byday(_weekdays_between(first, last)),
        **times.fields(),
        "description": description,
    }


def _closed(parent_id, exception, first, last) -> dict:
    reason = exception.reason if exception is not None else "holiday"
    description = _("Closed (%(reason)s)") % {"reason": hours.reason_label(reason)}
    if exception is not None and exception.note:
        description = f"{description}: {exception.note}"
    return {
        "id": ids.make(parent_id, "schedule", "closed", first),
        "service_at_location_id": parent_id,
        "valid_from": first.isoformat(),
        "valid_to": last.isoformat(),
        "description": description,
    }
