"""/api/openapi.json stays true: schemathesis sends generated requests (valid and
invalid) to every operation it describes, in-process, and checks each answer: never a
5xx, a status code, content type and body the description allows. Real answers with real
ids are checked against it too, since random ids only reach the 404s."""

import pytest
import schemathesis
from django.test import RequestFactory
from django.test.client import ClientHandler
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from services.hsds import ids, openapi

from .hsds_data import hsds_network

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def wsgi_app(environ, start_response):
    """The site as a WSGI app over Django's test handler, so that every request shares
    the test's database transaction (the real handler would close the connection).
    Answers are not compressed: werkzeug's test client would not decompress them."""
    environ = {key: value for key, value in environ.items() if key != "HTTP_ACCEPT_ENCODING"}
    response = ClientHandler(enforce_csrf_checks=False)(environ)
    start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
    return [response.content]


schema = schemathesis.openapi.from_dict(openapi.document(RequestFactory().get("/")))


@pytest.fixture
def help_points(db):
    return hsds_network()


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_answers_as_described(case, help_points):
    case.call_and_validate(checks=CHECKS, app=wsgi_app)


@pytest.mark.django_db
def test_real_answers_match_the_description():
    points = hsds_network()
    loaded = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)
    served = {key: value for key, value in loaded.raw_schema.items() if key != "servers"}
    assert served == {key: value for key, value in schema.raw_schema.items() if key != "servers"}
    assert loaded.raw_schema["servers"] == [{"url": "http://localhost"}]
    organization_id = ids.organization(points["budrio"].association)
    requests = [
        ("/api/help-points/", None, {"near": "Budrio", "at": "2026-03-30T08:30:00Z"}),
        ("/api/help-points/", None, {"near": "Castro"}),
        ("/api/help-points/", None, {"near": "Atlantide"}),
        ("/api/help-points/", None, {"limit": "1"}),
        ("/api/help-points/hsds/", None, {}),
        ("/api/hsds/", None, {}),
        ("/api/hsds/services", None, {"full": "true", "per_page": "2"}),
        ("/api/hsds/service_at_locations", None, {"full": "true"}),
        ("/api/hsds/organizations", None, {"full": "true"}),
        ("/api/hsds/organizations/{id}", organization_id, {}),
        ("/api/workshops/", None, {"page": "0"}),
    ]
    for point in points.values():
        requests += [
            ("/api/hsds/services/{id}", ids.service(point), {}),
            ("/api/hsds/service_at_locations/{id}", ids.service_at_location(point), {}),
        ]
    for path, record_id, params in requests:
        path_parameters = {"id": record_id} if record_id else None
        case = loaded[path]["GET"].Case(path_parameters=path_parameters, query=params)
        response = case.call_and_validate(checks=CHECKS)
        assert response.status_code == (
            400 if "page" in params or "Atlantide" in str(params) else 200
        )
