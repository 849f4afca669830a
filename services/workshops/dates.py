"""A workshop page's dates: every session of the coming year, a page at a time, the
changes to its dates in words, and the session behind a "this date" calendar file."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone

from . import rhythm

PER_PAGE = 10
HORIZON = timedelta(days=366)


@dataclass(frozen=True)
class Row:
    session: object
    ics_path: str  # its own calendar file; empty for a cancelled session


def date_ics_path(workshop, session):
    return reverse(
        "workshop_date_ics",
        kwargs={"slug": workshop.slug, "day": session.original_start.date().isoformat()},
    )


def session_on(schedule, day, now=None):
    """The upcoming session planned for `day` (at its new time if moved), or None."""
    now = now or timezone.now()
    for session in schedule.sessions(now, now + HORIZON):
        if session.original_start.date() == day:
            return session
    return None


def page_dates(workshop, number, now=None):
    """Template context: the sessions of page `number` (any text: a bad one gives the
    first or last page), the changes of the coming year and the rhythm in words."""
    now = now or timezone.now()
    schedule = workshop.recurrence()
    sessions = schedule.sessions(now, now + HORIZON)
    dates = Paginator(sessions, PER_PAGE).get_page(number)
    today = now.astimezone(schedule.zone).date()
    return {
        "rhythm": rhythm.describe(schedule),
        "dates": dates,
        "date_rows": [
            Row(session, "" if session.is_cancelled else date_ics_path(workshop, session))
            for session in dates
        ],
        "notices": rhythm.notices(schedule, today, today + HORIZON),
    }
