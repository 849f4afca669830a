"""The help points API and the HSDS open data, mounted under /api/, and the finder's
POSTed results, under /finder/, by services/urls.py."""

from django.urls import include, path

from . import views

api_urls = [
    path("help-points/", views.help_points, name="help-points"),
    path("", include("services.hsds.urls")),
]
results_urls = [
    path("results/", views.finder_results, name="finder_results"),
]
