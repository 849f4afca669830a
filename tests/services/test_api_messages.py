"""Every error message of the JSON APIs comes in the language of `?lang=`."""

import pytest
from django.utils import translation

from home.locales import ensure_locales

pytestmark = pytest.mark.django_db

# (URL, bad parameters): one request per kind of error each API answers with a 400 or 404.
ERRORS = [
    ("/api/workshops/", {"limit": "0"}),
    ("/api/workshops/", {"page": "zero"}),
    ("/api/workshops/", {"from": "ieri"}),
    ("/api/workshops/", {"from": "2026-05-01", "to": "2026-04-01"}),
    ("/api/help-points/", {"near": "Zzyzxville"}),
    ("/api/help-points/", {"limit": "0"}),
    ("/api/help-points/", {"page": "0"}),
    ("/api/help-points/", {"lat": "north", "lng": "9"}),
    ("/api/help-points/", {"lat": "45"}),
    ("/api/help-points/", {"at": "ieri"}),
    ("/api/help-points/", {"open_now": "5"}),
    ("/api/help-points/", {"near": "x" * 300}),
    ("/api/hsds/services", {"per_page": "0"}),
    ("/api/hsds/services", {"proximity": "5"}),
    ("/api/hsds/services/00000000-0000-0000-0000-000000000000", {}),
]


def messages(answer):
    """The error and every reason of an error answer, as a flat list of texts."""
    found = [answer["error"]]
    for reasons in answer.get("reasons", {}).values():
        found += [reason["message"] if isinstance(reason, dict) else reason for reason in reasons]
    return found


@pytest.fixture
def locales(db):
    ensure_locales()


@pytest.mark.parametrize(("url", "params"), ERRORS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_each_api_error_is_translated(client, locales, url, params, language):
    english = client.get(url, {**params, "lang": "en"})
    answer = client.get(url, {**params, "lang": language})

    assert answer.status_code == english.status_code
    assert answer.status_code in (400, 404)
    texts, english_texts = messages(answer.json()), messages(english.json())
    assert len(texts) == len(english_texts)
    for text, english_text in zip(texts, english_texts, strict=True):
        assert text.strip()
        assert text != english_text, (url, params, language, text)


@pytest.mark.parametrize("url", ["/api/workshops/", "/api/help-points/", "/api/hsds/services"])
def test_an_unknown_language_is_refused_in_the_browsers_language(client, locales, url):
    answer = client.get(url, {"lang": "xx"}, headers={"accept-language": "fr"})

    assert answer.status_code == 400
    with translation.override("fr"):
        expected = translation.gettext("lang must be one of: %(codes)s") % {
            "codes": "it, en, fr, ar, ro, uk"
        }
    assert expected in messages(answer.json())
