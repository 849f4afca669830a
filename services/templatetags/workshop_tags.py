"""Workshop snippets for other pages: the home page's next workshops and a help point's
workshops, so those templates need not know how workshops are stored; and dates written
the way the rhythm sentences write them (Babel, in the active language)."""

from django import template
from wagtail.models import Locale

from services.workshops import rhythm
from services.workshops.grouping import cards
from services.workshops.listing import upcoming, window
from services.workshops.models import WorkshopPage
from services.workshops.pages import WorkshopIndexPage

register = template.Library()


def _day(moment):
    """The date of a date, or of an aware datetime in its own zone (a session's wall clock)."""
    return moment.date() if hasattr(moment, "date") else moment


@register.filter
def short_date(moment):
    """'Thu 19 Mar'."""
    return rhythm.short_date(_day(moment))


@register.filter
def session_when(session):
    """'Thu 19 Mar, 18:00–19:30': a session's day and hours, at its wall-clock time."""
    return rhythm.at_time(rhythm.short_date(session.start.date()), session.start, session.end)


@register.filter
def day_of_week(moment):
    """'Thu 19', for a date in the coming week."""
    return rhythm.day_of_week(_day(moment))


@register.inclusion_tag("services/includes/upcoming_workshops.html", takes_context=True)
def upcoming_workshops(context, limit=3):
    """The `limit` workshops of the network that meet next, as cards, in the page's
    language."""
    page = context.get("page")
    locale = page.locale if page is not None else Locale.get_active()
    start, end = window()
    return {
        "request": context.get("request"),
        "cards": cards(upcoming(locale, start, end), start, end)[:limit],
        "index": WorkshopIndexPage.objects.live().filter(locale=locale).first(),
    }


@register.inclusion_tag("services/includes/help_point_workshops.html", takes_context=True)
def workshops_held_at(context, help_point):
    """The live workshops held at `help_point`, in its language."""
    workshops = WorkshopPage.objects.listed(help_point.locale).filter(
        help_point__translation_key=help_point.translation_key
    )
    return {"request": context.get("request"), "workshops": workshops}


@register.inclusion_tag("services/includes/association_workshops.html", takes_context=True)
def association_workshops(context, association):
    """The live workshops of `association`, with its calendar feed."""
    workshops = WorkshopPage.objects.listed(association.locale).child_of(association)
    return {
        "request": context.get("request"),
        "association": association,
        "workshops": workshops,
        "language": association.locale.language_code,
    }
