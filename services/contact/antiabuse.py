"""Anti-abuse without tracking: a signed timestamp and a per-IP rate limit on a salted hash.

The address is used only as an input to an HMAC whose key is the site's secret and
the current time window; the cache holds that digest and a counter, never the address.
An IPv6 address counts for its whole /64 (one subscriber gets a /64 and can use any
address in it). X-Forwarded-For is believed only from the proxies in FORWARDED_ALLOW_IPS.
"""

import ipaddress
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


def check_timestamp(value):
    """Raise TooFast or Expired unless the stamp was issued between 3 s and 2 h ago."""
    try:
        issued = signing.loads(value or "", salt=TIMESTAMP_SALT, max_age=settings.CONTACT_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise Expired from error
    if time.time() - float(issued) < settings.CONTACT_MIN_SECONDS:
        raise TooFast


def _rate_key(address):
    window = int(time.time() // (settings.CONTACT_RATE_WINDOW_MINUTES * 60))
    digest = salted_hmac(RATE_SALT, f"{window}:{address}", algorithm="sha256").hexdigest()
    return f"contact-rate:{digest}"


def _ip(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _listed_proxy(ip):
    """Whether `ip` is among the addresses and networks of FORWARDED_ALLOW_IPS."""
    return any(
        ip in ipaddress.ip_network(item, strict=False)
        for item in settings.FORWARDED_ALLOW_IPS
        if item != "*"
    )


def _peer_is_proxy(peer):
    """Whether the peer may tell us who it forwards for, as gunicorn decides it.

    "*" trusts any peer; a peer without an IP address is a Unix socket, reachable
    only from this machine.
    """
    ip = _ip(peer)
    return "*" in settings.FORWARDED_ALLOW_IPS or ip is None or _listed_proxy(ip)


def client_address(request):
    """The sender's address: the peer's, or the one our proxies were connected from.

    Each proxy appends the address it was connected from to X-Forwarded-For, so the
    right-most entry that is not one of our listed proxies is the sender; what lies to
    its left was written by the sender and is ignored. From any other peer the header
    is ignored: anyone can write it.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if not hops or not _peer_is_proxy(peer):
        return peer
    for hop in reversed(hops):
        ip = _ip(hop)
        if ip is None or not _listed_proxy(ip):
            return hop
    return hops[0]


def rate_group(address):
    """What one sender controls: an IPv4 address, or the /64 of an IPv6 address."""
    ip = _ip(address)
    if ip is None:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network((ip, 64), strict=False))
    return str(ip)


def over_rate_limit(request):
    """Count this submission for the sender's address; True past the limit in the window."""
    key = _rate_key(rate_group(client_address(request)))
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
