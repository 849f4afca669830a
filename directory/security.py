"""Account security shared by every staff account: the second factor and lock-out."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user

PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow"}


def mark_private(response):
    """Never cached by anyone, never indexed."""
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


def no_ip_address(request):
    """django-axes counts failures per username: the site keeps no IP address."""
    return None


def needs_second_factor(user):
    """A signed-in account that has not yet given its second factor in this session."""
    return user.is_authenticated and not user.is_verified()


def has_confirmed_device(user):
    """The account has paired an authenticator app (a confirmed TOTP device)."""
    return any(devices_for_user(user, confirmed=True))


def redirect_to_second_factor(request, next_url=None):
    """To the code form, or to enrolment when the account has no device yet."""
    name = "directory_otp_verify" if has_confirmed_device(request.user) else "directory_otp_setup"
    query = urlencode({"next": next_url or request.get_full_path()})
    return redirect(f"{reverse(name)}?{query}")


def safe_next_url(request, default):
    """The `next` parameter when it points to this site, else `default`."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default
