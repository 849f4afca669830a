"""Open data, feeds and the finder's and workshops' POSTed results, outside the language
prefixes (`?lang=` picks the language)."""

from django.urls import include, path

from .contact.views import keys_view
from .gazetteer import urls as gazetteer
from .help_points import urls as help_points
from .workshops import urls as workshops

urlpatterns = [
    path("api/", include([*help_points.api_urls, *workshops.api_urls, *gazetteer.api_urls])),
    path("calendar/", include(workshops.calendar_urls)),
    path("finder/", include(help_points.results_urls)),
    path("workshops/", include(workshops.results_urls)),
    path("contact/keys/<int:association_id>/", keys_view, name="contact_keys"),
]
