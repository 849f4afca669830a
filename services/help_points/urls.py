"""The help points API, mounted under /api/ by services/urls.py."""

from django.urls import path

from . import views

api_urls = [
    path("help-points/", views.help_points, name="help-points"),
    path("help-points/hsds/", views.help_points_hsds, name="help-points-hsds"),
]
