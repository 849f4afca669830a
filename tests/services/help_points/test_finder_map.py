"""The finder and help point pages with their maps, and "Did you mean" after a typo."""

import pytest
from bs4 import BeautifulSoup

from services import gazetteer
from services.gazetteer import maps
from services.help_points.models import HelpPointPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_results_map_comes_after_the_list_numbered_like_it(demo, client):
    page = soup(client.get("/en/trova-aiuto/", {"q": "Bologna BO"}))
    results = page.select(".help-points > li")
    image = page.select_one("svg.area-map")
    assert results and image
    assert image.find_previous("ol", class_="help-points")  # the list first
    numbers = sorted(int(text.get_text()) for text in image.select("text"))
    assert numbers == list(range(1, len(results) + 1))
    assert len(image.select("rect")) == 1  # her place
    assert image.select_one("title").get_text() == "Map of the help points in the list"
    assert len(str(image).encode()) < 15 * 1024


def test_reggio_emilia_is_understood(demo, client):
    page = soup(client.get("/en/trova-aiuto/", {"q": "Reggio Emilia"}))
    assert "Nearest to Reggio nell'Emilia (RE)" in page.select_one("#results-title").get_text()


def test_a_typo_offers_the_nearest_names_and_chooses_nothing(demo, client):
    page = soup(client.get("/en/trova-aiuto/", {"q": "Bolgna"}))
    assert page.select_one("#suggestions-title").get_text() == "Did you mean one of these places?"
    choices = page.select("[aria-labelledby='suggestions-title'] button[form='finder-form']")
    assert (choices[0].get_text(), choices[0]["value"]) == ("Bologna (BO)", "Bologna (BO)")
    assert page.select(".help-points") == []


def test_each_help_point_page_has_its_map(demo, client):
    page = soup(client.get("/en/punti-di-aiuto/sportello-budrio/"))
    image = page.select_one("svg.area-map")
    assert image.select_one("title").get_text() == "Map of where this help point is"
    assert [text.get_text() for text in image.select("text")] == ["1"]


def test_a_hidden_address_is_on_the_map_at_its_comunes_centre_only(demo, client):
    point = HelpPointPage.objects.get(slug="sportello-alto-reno-terme", locale__language_code="it")
    comune = gazetteer.by_istat_code(point.istat_code)
    # Put its own point 7 km away from the comune's centre: the map must not move.
    point.latitude, point.longitude = comune.latitude + 0.063, comune.longitude
    point.save_revision().publish()
    page = soup(client.get("/en/punti-di-aiuto/sportello-alto-reno-terme/"))
    image = page.select_one("svg.area-map")
    at_centre = BeautifulSoup(
        str(maps.area_map([(comune.latitude, comune.longitude)], title="t", description="d")),
        "html.parser",
    )
    assert image.select_one("circle").attrs == at_centre.select_one("circle").attrs
    assert image.select_one("path")["d"] == at_centre.select_one("path")["d"]
    assert "only its comune" in image.select_one("desc").get_text()


def test_without_a_place_the_list_has_no_map(demo, client):
    page = soup(client.get("/en/trova-aiuto/", {"open": "any", "q": ""}))
    assert page.select(".help-point")
    assert page.select_one("svg.area-map") is None
