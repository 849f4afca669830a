"""How a workshop meets, in words and in the visitor's language.

`describe(schedule)` says the rhythm ("Every Thursday, 18:00–19:30", "Every other week,
on Monday and on Thursday, 10:00–12:00", "Thursday 19 March 2026, 18:00–19:30") and
`notices(schedule, first, last)` the changes to single dates between two days ("Wed 24
Dec: no session", "Thu 4 Dec: moved to Fri 5 Dec, 10:00–11:30", "Thu 11 Dec:
cancelled"). Sentences come from our catalogues (gettext, ngettext); day and month names
and the way a list is joined ("Monday and Thursday") from Babel's CLDR data for the
active language. Times are written 18:00–19:30 everywhere, as on the rest of the site.

A schedule repeats weekly (every N weeks on chosen days) or not at all: the model cannot
store a monthly rule such as "the first Monday of the month", so there is no sentence
for one.
"""

from dataclasses import dataclass
from datetime import date
from itertools import islice

from babel.dates import format_date
from babel.lists import format_list
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, ngettext, to_locale
from django.utils.translation import gettext_lazy as _

from . import recurrence as sched

# "every Thursday": each day on its own, so that every language can decline it.
EVERY_DAY = (
    _("every Monday"),
    _("every Tuesday"),
    _("every Wednesday"),
    _("every Thursday"),
    _("every Friday"),
    _("every Saturday"),
    _("every Sunday"),
)
# "on Thursday", after "every other week" or "every 3 weeks".
ON_DAY = (
    _("on Monday"),
    _("on Tuesday"),
    _("on Wednesday"),
    _("on Thursday"),
    _("on Friday"),
    _("on Saturday"),
    _("on Sunday"),
)

SKIPPED = "skipped"
EXTRA = "extra"


@dataclass(frozen=True)
class Notice:
    """A change to one date, in words; `day` is the date the session was planned for."""

    day: date
    kind: str  # SKIPPED, EXTRA, schedule.MOVED or schedule.CANCELLED
    text: str


def babel_locale():
    return to_locale(get_language() or settings.LANGUAGE_CODE)


def short_date(day):
    """'Thu 19 Mar' in the active language."""
    return format_date(day, "EEE d MMM", locale=babel_locale())


def day_of_week(day):
    """'Thu 19' in the active language: a date in the coming week."""
    return format_date(day, "EEE d", locale=babel_locale())


def long_date(day):
    """'Thursday 19 March 2026' in the active language."""
    return format_date(day, "EEEE d MMMM y", locale=babel_locale())


def time_range(start, end):
    return f"{start:%H:%M}–{end:%H:%M}"


def at_time(when, start, end):
    """'Thursday 19 March, 18:00–19:30': a day (or a rhythm) and the hours."""
    return gettext("%(when)s, %(time)s") % {"when": when, "time": time_range(start, end)}


def planned_dates(schedule):
    """The days of a schedule that does not repeat (see is_single), in order."""
    return [start.date() for start in schedule.ruleset()]


def is_single(schedule):
    """True when nothing repeats: no rule, or a rule whose only session is the first one
    (a weekly rule with a count of 1, or ending before its second week)."""
    rule = schedule.rule()
    return rule is None or {schedule.start, *islice(rule, 2)} == {schedule.start}


def describe(schedule):
    """The rhythm of a schedule as one sentence in the active language."""
    locale = babel_locale()
    if is_single(schedule):
        days = planned_dates(schedule) or [schedule.start.date()]
        when = format_list([long_date(day) for day in days], locale=locale)
        return capfirst(at_time(when, schedule.start, schedule.end))
    weekdays = schedule.byweekday
    if schedule.interval == 1:
        when = format_list([str(EVERY_DAY[day]) for day in weekdays], locale=locale)
    else:
        on_days = format_list([str(ON_DAY[day]) for day in weekdays], locale=locale)
        if schedule.interval == 2:
            when = gettext("every other week, %(days)s") % {"days": on_days}
        else:
            when = ngettext(
                "every %(count)s week, %(days)s",
                "every %(count)s weeks, %(days)s",
                schedule.interval,
            ) % {"count": schedule.interval, "days": on_days}
    return capfirst(at_time(when, schedule.start, schedule.end))


def _is_planned(schedule, day):
    """Whether the rule (or the first session) puts a session on `day`, skips aside."""
    if day == schedule.start.date():
        return True
    rule = schedule.rule()
    return rule is not None and schedule.at(day) in rule


def notices(schedule, first, last):
    """The changes to dates from `first` to `last` (both included), in words, by date.

    A moved session counts when either its planned or its new date is in the range.
    Changes to a date without a planned session are left out, as the calendars do.
    """
    found = []
    for day in schedule.skipped:
        if first <= day <= last and _is_planned(schedule, day):
            text = gettext("%(date)s: no session") % {"date": short_date(day)}
            found.append(Notice(day, SKIPPED, text))
    for day in schedule.extra:
        if first <= day <= last and day not in schedule.skipped and not _is_planned(schedule, day):
            when = at_time(short_date(day), schedule.at(day), schedule.at(day) + schedule.duration)
            found.append(Notice(day, EXTRA, gettext("%(when)s: extra session") % {"when": when}))
    planned = schedule.ruleset()
    for day, change in schedule.changes.items():
        moved_to = change.start.date() if change.status == sched.MOVED and change.start else day
        in_range = first <= day <= last or first <= moved_to <= last
        if not in_range or schedule.at(day) not in planned:
            continue
        if change.status == sched.CANCELLED:
            text = gettext("%(date)s: cancelled") % {"date": short_date(day)}
        else:
            start = change.start or schedule.at(day)
            end = change.end or start + schedule.duration
            new = at_time(short_date(start.date()), start, end)
            text = gettext("%(date)s: moved to %(new)s") % {"date": short_date(day), "new": new}
        if change.reason:
            text = f"{text} ({change.reason})"
        found.append(Notice(day, change.status, text))
    return sorted(found, key=lambda notice: notice.day)
