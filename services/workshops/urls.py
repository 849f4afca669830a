"""Workshop calendars, API and the workshops page's POSTed results, mounted under
/calendar/, /api/ and /workshops/ by services/urls.py."""

from django.urls import path

from . import views

calendar_urls = [
    path("workshops.ics", views.all_workshops_ics, name="workshops_ics"),
    path(
        "associations/<slug:slug>.ics",
        views.association_ics,
        name="association_workshops_ics",
    ),
    path("workshops/<slug:slug>.ics", views.workshop_ics, name="workshop_ics"),
    path("workshops/<slug:slug>/<str:day>.ics", views.workshop_date_ics, name="workshop_date_ics"),
]
api_urls = [
    path("workshops/", views.workshops_api, name="workshops_api"),
]
results_urls = [
    path("results/", views.workshop_results, name="workshop_results"),
]
