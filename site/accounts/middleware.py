"""Every admin URL needs a session verified with the second factor."""

from django.http import HttpResponseForbidden
from django.urls import reverse

from .second_factor import needs_second_factor, redirect_to_second_factor


class SecondFactorMiddleware:
    """Sends a signed-in but unverified account to the second-factor step.

    Covers the whole Wagtail admin except signing in and out, password reset, the icon
    sprite, the translation catalogue its pages load as a script, and the two pages that
    ask for the code or pair an app (those exact addresses: the recovery-codes page below
    them needs a verified session). Only a page navigation is redirected: a background
    request gets a plain 403, so it can never take the place of where she was going.
    Private pages and documents outside the admin ask `needs_second_factor` themselves
    (the directory's hooks).
    """

    open_url_names = [
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    ]
    second_factor_url_names = ["two_factor_verify", "two_factor_setup"]

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_second_factor(request.user) and self.is_protected(request.path):
            navigation = request.headers.get("Sec-Fetch-Dest", "document") == "document"
            if request.method != "GET" or not navigation:
                return HttpResponseForbidden()
            return redirect_to_second_factor(request)
        return self.get_response(request)

    def is_protected(self, path):
        if not path.startswith(reverse("wagtailadmin_home")):
            return False
        if any(path == reverse(name) for name in self.second_factor_url_names):
            return False
        return not any(path.startswith(reverse(name)) for name in self.open_url_names)
