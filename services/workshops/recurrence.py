"""Recurring schedules in iCalendar terms, expanded with python-dateutil.

A schedule is stored as local wall time plus a zone name (never an offset): the
first session's start and end, a weekly rule (every N weeks on chosen days, until
a date or for a count), skipped dates (EXDATE), extra dates (RDATE) and changes to
single sessions (moved or cancelled, RECURRENCE-ID in iCalendar). Occurrences are
expanded in naive local time and localised afterwards, so a Thursday 18:00 session
stays at 18:00 on both sides of a clock change.

Pure Python: the workshop pages, the listing, the feeds and the API all use it.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import WEEKLY, rrule, rruleset

DEFAULT_TIMEZONE = "Europe/Rome"
# How far ahead the next sessions are looked for.
HORIZON = timedelta(days=366)

SCHEDULED = "scheduled"
MOVED = "moved"
CANCELLED = "cancelled"

# iCalendar's two-letter weekday codes, indexed like date.weekday() and dateutil.
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Change:
    """A change to one session, identified by the date it was due on."""

    original_date: date
    status: str  # MOVED or CANCELLED
    start: datetime | None = None  # naive local wall time, for moved sessions
    end: datetime | None = None
    reason: str = ""


@dataclass(frozen=True)
class Session:
    """One session as a visitor sees it: aware start and end, and its status."""

    start: datetime
    end: datetime
    status: str
    original_start: datetime  # the RECURRENCE-ID of a moved or cancelled session
    reason: str = ""

    @property
    def is_cancelled(self):
        return self.status == CANCELLED

    @property
    def is_moved(self):
        return self.status == MOVED


@dataclass
class Recurrence:
    """A workshop's schedule. `interval` is None for a single session (plus extra dates)."""

    start: datetime  # naive local wall time of the first session
    end: datetime
    timezone: str = DEFAULT_TIMEZONE
    interval: int | None = 1
    weekdays: tuple[int, ...] = ()
    until: date | None = None
    count: int | None = None
    skipped: tuple[date, ...] = ()
    extra: tuple[date, ...] = ()
    changes: dict[date, Change] = field(default_factory=dict)

    @property
    def zone(self):
        return ZoneInfo(self.timezone)

    @property
    def duration(self):
        return self.end - self.start

    @property
    def byweekday(self):
        """The chosen weekdays, or the first session's weekday when none is chosen."""
        return tuple(sorted(set(self.weekdays))) or (self.start.weekday(),)

    @property
    def until_local(self):
        """The last instant of the `until` day, in local wall time (UNTIL is inclusive)."""
        if self.until is None:
            return None
        return datetime.combine(self.until, time(23, 59, 59))

    def at(self, day):
        """The naive local start of a session on `day` at the usual time."""
        return datetime.combine(day, self.start.time())

    def localise(self, naive):
        return naive.replace(tzinfo=self.zone)

    def rule(self):
        """The dateutil rule of the regular sessions, or None for a single session."""
        if self.interval is None:
            return None
        return rrule(
            WEEKLY,
            dtstart=self.start,
            interval=self.interval,
            byweekday=self.byweekday,
            until=self.until_local if self.count is None else None,
            count=self.count,
        )

    def ruleset(self):
        """Every originally planned start, in naive local time (skipped dates removed)."""
        rules = rruleset()
        rules.rdate(self.start)  # DTSTART is always a session (RFC 5545 §3.8.5.3)
        rule = self.rule()
        if rule is not None:
            rules.rrule(rule)
        for day in self.extra:
            rules.rdate(self.at(day))
        for day in self.skipped:
            rules.exdate(self.at(day))
        return rules

    def sessions(self, after, before):
        """Sessions starting in [after, before), sorted, with moved and cancelled marked.

        `after` and `before` are aware datetimes. A moved session is listed at its new
        time, so it can enter or leave the window.
        """
        local_after = after.astimezone(self.zone).replace(tzinfo=None)
        local_before = before.astimezone(self.zone).replace(tzinfo=None)
        rules = self.ruleset()
        planned = {
            start.date(): start for start in rules.between(local_after, local_before, inc=True)
        }
        for change in self.changes.values():
            original = self.at(change.original_date)
            if change.status == MOVED and original not in planned.values() and original in rules:
                planned[change.original_date] = original
        found = []
        for day, original in planned.items():
            change = self.changes.get(day)
            start, end, status, reason = original, original + self.duration, SCHEDULED, ""
            if change is not None:
                status, reason = change.status, change.reason
                if change.status == MOVED:
                    start = change.start or original
                    end = change.end or start + self.duration
            if not local_after <= start < local_before:
                continue
            found.append(
                Session(
                    start=self.localise(start),
                    end=self.localise(end),
                    status=status,
                    original_start=self.localise(original),
                    reason=reason,
                )
            )
        return sorted(found, key=lambda session: session.start)

    def next_sessions(self, now, limit):
        """The next `limit` sessions from `now` within a year."""
        return self.sessions(now, now + HORIZON)[:limit]
