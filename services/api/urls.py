from django.urls import include, path

from . import views

app_name = "api"
urlpatterns = [
    path("help-points/", views.help_points, name="help-points"),
    path("", include("services.hsds.urls")),
]
