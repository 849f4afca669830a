"""POST /api/places/: suggestions as she types, on our own origin, leaving no trace."""

import logging

import pytest
from django.test import Client

URL = "/api/places/"


@pytest.fixture
def client():
    # As a browser would: the CSRF check is enforced, and the endpoint is exempt from it.
    return Client(enforce_csrf_checks=True)


def places(client, **data):
    response = client.post(URL, data)
    assert response.status_code == 200, response.content
    return response.json()["places"]


def test_reggio_emilia_gives_the_comune_with_its_label_province_and_code(client):
    found = places(client, q="Reggio Emilia")
    assert found[0] == {
        "label": "Reggio nell'Emilia (RE)",
        "name": "Reggio nell'Emilia",
        "province": "RE",
        "code": "035033",
    }


def test_a_prefix_gives_at_most_eight_larger_comuni_first(client):
    found = places(client, q="bo")
    assert len(found) == 8
    assert found[0]["label"] == "Bologna (BO)"
    assert all(place["name"].lower().startswith("bo") for place in found[:3])


def test_prefix_matches_come_before_typos(client):
    labels = [place["label"] for place in places(client, q="Bolog")]
    assert labels[0] == "Bologna (BO)"
    assert "Bologna (BO)" in [place["label"] for place in places(client, q="Bolgna")]


def test_a_shared_name_gives_every_comune_that_has_it(client):
    labels = [place["label"] for place in places(client, q="Castro")]
    assert labels[:2] == ["Castro (BG)", "Castro (LE)"]


def test_a_cap_prefix_gives_its_comuni(client):
    assert "Budrio (BO)" in [place["label"] for place in places(client, q="4005")]


def test_it_is_never_cached_and_sets_no_cookie(client):
    response = client.post(URL, {"q": "Budrio"})
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Access-Control-Allow-Origin" not in response


def test_get_is_refused(client):
    assert client.get(URL, {"q": "Budrio"}).status_code == 405


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"q": "", "lang": "en"}, "Type the first letters of a place."),
        ({"q": "   ", "lang": "en"}, "Type the first letters of a place."),
        ({"lang": "en"}, "Type the first letters of a place."),
        ({"q": "x" * 101, "lang": "en"}, "The place is too long."),
        ({"q": "Budrio", "lang": "xx"}, "it, en, fr, ar, ro, uk"),
    ],
)
def test_bad_input_is_a_400_with_a_reason(client, data, reason):
    response = client.post(URL, data)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert "no-store" in response["Cache-Control"]


def test_the_reason_is_in_her_language(client):
    for lang in ("it", "fr", "ar", "ro", "uk"):
        response = client.post(URL, {"q": "", "lang": lang})
        assert response.json()["error"] != "Type the first letters of a place.", lang


def test_what_she_types_is_never_logged(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post(URL, {"q": "Casalecchio di Reno"})
        client.post(URL, {"q": "Casalecchio" * 10})
    assert "Casalecchio" not in caplog.text


def test_comuni_whose_own_name_starts_so_come_before_those_an_alias_names(client):
    # "Sampierdarena", a quarter of Genova, starts with "sa" too.
    labels = [place["label"] for place in places(client, q="sa")]
    assert all(label.lower().startswith("sa") for label in labels), labels
    assert places(client, q="Sampierdarena")[0]["label"] == "Genova (GE)"
