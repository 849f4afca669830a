"""The workshops as cards: one per workshop with its rhythm, next dates and changes,
the sessions of the coming week on top, and the nearest first when she gave a comune.

It works on the sessions `services.workshops.listing.upcoming()` returns, so a card shows
exactly the sessions the API and the calendar feeds give for the same weeks.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from services.help_points.finder import distance_km

from .. import gazetteer
from . import rhythm

NEXT_DATES = 3
WEEK = timedelta(days=7)


@dataclass
class Card:
    """A workshop with its sessions in the window [start, end), in order. Its rhythm and
    changes are worded when first shown, in the language active then."""

    workshop: object
    association: object
    start: datetime
    end: datetime
    sessions: list = field(default_factory=list)
    distance_km: float | None = None
    url: str = ""  # the workshop page, set for the cards a page shows

    @cached_property
    def schedule(self):
        return self.workshop.recurrence()

    @cached_property
    def rhythm(self):
        return rhythm.describe(self.schedule)

    @cached_property
    def notices(self):
        return rhythm.notices(self.schedule, self.start.date(), self.end.date())

    @property
    def next_sessions(self):
        return self.sessions[:NEXT_DATES]

    @property
    def where(self):
        """'Sportello di Budrio, Budrio': the place and its comune."""
        parts = [self.workshop.place_name, self.workshop.comune_name]
        return ", ".join(part for part in parts if part)


def cards(listed, start, end):
    """One card per workshop of `listed` (sessions sorted by start), in the order of each
    workshop's next session; `start` and `end` bound the window the changes are told in."""
    by_workshop = {}
    for item in listed:
        card = by_workshop.get(item.workshop.pk)
        if card is None:
            card = by_workshop[item.workshop.pk] = Card(item.workshop, item.association, start, end)
        card.sessions.append(item.session)
    return list(by_workshop.values())


def this_week(listed, now):
    """The sessions starting in the seven days from `now`, in order."""
    return [item for item in listed if item.session.start < now + WEEK]


def position(workshop):
    """(latitude, longitude) of where a workshop meets: its help point's public position
    (its comune's centre when the address is hidden), else its comune."""
    point = workshop.help_point if workshop.help_point_id else None
    if point is not None:
        if point.public_position is not None:
            return point.public_position
        comune = gazetteer.by_istat_code(point.istat_code)
    else:
        comune = gazetteer.lookup(workshop.comune).comune
    return (comune.latitude, comune.longitude) if comune else None


def nearest_first(found, place):
    """Sorts cards by distance from `place` (a gazetteer.Comune), unknown places last;
    cards at the same distance keep the order of their next session."""
    for card in found:
        where = position(card.workshop)
        card.distance_km = (
            distance_km(place.latitude, place.longitude, *where) if where is not None else None
        )
    found.sort(key=lambda card: (card.distance_km is None, card.distance_km or 0))
    return found
