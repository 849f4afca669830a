"""The maps of the finder's results and of a help point (drawn by services.gazetteer.maps).

A help point whose address is not public is drawn at its comune's centre, never at its
own point: the map tells no more than the page does.
"""

from django import template
from django.utils.translation import gettext as _

from services.gazetteer import maps

register = template.Library()
MAX_POINTS = 100  # the finder's largest page: a map stays under 15 KB


def map_position(point):
    """(latitude, longitude) where a help point may be drawn, or None: its public position."""
    return point.public_position


@register.simple_tag
def results_map(search):
    """The finder's results near a place, numbered as in the list (the first hundred at
    most), and the place she searched."""
    points = [map_position(hit.page) for hit in search.results[:MAX_POINTS]]
    place = (search.latitude, search.longitude) if search.has_place else None
    if place:
        description = _("The numbers are those of the list; the square is the place you searched.")
    else:
        description = _("The numbers are those of the list.")
    return maps.area_map(
        points, place, title=_("Map of the help points in the list"), description=description
    )


@register.simple_tag
def help_point_map(point):
    """One help point in its area."""
    if point.address_is_public:
        description = point.public_place
    else:
        description = _("The address is not public: the mark shows only its comune.")
    return maps.area_map(
        [map_position(point)], title=_("Map of where this help point is"), description=description
    )
