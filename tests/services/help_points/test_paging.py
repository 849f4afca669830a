"""A client reads everything: with 250 help points every page of every API holds each
one exactly once, and the workshops API pages its sessions the same way."""

import pytest

from .help_points_data import bulk_help_points, make_site
from .hsds_rules import assert_valid_page

pytestmark = pytest.mark.django_db

COUNT = 250


@pytest.fixture
def many(db):
    _home, index, association = make_site()
    bulk_help_points(index, association, COUNT)


def _hsds_pages(client, path, **params):
    pages, number = [], 1
    while True:
        data = client.get(path, {"page": number, "per_page": 100, **params}).json()
        pages.append(data)
        if data["last_page"]:
            return pages
        number += 1


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/hsds/services", {}),
        ("/api/hsds/service_at_locations", {"full": "true"}),
        ("/api/hsds/services", {"postcode": "Roma", "proximity": "2000000"}),
    ],
)
def test_hsds_pages_hold_every_help_point_exactly_once(client, many, path, params):
    pages = _hsds_pages(client, path, **params)
    kind = "service" if path.endswith("services") else "service_at_location"
    for data in pages:
        assert_valid_page(data, kind)
    ids = [record["id"] for data in pages for record in data["contents"]]
    assert len(ids) == len(set(ids)) == COUNT
    assert [data["page_number"] for data in pages] == [1, 2, 3]
    assert {(data["total_items"], data["total_pages"]) for data in pages} == {(COUNT, 3)}
    assert [data["size"] for data in pages] == [100, 100, 50]
    past_the_end = client.get(path, {"page": 4, "per_page": 100, **params}).json()
    assert past_the_end["empty"] and past_the_end["contents"] == []


def _follow(client, url, params):
    """Every result, following `next` from the first page."""
    results, pages = [], 0
    response = client.get(url, params)
    while True:
        data = response.json()
        assert response.status_code == 200, data
        results.extend(data["results"])
        pages += 1
        if data["next"] is None:
            return results, pages
        response = client.get(data["next"])


@pytest.mark.parametrize(
    "params",
    [{}, {"near": "Budrio", "limit": "100"}, {"lat": "45.46", "lng": "9.19", "limit": "37"}],
)
def test_help_points_api_next_links_reach_every_help_point_exactly_once(client, many, params):
    results, pages = _follow(client, "/api/help-points/", params)
    slugs = [result["slug"] for result in results]
    assert len(slugs) == len(set(slugs)) == COUNT
    size = int(params.get("limit", 100))
    assert pages == -(-COUNT // size)
    if "near" in params or "lat" in params:
        # Nearest first within each page; pages follow one another outwards (cut by the
        # database's flat-earth distance, so only about the same at the edges).
        first_page = [result["distance_km"] for result in results[:size]]
        assert first_page == sorted(first_page)
        assert max(first_page) <= min(r["distance_km"] for r in results[size:]) * 1.02


def test_a_page_past_the_end_is_empty_and_a_bad_page_is_a_400(client, many):
    data = client.get("/api/help-points/", {"page": "4"}).json()
    assert (data["results"], data["page"], data["next"]) == ([], 4, None)
    for bad in ("0", "-1", "abc", "²", "9" * 5000):
        response = client.get("/api/help-points/", {"page": bad, "lang": "en"})
        assert response.status_code == 400
        assert response.json()["error"] == "page must be a whole number from 1 to 1000000."


def test_workshops_api_pages_with_next_links(client, make_workshop):
    for title in ("Yoga", "Scrittura", "Ascolto"):
        make_workshop(title=title, slug=title.lower())
    window = {"from": "2026-03-19", "to": "2026-05-14"}
    everything = client.get("/api/workshops/", {**window, "limit": "500"}).json()
    assert everything["next"] is None and len(everything["results"]) == 3 * 9
    results, pages = _follow(client, "/api/workshops/", {**window, "limit": "5"})
    assert results == everything["results"]
    assert pages == 6
    bad = client.get("/api/workshops/", {**window, "page": "0", "lang": "en"})
    assert bad.status_code == 400
    assert bad.json()["reasons"] == {
        "page": [{"message": "page must be a whole number from 1 to 1000000.", "code": "invalid"}]
    }
