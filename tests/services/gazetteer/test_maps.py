"""The maps drawn by our own server: small, described in words, numbered like the list,
nothing from another origin, and a hidden address drawn at its comune's centre only."""

import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from services import gazetteer
from services.gazetteer import maps
from services.help_points.models import HelpPointPage, locate_publicly
from services.templatetags.map_tags import help_point_map, map_position

BOLOGNA = (44.4949, 11.3426)
VISIBILITY = HelpPointPage.AddressVisibility
LIMIT = 15 * 1024


def svg(markup):
    return BeautifulSoup(str(markup), "html.parser").svg


def comuni_of(province, count):
    found = [c for c in gazetteer.data().comuni if c.province == province][:count]
    return [(comune.latitude, comune.longitude) for comune in found]


def test_a_dense_area_with_a_hundred_points_stays_under_15_kb():
    markup = maps.area_map(comuni_of("BO", 55) + comuni_of("MO", 45), BOLOGNA,
                           title="Map", description="Numbers as in the list.")  # fmt: skip
    size = len(str(markup).encode())
    print(f"dense area, 100 points: {size} bytes")  # noqa: T201
    assert size < LIMIT
    assert len(svg(markup).select("circle")) == 100


def test_all_of_italy_with_a_hundred_points_stays_under_15_kb():
    capitals = [(c.latitude, c.longitude) for c in gazetteer.data().comuni if c.capital][:100]
    markup = maps.area_map(capitals, None, title="Map", description="Numbers.")
    assert len(str(markup).encode()) < LIMIT


def test_the_map_has_a_text_alternative_numbers_matching_the_list_and_her_place():
    image = svg(maps.area_map(comuni_of("BO", 5), BOLOGNA, title="Map of the help points",
                              description="The square is your place."))  # fmt: skip
    assert image["role"] == "img"
    assert image["aria-labelledby"] == "area-map-title area-map-desc"
    assert image.select_one("#area-map-title").get_text() == "Map of the help points"
    assert image.select_one("#area-map-desc").get_text() == "The square is your place."
    assert sorted(int(text.get_text()) for text in image.select("text")) == [1, 2, 3, 4, 5]
    assert len(image.select("rect")) == 1
    assert image.select_one("path")["d"].startswith("M")


def test_nothing_comes_from_another_origin():
    markup = str(maps.area_map(comuni_of("NA", 10), (40.85, 14.25), title="t", description="d"))
    assert not re.search(r"https?:|href|<image|<script|style=", markup)


def test_a_point_not_drawn_keeps_the_others_numbers():
    points = comuni_of("BO", 3)
    image = svg(maps.area_map([points[0], None, points[2]], title="t", description="d"))
    assert [text.get_text() for text in image.select("text")] == ["3", "1"]


def test_douglas_peucker_drops_points_on_the_line_and_keeps_corners():
    line = [(0, 0), (1, 0.1), (2, 0), (3, 0), (3, 5)]
    assert maps.douglas_peucker(line, 0.5) == [(0, 0), (3, 0), (3, 5)]


def help_point(visibility, latitude, longitude):
    """A help point as the map reads it (the model's own properties, without a database)."""
    point = SimpleNamespace(
        address_visibility=visibility,
        latitude=latitude,
        longitude=longitude,
        istat_code="037008",
        comune="Budrio",
        province="BO",
        address="Via Roma 1",
        AddressVisibility=VISIBILITY,
    )
    point.address_is_public = HelpPointPage.address_is_public.fget(point)
    point.public_place = HelpPointPage.public_place.fget(point)
    point.public_latitude, point.public_longitude = locate_publicly(
        latitude, longitude, point.address_is_public, point.istat_code
    )
    point.public_position = HelpPointPage.public_position.fget(point)
    return point


@pytest.mark.parametrize("visibility", [VISIBILITY.ON_REQUEST, VISIBILITY.HIDDEN])
def test_a_hidden_address_is_drawn_at_its_comunes_centre(visibility):
    budrio = gazetteer.lookup("Budrio").comune
    # 7 km north of the comune's centre.
    point = help_point(visibility, budrio.latitude + 0.063, budrio.longitude)
    assert map_position(point) == (budrio.latitude, budrio.longitude)
    with translation.override("en"):
        drawn = help_point_map(point)
    assert drawn == maps.area_map([(budrio.latitude, budrio.longitude)],
                                  title="Map of where this help point is", description=(
        "The address is not public: the mark shows only its comune."))  # fmt: skip


def test_a_public_address_is_drawn_at_its_own_point():
    point = help_point(VISIBILITY.PUBLIC, 44.55, 11.55)
    assert map_position(point) == (44.55, 11.55)
    with translation.override("en"):
        assert "Via Roma 1, Budrio (BO)" in str(help_point_map(point))
