"""Anti-abuse without tracking: a signed timestamp and a per-IP rate limit on a salted hash.

The address is used only as an input to an HMAC whose key is the site's secret and
the current time window; the cache holds that digest and a counter, never the address.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

TIMESTAMP_SALT = "services.contact.started"
RATE_SALT = "services.contact.rate"


class TooFast(Exception):
    """Sent sooner after the page was shown than a person can write."""


class Expired(Exception):
    """The page was shown too long ago (or the stamp is not ours)."""


def issue_timestamp():
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


def check_timestamp(value, now=None):
    """Raise TooFast or Expired unless the stamp was issued between 3 s and 2 h ago."""
    now = time.time() if now is None else now
    try:
        issued = signing.loads(value or "", salt=TIMESTAMP_SALT, max_age=settings.CONTACT_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise Expired from error
    if now - float(issued) < settings.CONTACT_MIN_SECONDS:
        raise TooFast


def _rate_key(address):
    window = int(time.time() // (settings.CONTACT_RATE_WINDOW_MINUTES * 60))
    digest = salted_hmac(RATE_SALT, f"{window}:{address}", algorithm="sha256").hexdigest()
    return f"contact-rate:{digest}"


def client_address(request):
    """The sender's address: behind our TLS proxy, the one it appended to X-Forwarded-For."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def over_rate_limit(request):
    """Count this submission for the sender's address; True past the limit in the window."""
    key = _rate_key(client_address(request))
    timeout = settings.CONTACT_RATE_WINDOW_MINUTES * 60
    if cache.add(key, 1, timeout):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout)
            count = 1
    return count > settings.CONTACT_RATE_LIMIT
