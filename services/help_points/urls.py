"""The help points API and the HSDS open data, mounted under /api/ by services/urls.py."""

from django.urls import include, path

from . import views

api_urls = [
    path("help-points/", views.help_points, name="help-points"),
    path("", include("services.hsds.urls")),
]
