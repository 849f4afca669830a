"""How long what a response shows stays true: the page cache's expiry, collected while rendering.

An opening status ("Open until 13:00", "Opens tomorrow at 09:00") is true until its next
change, and its wording until midnight. Whatever computes such a fact calls
`valid_until(moment)`; the page cache (page_cache.py) starts a collection for each
request and stores the response no longer than the earliest moment it was given.
Outside a request nothing is collected.
"""

import datetime as dt
from contextvars import ContextVar

from django.utils import timezone

_earliest = ContextVar("closher_fresh_until", default=None)


def start():
    """Begin collecting for one request; returns the token `stop` needs."""
    return _earliest.set([])


def stop(token):
    """The earliest moment given since `start`, or None; ends the collection."""
    moments = _earliest.get()
    _earliest.reset(token)
    return min(moments) if moments else None


def valid_until(moment: dt.datetime | None):
    """What the current response shows stops being true at `moment` (aware datetime)."""
    moments = _earliest.get()
    if moments is not None and moment is not None:
        moments.append(moment)


def next_midnight(at: dt.datetime) -> dt.datetime:
    """The next midnight after `at` on the site's clock, when "today" and "tomorrow" and
    the dates of the coming week change."""
    local = timezone.localtime(at)
    return dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), local.tzinfo)
