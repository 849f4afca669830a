"""The finder's search box for other pages: the home page shows it at the top."""

from django import template
from wagtail.models import Locale

from services.help_points.pages import FinderPage

register = template.Library()


@register.inclusion_tag("services/includes/finder_box.html", takes_context=True)
def finder_box(context):
    """The finder's form (the place and "Use my location"), sent to the finder page in
    the page's language, and the place where finder.js shows the results."""
    page = context.get("page")
    locale = page.locale if page is not None else Locale.get_active()
    return {
        "request": context.get("request"),
        "finder": FinderPage.objects.live().public().filter(locale=locale).first(),
    }
