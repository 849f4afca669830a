"""What fits her (languages and services filters), what opens next when nothing is open,
and hidden addresses that no query can locate more precisely than their comune."""

import datetime as dt
import itertools

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from services import gazetteer
from services.help_points import hours
from services.help_points.finder import distance_km
from services.models import HelpPointPage, OpeningRule

from .help_points_data import add_help_point, make_finder, make_site

pytestmark = pytest.mark.django_db

# Sunday 29 March 2026, 20:00 in Rome: every help point below is closed.
SUNDAY_EVENING = dt.datetime(2026, 3, 29, 20, 0, tzinfo=hours.ROME)


@pytest.fixture
def network(db):
    home, index, association = make_site()
    finder = make_finder(home)
    budrio = add_help_point(
        index,
        association,
        "budrio",
        "Budrio",
        44.5642,
        11.5425,
        title="Sportello Budrio",
        languages="it ar",
        service_codes="listening legal children",
        opening_rules=[OpeningRule.on_days(["mo", "th"], opens=dt.time(9), closes=dt.time(13))],
    )
    molinella = add_help_point(
        index,
        association,
        "molinella",
        "Molinella",
        44.6186,
        11.6680,
        title="Sportello Molinella",
        languages="it fr",
        service_codes="listening step_free",
        opening_rules=[OpeningRule.on_days(["we"], opens=dt.time(15), closes=dt.time(18))],
    )
    return {"finder": finder, "index": index, "budrio": budrio, "molinella": molinella}


def slugs(response):
    return [result["slug"] for result in response.json()["results"]]


def names(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".help-point__name")]


def test_the_api_filters_by_language_any_of_and_by_service_all_of(client, network):
    api = "/api/help-points/"
    assert slugs(client.get(api, {"near": "Budrio", "language": "ar"})) == ["budrio"]
    assert slugs(client.get(api, {"near": "Budrio", "language": ["ar", "fr"]})) == [
        "budrio",
        "molinella",
    ]
    assert slugs(client.get(api, {"service": ["legal", "children"]})) == ["budrio"]
    assert slugs(client.get(api, {"near": "Budrio", "service": ["legal", "step_free"]})) == []
    assert slugs(client.get(api, {"service": "step_free"})) == ["molinella"]
    first = client.get(api, {"near": "Budrio"}).json()["results"][0]
    assert first["service_codes"] == ["listening", "legal", "children"]


