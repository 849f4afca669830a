"""The place suggestions, mounted under /api/ by services/urls.py."""

from django.urls import path

from . import views

api_urls = [path("places/", views.places, name="places")]
