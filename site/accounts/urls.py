"""The second-factor pages, mounted under /admin/two-factor/ by closher.urls."""

from django.urls import path

from .two_factor import EnrolmentView, RecoveryCodesView, SecondFactorView

urlpatterns = [
    path("", SecondFactorView.as_view(), name="two_factor_verify"),
    path("setup/", EnrolmentView.as_view(), name="two_factor_setup"),
    path("recovery-codes/", RecoveryCodesView.as_view(), name="two_factor_recovery_codes"),
]
