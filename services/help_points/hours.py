"""Opening-hours engine: is a help point open at a given instant, and until when?

Pure Python, no database. Rules are weekly local times in Europe/Rome (the zone name,
never an offset): an opening belongs to the day it starts on, and a closing time
earlier than (or equal to midnight before) the opening time ends on the next day.
Exceptions replace the rules of the days they cover (closed, or special hours).
National holidays (the `holidays` package) and the comune's patron day (the
`holidays` package for provincial capitals, the help point's own data elsewhere) close
a help point unless an exception gives hours for that day.

Every comparison is made in UTC: aware datetimes sharing one tzinfo compare by wall
clock in Python, which is wrong across a clock change.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holidays_lib
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from closher import freshness

ROME = ZoneInfo("Europe/Rome")
UTC = dt.UTC
# Languages that write weekday names in lower case inside a sentence.
LOWERCASE_WEEKDAYS = {"it", "fr", "ro", "uk"}
# How far ahead `next_change` and the next opening are looked for.
HORIZON_DAYS = 15


def now():
    return dt.datetime.now(UTC)


@dataclass(frozen=True)
class Rule:
    weekdays: frozenset  # Python weekday numbers, Monday 0
    opens: dt.time
    closes: dt.time
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None  # inclusive
    mode: str = "in_person"

    def applies_on(self, day: dt.date) -> bool:
        return (
            day.weekday() in self.weekdays
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
        )


@dataclass(frozen=True)
class Exception:  # noqa: A001 - the HSDS/schema.org name, local to this module
    date_from: dt.date
    date_to: dt.date  # inclusive
    closed: bool = True
    opens: dt.time | None = None
    closes: dt.time | None = None
    reason: str = "closure"
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.date_from <= day <= self.date_to


@dataclass(frozen=True)
class Interval:
    start: dt.datetime  # UTC
    end: dt.datetime  # UTC
    mode: str = "in_person"


@dataclass(frozen=True)
class Status:
    open_now: bool
    next_change: dt.datetime | None  # in Europe/Rome
    message: str
    closed_reason: str | None = None


@dataclass(frozen=True)
class DayHours:
    date: dt.date
    weekday_name: str
    is_today: bool
    intervals: list  # [(opens "HH:MM", closes "HH:MM", mode)]
    closed_reason: str | None

    @property
    def text(self) -> str:
        """The day's hours as the help point's page writes them, e.g.
        "09:00–13:00, 21:00–01:00 (by phone)", or "Closed (holiday)"."""
        if not self.intervals:
            return _("Closed (holiday)") if self.closed_reason == "holiday" else _("Closed")
        return ", ".join(_opening_text(*interval) for interval in self.intervals)


@lru_cache(maxsize=64)
def _holiday_dates(year: int, province: str, is_capital: bool, patron_day: tuple | None):
    """Dates of national holidays and the patron day that apply to a comune."""
    dates = set(holidays_lib.Italy(years=year))
    if is_capital and province in holidays_lib.Italy.subdivisions:
        dates |= set(holidays_lib.Italy(years=year, subdiv=province))
    if patron_day is not None:
        month, day = patron_day
        if month != 2 or day != 29 or calendar.isleap(year):
            dates.add(dt.date(year, month, day))
    return frozenset(dates)


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    """The UTC instant of a local wall-clock time (in a gap: just after the change)."""
    return dt.datetime.combine(day, time, tzinfo=ROME).astimezone(UTC)


def _interval(day: dt.date, opens: dt.time, closes: dt.time, mode: str) -> Interval:
    end_day = day + dt.timedelta(days=1) if closes <= opens else day
    return Interval(_local(day, opens), _local(end_day, closes), mode)


@dataclass
class OpeningHours:
    """A help point's rules, exceptions and holidays, answering for any instant."""

    rules: list = field(default_factory=list)
    exceptions: list = field(default_factory=list)
    province: str = ""
    holidays: bool = True
    is_capital: bool = False
    patron_day: tuple | None = None  # (month, day)

    def exception_on(self, day: dt.date):
        # The last one listed wins, as editors expect when they add a correction below.
        found = None
        for exception in self.exceptions:
            if exception.covers(day):
                found = exception
        return found

    def is_holiday(self, day: dt.date) -> bool:
        if not self.holidays:
            return False
        # The province matters only for a capital's patron day: leaving it out of the
        # cache key elsewhere keeps one entry per year for most help points.
        province = (self.province or "") if self.is_capital else ""
        dates = _holiday_dates(day.year, province, self.is_capital, self.patron_day)
        return day in dates

    def closed_reason(self, day: dt.date) -> str | None:
        """Why the usual hours do not apply on a day ('holiday', 'closure'…), if closed."""
        exception = self.exception_on(day)
        if exception is not None:
            return exception.reason if exception.closed else None
        if self.is_holiday(day) and any(rule.applies_on(day) for rule in self.rules):
            return "holiday"
        return None

    def intervals_starting(self, day: dt.date) -> list:
        exception = self.exception_on(day)
        if exception is not None:
            if exception.closed:
                return []
            return [_interval(day, exception.opens, exception.closes, "in_person")]
        if self.is_holiday(day):
            return []
        return sorted(
            (
                _interval(day, rule.opens, rule.closes, rule.mode)
                for rule in self.rules
                if rule.applies_on(day)
            ),
            key=lambda interval: interval.start,
        )

    def _intervals_around(self, at: dt.datetime, days_ahead: int):
        local_day = at.astimezone(ROME).date()
        for offset in range(-1, days_ahead + 1):
            yield from self.intervals_starting(local_day + dt.timedelta(days=offset))

    def open_interval(self, at: dt.datetime) -> Interval | None:
        at = at.astimezone(UTC)
        for interval in self._intervals_around(at, 0):
            if interval.start <= at < interval.end:
                return interval
        return None

    def is_open(self, at: dt.datetime) -> bool:
        return self.open_interval(at) is not None

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        """When the open/closed state next changes, in Europe/Rome; None if not soon."""
        at = at.astimezone(UTC)
        intervals = sorted(self._intervals_around(at, HORIZON_DAYS), key=lambda i: i.start)
        current = self.open_interval(at)
        if current is None:
            upcoming = [interval.start for interval in intervals if interval.start > at]
            return min(upcoming).astimezone(ROME) if upcoming else None
        end = current.end
        # Back-to-back or overlapping openings: she can still walk in.
        extended = True
        while extended:
            extended = False
            for interval in intervals:
                if interval.start <= end < interval.end:
                    end = interval.end
                    extended = True
        return end.astimezone(ROME)

    def status(self, at: dt.datetime) -> Status:
        """Open now or not, the next change and the message; true until `next_change`,
        and its wording ("today", "tomorrow") until midnight."""
        freshness.valid_until(freshness.next_midnight(at))
        if not self.rules and not self.exceptions:
            return Status(False, None, _("Call for hours"))
        open_now = self.is_open(at)
        change = self.next_change(at)
        local = at.astimezone(ROME)
        reason = None if open_now else self.closed_reason(local.date())
        if open_now:
            message = _("Open until %(time)s") % {"time": _time(change)} if change else _("Open")
            if change and change.date() > local.date() + dt.timedelta(days=1):
                message = _("Open until %(day)s %(time)s") % {
                    "day": _weekday(change),
                    "time": _time(change),
                }
        elif reason is not None:
            message = _("Closed today (%(reason)s)") % {"reason": reason_label(reason)}
            if change is not None:
                message = f"{message}. {_opens_message(local, change)}"
        elif change is not None:
            message = _opens_message(local, change)
        else:
            message = _("Call for hours")
        freshness.valid_until(change)
        return Status(open_now, change, message, reason)

    def week(self, at: dt.datetime) -> list:
        """Seven days of hours from the day of `at`, for the help point's page."""
        freshness.valid_until(freshness.next_midnight(at))
        today = at.astimezone(ROME).date()
        days = []
        for offset in range(7):
            day = today + dt.timedelta(days=offset)
            intervals = [
                (
                    _time(interval.start.astimezone(ROME)),
                    _time(interval.end.astimezone(ROME)),
                    interval.mode,
                )
                for interval in self.intervals_starting(day)
            ]
            days.append(
                DayHours(
                    date=day,
                    weekday_name=str(WEEKDAYS[day.weekday()]),
                    is_today=offset == 0,
                    intervals=intervals,
                    closed_reason=self.closed_reason(day),
                )
            )
        return days

    def upcoming_exceptions(self, at: dt.datetime, days: int = 60) -> list:
        today = at.astimezone(ROME).date()
        horizon = today + dt.timedelta(days=days)
        return sorted(
            (e for e in self.exceptions if e.date_to >= today and e.date_from <= horizon),
            key=lambda e: e.date_from,
        )


