"""URLs of the HSDS API, the full export and the OpenAPI description (below /api/).

HSDS paths have no trailing slash (`/api/hsds/services`); one is accepted too.
"""

from django.urls import path, re_path

from . import views

RECORD = r"(?P<record_id>[^/]+)"

urlpatterns = [
    path("openapi.json", views.openapi_json, name="openapi"),
    path("help-points/hsds/", views.export, name="help-points-hsds"),
    re_path(r"^hsds/?$", views.root, name="hsds"),
    re_path(r"^hsds/services/?$", views.services, name="hsds-services"),
    re_path(rf"^hsds/services/{RECORD}/?$", views.service, name="hsds-service"),
    re_path(r"^hsds/organizations/?$", views.organizations, name="hsds-organizations"),
    re_path(rf"^hsds/organizations/{RECORD}/?$", views.organization, name="hsds-organization"),
    re_path(
        r"^hsds/service_at_locations/?$",
        views.service_at_locations,
        name="hsds-service-at-locations",
    ),
    re_path(
        rf"^hsds/service_at_locations/{RECORD}/?$",
        views.service_at_location,
        name="hsds-service-at-location",
    ),
]
