"""The sign-in checks every staff account passes: the second factor and lock-out."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user

WRONG_CODE_LIMIT = 5
WRONG_CODES_SESSION_KEY = "two_factor_wrong_codes"


def no_ip_address(request):
    """django-axes counts failures per username: the site keeps no IP address."""
    return None


def needs_second_factor(user):
    """A signed-in account that has not yet given its second factor in this session."""
    return user.is_authenticated and not user.is_verified()


def has_confirmed_device(user):
    """The account has a confirmed device: an authenticator app or recovery codes."""
    return any(devices_for_user(user, confirmed=True))


def too_many_wrong_codes(request):
    """Counts a wrong code in this session; True once it reaches WRONG_CODE_LIMIT.

    django-otp slows down each device after a failure; this also ends the session, so a
    password alone cannot keep guessing codes in it.
    """
    failures = request.session.get(WRONG_CODES_SESSION_KEY, 0) + 1
    request.session[WRONG_CODES_SESSION_KEY] = failures
    return failures >= WRONG_CODE_LIMIT


def redirect_to_second_factor(request):
    """To the code form, or to enrolment when the account has no device yet."""
    name = "two_factor_verify" if has_confirmed_device(request.user) else "two_factor_setup"
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse(name)}?{query}")


def safe_next_url(request, default):
    """The `next` parameter when it points to this site, else `default`."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default
