"""Every id or number a public URL takes: a bad value is a 400 or a form error, never a 500.

The list names each place a public view reads an id (or a number) from the path, the
query string or a form; the test sends each the values an attacker tries first.
"""

import time
from html import unescape
from unittest import mock

import pytest
from django.core import signing
from django.core.cache import cache

from services.contact.antiabuse import TIMESTAMP_SALT

BAD_VALUES = {
    "non-numeric": "abc",
    "huge": "99999999999999999999",
    "negative": "-1",
    "empty": "",
}
CONTACT = "/it/scrivici/"
MESSAGE = "Ho bisogno di parlare con qualcuno, ma non posso telefonare."

# (method, URL, parameter): the value goes into the parameter, or into the path's {}.
ENTRY_POINTS = [
    ("get", CONTACT, "help_point"),
    ("get", CONTACT, "association"),
    ("post", CONTACT, "help_point"),
    ("post", CONTACT, "association"),
    ("get", "/it/laboratori/", "association"),
    ("get", "/it/laboratori/", "day"),
    ("get", "/it/associazioni/mondodonna/mindfulness/", "dates"),
    ("get", "/calendar/workshops/mindfulness/{}.ics", None),
    ("get", "/api/workshops/", "association"),
    ("get", "/calendar/workshops.ics", "lang"),
    ("get", "/api/help-points/", "limit"),
    ("get", "/api/help-points/", "lat"),
    ("get", "/api/help-points/hsds/", "limit"),
    ("get", "/api/help-points/", "page"),
    ("get", "/api/workshops/", "page"),
    ("get", "/api/hsds/services", "page"),
    ("get", "/api/hsds/services", "per_page"),
    ("get", "/api/hsds/service_at_locations", "proximity"),
    ("get", "/api/hsds/services/{}", None),
    ("get", "/api/hsds/service_at_locations/{}", None),
    ("get", "/api/hsds/organizations/{}", None),
    ("get", "/it/trova-aiuto/?q=Bologna", "limit"),
    ("get", "/it/trova-aiuto/?q=Bologna", "lat"),
    ("get", "/documents/{}/modulo.pdf", None),
    ("get", "/documents/authenticate_with_password/{}/", None),
    ("post", "/documents/authenticate_with_password/{}/", None),
    ("get", "/it/_util/authenticate_with_password/{}/{}/", None),
    ("post", "/it/_util/authenticate_with_password/{}/{}/", None),
]


def contact_form(**overrides):
    """What she filled in, with a timestamp from half a minute ago."""
    then = time.time() - 30
    with mock.patch("django.core.signing.time.time", return_value=then):
        started = signing.dumps(then, salt=TIMESTAMP_SALT)
    return {
        "help_point": "",
        "association": "",
        "comune": "",
        "message": MESSAGE,
        "channel": "none",
        "contact_detail": "",
        "safe_times": "",
        "voicemail": "no",
        "language": "it",
        "website": "",
        "started": started,
        **overrides,
    }


def request(client, method, url, parameter, value):
    if parameter is None:
        url = url.replace("{}", value)
    if method == "post":
        data = contact_form(**{parameter: value}) if url == CONTACT else {"password": "x"}
        return client.post(url, data)
    separator = "&" if "?" in url else "?"
    return client.get(f"{url}{separator}{parameter}={value}" if parameter else url)


@pytest.mark.parametrize(
    ("method", "url", "parameter"),
    ENTRY_POINTS,
    ids=[f"{method} {url} {parameter or 'path'}" for method, url, parameter in ENTRY_POINTS],
)
def test_a_malformed_id_never_gives_a_server_error(demo, client, method, url, parameter):
    client.raise_request_exception = False
    responses = {}
    for name, value in BAD_VALUES.items():
        cache.clear()  # the contact form's rate limit
        responses[name] = request(client, method, url, parameter, value)

    statuses = {name: response.status_code for name, response in responses.items()}
    assert max(statuses.values()) < 500, statuses
    if method == "post" and url == CONTACT:
        for name in ("non-numeric", "huge", "negative"):
            html = unescape(responses[name].content.decode())
            assert statuses[name] == 200, name
            assert "contact-errors" in html, name  # "Your message has not been sent yet"
            assert MESSAGE in html, name  # her text is still there
