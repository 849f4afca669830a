from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("help-points/", views.help_points, name="help-points"),
    path("help-points/hsds/", views.help_points_hsds, name="help-points-hsds"),
]
