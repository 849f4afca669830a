"""The finder page: nearest help points by comune, CAP or coordinates, without a trace."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.help_points.finder import nearest_help_points

from .help_points_data import add_help_point, bulk_help_points, make_site

pytestmark = pytest.mark.django_db


def results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".help-point__name")]


def test_viadana_finds_casalmaggiore_first(demo, client):
    response = client.get("/it/trova-aiuto/", {"q": "Viadana"})
    names = results(response)
    assert names[0] == "Centro antiviolenza M.I.A. di Casalmaggiore"
    assert len(names) == 7
    assert "Nearest to Viadana (MN)" in response.text or "Viadana (MN)" in response.text


def test_porretta_terme_finds_the_alto_reno_terme_desk_first_without_its_address(demo, client):
    response = client.get("/en/trova-aiuto/", {"q": "Porretta Terme"})
    soup = BeautifulSoup(response.content, "html.parser")
    first = soup.select(".help-point")[0]
    assert "Alto Reno Terme proximity desk" in first.get_text()
    assert "about 0 km" in first.get_text()
    assert first.select_one("a[href^='tel:']")["href"] == "tel:+390534000104"


def test_ambiguous_name_offers_candidates_with_province(demo, client):
    response = client.get("/it/trova-aiuto/", {"q": "Castro"})
    soup = BeautifulSoup(response.content, "html.parser")
    buttons = soup.select(".candidates button")
    assert [b.get_text() for b in buttons] == ["Castro (BG)", "Castro (LE)"]
    assert results(response) == []


def test_unknown_place_gives_1522_and_the_list_by_province(demo, client):
    response = client.get("/en/trova-aiuto/", {"q": "Atlantide"})
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(".finder-unknown")
    assert section.select_one("a[href='tel:1522']")
    assert [h.get_text() for h in section.select("h4")] == ["BO", "CR"]


def test_coordinates_list_nearest_first(demo, client):
    # Vergato's centre.
    response = client.get("/it/trova-aiuto/", {"lat": "44.28", "lng": "11.11"})
    assert results(response)[0] == "Sportello di prossimità di Vergato"


def test_finder_is_not_cached_sets_no_cookie_and_logs_no_place(demo, caplog):
    client = Client()
    with caplog.at_level(logging.DEBUG):
        response = client.get("/it/trova-aiuto/", {"q": "Molinella", "lat": "", "lng": ""})
        client.get("/api/help-points/", {"near": "Molinella"})
        client.get("/it/trova-aiuto/", {"q": "Luogosegreto"})
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Molinella" not in logged
    assert "Luogosegreto" not in logged


def test_bad_parameters_show_a_message(demo, client):
    response = client.get("/en/trova-aiuto/", {"lat": "91", "lng": "11"})
    assert response.status_code == 200
    assert "lat must be between -90 and 90." in response.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "lat", "lng", "open", "day", "time", "limit"]),
        st.text(max_size=40),
    )
)
def test_fuzzed_finder_parameters_never_fail(demo, client, params):
    response = client.get("/it/trova-aiuto/", params)
    assert response.status_code == 200


def test_nearest_help_points_with_open_filter():
    _home, index, association = make_site()
    add_help_point(index, association, "a", "Budrio", 44.56, 11.54)
    add_help_point(index, association, "b", "Bologna", 44.49, 11.34)
    hits = nearest_help_points(44.49, 11.34)
    assert [hit.page.slug for hit in hits] == ["b", "a"]
    assert hits[0].distance_km < 0.1
    assert 15 < hits[1].distance_km < 20
    # No rules: never open.
    assert nearest_help_points(44.49, 11.34, open_only=True) == []


def test_query_count_does_not_grow_with_the_number_of_help_points(client):
    _home, index, association = make_site()
    bulk_help_points(index, association, 10)
    client.get("/api/help-points/", {"near": "Budrio"})  # warms the site-root cache
    with CaptureQueriesContext(connection) as small:
        client.get("/api/help-points/", {"near": "Budrio"})
    bulk_help_points(index, association, 10_000 - 10)
    with CaptureQueriesContext(connection) as large:
        response = client.get("/api/help-points/", {"near": "Budrio"})
    assert len(response.json()["results"]) == 10
    # Sparse help points may need a larger box than dense ones: never more queries.
    assert len(large.captured_queries) <= len(small.captured_queries)


def test_request_lines_are_logged_without_query_strings():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        0,
        '"%s" %s %s',
        ("GET /it/trova-aiuto/?q=Budrio&lat=44.5&lng=11.5 HTTP/1.1", "200", "1234"),
        None,
    )
    handlers = logging.getLogger("django.server").handlers
    assert handlers and all(handler.filter(record) for handler in handlers)
    assert record.getMessage() == '"GET /it/trova-aiuto/ HTTP/1.1" 200 1234'


def test_help_point_page_shows_the_week_today_first_and_json_ld(demo, client):
    import json

    response = client.get("/en/punti-di-aiuto/centro-antiviolenza-casalmaggiore/")
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("table.week tr")
    assert len(rows) == 7
    assert rows[0]["aria-current"] == "date" and "today" in rows[0].get_text()
    assert soup.select_one(".status").get_text(strip=True)
    data = json.loads(soup.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "Place"
    assert data["address"]["addressLocality"] == "Casalmaggiore"
    assert {"Friday", "Saturday"} <= {
        day for spec in data["openingHoursSpecification"] for day in spec["dayOfWeek"]
    }
    assert data["specialOpeningHoursSpecification"]
    assert "no-store" in response["Cache-Control"]
    assert "How to get there" in response.text


def test_hidden_address_is_not_on_the_page(demo, client, page_in):
    page = page_in("it", "sportello-alto-reno-terme")
    page.address = "Via Nascosta 7"
    page.save_revision().publish()
    response = client.get("/it/punti-di-aiuto/sportello-alto-reno-terme/")
    assert "Via Nascosta" not in response.text
    assert "geo" not in response.text.split('type="application/ld+json"')[1].split("</script>")[0]


def test_finder_is_the_first_card_on_the_home_page(demo, client):
    soup = BeautifulSoup(client.get("/it/").content, "html.parser")
    assert soup.select(".cards a")[0]["href"].endswith("/trova-aiuto/")


def test_editor_gives_only_the_comune_and_the_rest_is_filled():
    from django.core.exceptions import ValidationError

    _home, index, association = make_site()
    page = add_help_point(index, association, "p", "porretta terme", None, None)
    assert (page.comune, page.istat_code, page.province) == ("Alto Reno Terme", "037062", "BO")
    assert page.latitude == pytest.approx(44.12, abs=0.1)
    with pytest.raises(ValidationError, match="Castro \\(BG\\)"):
        add_help_point(index, association, "q", "Castro", None, None)
    assert add_help_point(index, association, "r", "Castro (LE)", None, None).province == "LE"


def test_the_editor_gives_the_patron_day_as_a_day_and_a_month():
    from django.core.exceptions import ValidationError

    _home, index, association = make_site()
    page = add_help_point(
        index, association, "p", "Budrio", None, None, patron_day=10, patron_month=8
    )
    assert page.opening_hours().patron_day == (8, 10)
    with translation.override("en"):
        with pytest.raises(ValidationError, match="both the day and the month"):
            add_help_point(index, association, "q", "Budrio", None, None, patron_day=10)
        with pytest.raises(ValidationError, match="does not have that day"):
            add_help_point(
                index, association, "r", "Budrio", None, None, patron_day=31, patron_month=4
            )


def test_editors_get_inline_hours_and_exceptions_in_the_admin(login_as, django_user_model):
    _home, index, _association = make_site()
    admin = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client = login_as(admin)
    response = client.get(f"/admin/pages/add/services/helppointpage/{index.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("[name='comune']")
    assert soup.select("#id_opening_rules-TOTAL_FORMS")
    assert soup.select("#id_opening_exceptions-TOTAL_FORMS")


def test_open_at_filter_keeps_only_help_points_open_then(demo, client):
    # Friday 4 December 2026 at 22:00: only M.I.A.'s late listening line answers.
    response = client.get(
        "/en/trova-aiuto/",
        {"q": "Budrio", "open": "at", "day": "2026-12-04", "time": "22:00"},
    )
    assert results(response) == ["M.I.A. anti-violence centre, Casalmaggiore"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".status").get_text(strip=True) == "Open until 01:00"
    assert soup.select_one("#finder-open-at").has_attr("checked")
