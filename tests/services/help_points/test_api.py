"""The open-data API: shape, nearest first, hidden addresses, languages, 400s never 500s."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .help_points_data import add_help_point, make_site

pytestmark = pytest.mark.django_db

RESULT_KEYS = {
    "patron_day",
    "slug",
    "name",
    "url",
    "association",
    "kind",
    "address",
    "address_visibility",
    "comune",
    "istat_code",
    "latitude",
    "longitude",
    "distance_km",
    "open_now",
    "next_change",
    "status_message",
    "phones",
    "position_exact",
    "languages",
    "service_codes",
    "services",
    "opening_hours",
    "exceptions",
}


@pytest.fixture
def points(db):
    import datetime as dt

    from services.models import HelpPointPhone, OpeningException, OpeningRule

    _home, index, association = make_site()
    budrio = add_help_point(
        index,
        association,
        "budrio",
        "Budrio",
        44.5642,
        11.5425,
        istat_code="037008",
        province="BO",
        address="Via Garibaldi 10",
        languages="it ar",
        services="Ascolto\nConsulenza legale",
        phones=[HelpPointPhone(number="+39 051 000 0101")],
        opening_rules=[
            OpeningRule(monday=True, thursday=True, opens=dt.time(9), closes=dt.time(13))
        ],
        opening_exceptions=[
            OpeningException(
                date_from=dt.date(2026, 12, 24), date_to=dt.date(2026, 12, 26), reason="holiday"
            )
        ],
    )
    hidden = add_help_point(
        index,
        association,
        "riservato",
        "Molinella",
        44.6186,
        11.6680,
        istat_code="037038",
        province="BO",
        address="Via Segreta 1",
        address_visibility="hidden",
    )
    return budrio, hidden


def test_near_budrio_has_the_documented_shape(client, points):
    response = client.get("/api/help-points/", {"near": "Budrio", "at": "2026-03-30T08:30:00Z"})
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == {
        "near": "Budrio",
        "resolved": {
            "comune": "Budrio",
            "istat_code": "037008",
            "province": "BO",
            "latitude": 44.5642,
            "longitude": 11.5425,
        },
        "at": "2026-03-30T08:30:00+00:00",
    }
    assert data["candidates"] == []
    first = data["results"][0]
    assert set(first) == RESULT_KEYS
    assert first["slug"] == "budrio"
    assert first["association"] == {"slug": "mondodonna", "name": "MondoDonna"}
    assert first["distance_km"] == 0.0
    assert first["open_now"] is True
    assert first["next_change"] == "2026-03-30T13:00:00+02:00"
    assert first["status_message"] == "Aperto fino alle 13:00"
    assert first["phones"] == ["+39 051 000 0101"]
    assert first["languages"] == ["it", "ar"]
    assert first["services"] == ["Ascolto", "Consulenza legale"]
    assert first["opening_hours"] == [
        {
            "days": ["mo", "th"],
            "opens": "09:00",
            "closes": "13:00",
            "valid_from": None,
            "valid_to": None,
            "mode": "in_person",
        }
    ]
    assert first["exceptions"][0]["date_from"] == "2026-12-24"
    assert first["exceptions"][0]["closed"] is True
    assert first["url"].endswith("/it/punti-di-aiuto/budrio/")


def test_hidden_address_has_no_address_only_its_comune_and_a_rounded_distance(client, points):
    from services import gazetteer

    data = client.get("/api/help-points/", {"near": "Budrio"}).json()
    hidden = data["results"][1]
    assert hidden["slug"] == "riservato"
    molinella = gazetteer.by_istat_code("037038")
    assert hidden["address"] is None
    assert (hidden["latitude"], hidden["longitude"]) == (molinella.latitude, molinella.longitude)
    assert hidden["position_exact"] is False
    assert data["results"][0]["position_exact"] is True
    assert hidden["distance_km"] == float(round(hidden["distance_km"]))
    assert "Via Segreta" not in client.get("/api/help-points/hsds/").content.decode()


def test_labels_in_the_language_asked(client, points):
    data = client.get(
        "/api/help-points/", {"near": "Budrio", "at": "2026-03-30T08:30:00Z", "lang": "en"}
    ).json()
    assert data["results"][0]["status_message"] == "Open until 13:00"


def test_ambiguous_name_lists_candidates_and_no_results(client, points):
    data = client.get("/api/help-points/", {"near": "Castro"}).json()
    assert data["results"] == []
    assert [(c["comune"], c["province"]) for c in data["candidates"]] == [
        ("Castro", "BG"),
        ("Castro", "LE"),
    ]


def test_open_now_filter(client, points):
    closed = client.get("/api/help-points/", {"open_now": "1", "at": "2026-03-30T15:00:00Z"})
    assert closed.json()["results"] == []
    opened = client.get("/api/help-points/", {"open_now": "1", "at": "2026-03-30T08:30:00Z"})
    assert [r["slug"] for r in opened.json()["results"]] == ["budrio"]


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "abc", "lng": "11"},
        {"lat": "44"},
        {"lat": "nan", "lng": "11"},
        {"lat": "44", "lng": "200"},
        {"at": "yesterday"},
        {"at": "9999-12-31T23:59:00-23:00"},
        {"at": "0001-01-01T00:00:00+05:00"},
        {"at": "2026-02-30T10:00:00Z"},
        {"limit": "0"},
        {"limit": "-3"},
        {"limit": "²"},
        {"limit": "101"},
        {"lang": "xx"},
        {"open_now": "maybe"},
        {"near": "x" * 500},
        {"near": "Atlantide"},
    ],
)
def test_bad_parameters_get_a_400_with_a_reason(client, points, params):
    response = client.get("/api/help-points/", params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_hsds_export_is_every_service_fully_nested(client, points):
    data = client.get("/api/help-points/hsds/").json()
    assert (data["version"], data["total_items"], data["last_page"]) == ("3.0", 2, True)
    budrio = next(service for service in data["contents"] if service["name"] == "Sportello Budrio")
    at_budrio = budrio["service_at_locations"][0]
    assert {s["byday"] for s in at_budrio["schedules"] if "byday" in s} == {"MO,TH"}
    assert at_budrio["location"]["addresses"][0]["city"] == "Budrio"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(["near", "lat", "lng", "open_now", "at", "limit", "lang"]),
        st.one_of(
            st.text(max_size=60),
            st.floats(allow_nan=True, allow_infinity=True).map(str),
            st.datetimes().map(lambda d: d.isoformat()),
            st.integers().map(str),
        ),
    )
)
def test_fuzzed_parameters_never_give_a_500(client, points, params):
    for path in ("/api/help-points/", "/api/help-points/hsds/"):
        response = client.get(path, params)
        assert response.status_code in (200, 400)
        assert response["Content-Type"] == "application/json"
