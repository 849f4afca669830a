"""Workshop calendars, API and the workshops page's POSTed results, outside the language
prefixes (see site/urls.py)."""

from django.urls import path

from . import workshop_views
from .workshops import overview

urlpatterns = [
    path("calendar/workshops.ics", workshop_views.all_workshops_ics, name="workshops_ics"),
    path(
        "calendar/associations/<slug:slug>.ics",
        workshop_views.association_ics,
        name="association_workshops_ics",
    ),
    path("calendar/workshops/<slug:slug>.ics", workshop_views.workshop_ics, name="workshop_ics"),
    path(
        "calendar/workshops/<slug:slug>/<str:day>.ics",
        workshop_views.workshop_date_ics,
        name="workshop_date_ics",
    ),
    path("api/workshops/", workshop_views.workshops_api, name="workshops_api"),
    path("workshops/results/", overview.results, name="workshop_results"),
]