def reason_label(reason: str) -> str:
    labels = {
        "holiday": pgettext("closed because of a", "holiday"),
        "closure": pgettext("closed because of a", "closure"),
        "special_hours": pgettext("closed because of", "special hours"),
        "training": pgettext("closed because of", "staff training"),
        "other": pgettext("closed because of", "other reasons"),
    }
    return labels.get(reason, labels["other"])


def _opening_text(opens: str, closes: str, mode: str) -> str:
    how = {"phone": _("by phone"), "appointment": _("by appointment")}.get(mode)
    return f"{opens}–{closes} ({how})" if how else f"{opens}–{closes}"


def _time(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def _weekday(moment: dt.datetime) -> str:
    """The weekday's name as written mid-sentence ("Opens Thursday", "Apre giovedì")."""
    name = str(WEEKDAYS[moment.weekday()])
    return name.lower() if get_language() in LOWERCASE_WEEKDAYS else name


def _opens_message(local: dt.datetime, change: dt.datetime) -> str:
    days = (change.date() - local.date()).days
    time = _time(change)
    if days == 0:
        return _("Opens today at %(time)s") % {"time": time}
    if days == 1:
        return _("Opens tomorrow at %(time)s") % {"time": time}
    if days < 7:
        return _("Opens on %(day)s at %(time)s") % {"day": _weekday(change), "time": time}
    return _("Opens %(date)s at %(time)s") % {
        "date": date_format(change.date(), "j F"),
        "time": time,
    }
