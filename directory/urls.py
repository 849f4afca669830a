"""The second-factor pages, mounted under /admin/two-factor/ by admin_views.py."""

from django.urls import path

from .two_factor import EnrolmentView, RecoveryCodesView, SecondFactorView

urlpatterns = [
    path("", SecondFactorView.as_view(), name="directory_otp_verify"),
    path("setup/", EnrolmentView.as_view(), name="directory_otp_setup"),
    path("recovery-codes/", RecoveryCodesView.as_view(), name="directory_otp_recovery_codes"),
]