def test_an_unknown_code_is_a_400_listing_the_valid_ones(client, network):
    response = client.get("/api/help-points/", {"near": "Budrio", "service": "massage"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert "massage" in error and "legal" in error and "step_free" in error
    response = client.get("/api/help-points/", {"language": "klingon", "lang": "en"})
    assert response.status_code == 400
    assert "klingon" in response.json()["error"] and "ar" in response.json()["error"]


def test_the_finder_page_filters_and_keeps_her_ticks(client, network):
    url = network["finder"].url
    response = client.get(url, {"q": "Budrio", "language": "fr"})
    assert names(response) == ["Sportello Molinella"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("details.filters").has_attr("open")
    assert soup.select_one("#filter-language-fr").has_attr("checked")
    assert not soup.select_one("#filter-language-ar").has_attr("checked")
    assert soup.select_one("#filter-service-step_free").find_parent("fieldset").legend
    response = client.get(url, {"q": "Budrio", "service": ["legal", "step_free"]})
    assert names(response) == []
    assert "1522" in response.text
    response = client.get(url, {"q": "Budrio", "service": "nope"})
    assert response.status_code == 200
    assert "nope" in BeautifulSoup(response.content, "html.parser").select_one(".notice").text


def test_the_list_by_province_filters_too(client, network):
    url = network["index"].url
    soup = BeautifulSoup(client.get(url, {"service": "children"}).content, "html.parser")
    assert [t.get_text() for t in soup.select(".card__title")] == ["Sportello Budrio"]
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert len(soup.select(".card__title")) == 2
    assert not soup.select_one("details.filters").has_attr("open")
    response = client.get(url, {"language": "zz"})
    assert response.status_code == 200
    assert "zz" in BeautifulSoup(response.content, "html.parser").select_one(".notice").text


def test_when_none_is_open_the_next_to_open_follow_1522(client, network, monkeypatch):
    monkeypatch.setattr(hours, "now", lambda: SUNDAY_EVENING)
    response = client.get(network["finder"].url, {"q": "Molinella", "open": "now"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert "1522" in soup.select_one(".help-points").get_text()
    section = soup.select_one("[aria-labelledby='opening-next-title']")
    # Budrio opens first (Monday morning) though Molinella is nearer (Wednesday).
    assert [h.get_text(strip=True) for h in section.select(".help-point__name")] == [
        "Sportello Budrio",
        "Sportello Molinella",
    ]
    assert [p.get_text(strip=True) for p in section.select(".status")] == [
        "Apre domani alle 09:00",
        "Apre mercoledì alle 15:00",
    ]
    data = client.get("/api/help-points/", {"near": "Molinella", "open_now": "1"}).json()
    assert data["results"] == []
    assert [point["slug"] for point in data["opening_next"]] == ["budrio", "molinella"]
    assert data["opening_next"][0]["status_message"] == "Apre domani alle 09:00"
    # Anything open: no such list.
    response = client.get(network["finder"].url, {"q": "Molinella", "open": "any"})
    assert "opening-next-title" not in response.text


def test_opens_next_reads_well_in_english():
    rules = [hours.Rule(weekdays=frozenset({2}), opens=dt.time(15), closes=dt.time(18))]
    with translation.override("en"):
        status = hours.OpeningHours(rules=rules).status(SUNDAY_EVENING)
    assert status.message == "Opens on Wednesday at 15:00"


@pytest.fixture
def hidden(network):
    """A hidden help point 7 km north of Molinella's centre, and a public one in Budrio."""
    centre = gazetteer.by_istat_code(network["molinella"].istat_code)
    page = network["molinella"]
    page.latitude, page.longitude = centre.latitude + 7 / 111.2, centre.longitude
    page.address = "Via Segreta 1"
    page.address_visibility = HelpPointPage.AddressVisibility.HIDDEN
    page.save_revision().publish()
    assert 6.9 < distance_km(centre.latitude, centre.longitude, page.latitude, page.longitude) < 7.1
    return page, centre


def test_no_query_position_reveals_more_than_the_comune_centre(client, hidden, network):
    page, centre = hidden
    centre_position = (centre.latitude, centre.longitude)
    assert HelpPointPage.objects.get(pk=page.pk).public_position == centre_position
    exact = (f"{page.latitude:.3f}", f"{page.longitude:.3f}")
    steps = [-0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2]
    for dlat, dlng in itertools.product(steps, steps):
        lat, lng = page.latitude + dlat, page.longitude + dlng
        response = client.get("/api/help-points/", {"lat": f"{lat:.5f}", "lng": f"{lng:.5f}"})
        results = {result["slug"]: result for result in response.json()["results"]}
        found = results["molinella"]
        assert (found["latitude"], found["longitude"]) == centre_position
        assert found["position_exact"] is False
        to_centre = distance_km(float(f"{lat:.5f}"), float(f"{lng:.5f}"), *centre_position)
        assert found["distance_km"] == float(round(to_centre))
        to_budrio = results["budrio"]["distance_km"]
        first = next(iter(results))
        assert first == ("molinella" if to_centre < to_budrio else "budrio") or (
            abs(to_centre - to_budrio) < 0.1
        )
        assert exact[0] not in response.content.decode()
    page_text = client.get(network["finder"].url, {"lat": "44.7", "lng": "11.7"}).text
    assert exact[0] not in page_text and "Via Segreta" not in page_text


def test_a_draft_never_moves_the_public_position(hidden):
    page, centre = hidden
    page.address_visibility = HelpPointPage.AddressVisibility.PUBLIC
    page.save_revision()
    page.refresh_from_db()
    assert page.public_position == (centre.latitude, centre.longitude)
