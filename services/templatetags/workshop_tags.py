"""Workshop snippets for other pages: the home page's next sessions and a help point's
workshops, so those templates need not know how workshops are stored."""

from django import template
from wagtail.models import Locale

from services.workshops.listing import upcoming, window
from services.workshops.models import WorkshopPage
from services.workshops.pages import WorkshopIndexPage

register = template.Library()


@register.inclusion_tag("services/includes/upcoming_workshops.html", takes_context=True)
def upcoming_workshops(context, limit=3):
    """The next `limit` sessions of the network, in the page's language."""
    page = context.get("page")
    locale = page.locale if page is not None else Locale.get_active()
    start, end = window()
    return {
        "request": context.get("request"),
        "listed": upcoming(locale, start, end)[:limit],
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
