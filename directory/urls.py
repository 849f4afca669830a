from django.urls import path

from .two_factor import EnrolmentView, SecondFactorView

urlpatterns = [
    path("", SecondFactorView.as_view(), name="directory_otp_verify"),
    path("setup/", EnrolmentView.as_view(), name="directory_otp_setup"),
]
