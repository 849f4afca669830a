"""Workshop calendars and API, mounted under /calendar/ and /api/ by services/urls.py."""

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
]
api_urls = [
    path("workshops/", views.workshops_api, name="workshops_api"),
]
