"""Safety headers, the CSP extension API and the database-down page (Django test client)."""

import gzip
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.utils import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from closher.security import SecurityHeadersMiddleware, extend_csp, use_same_origin_referrer

pytestmark = pytest.mark.django_db


def policy(response):
    return {
        part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";")
    }


def respond(view, path="/it/contatti/"):
    request = RequestFactory().get(path)
    return SecurityHeadersMiddleware(view)(request)


def test_public_page_has_a_strict_policy_and_private_caching(demo, client):
    response = client.get("/it/chi-siamo/")

    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert response["Permissions-Policy"].startswith("geolocation=(self), ")
    assert response["Cache-Control"] == "private"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.cookies == {}
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"
    assert not soup.find_all("script", src=False, type=lambda kind: kind != "application/json")
    assert not soup.select("[style]")


def test_pages_travel_compressed_to_a_browser_that_accepts_it(demo, client):
    plain = client.get("/it/laboratori/")
    compressed = client.get("/it/laboratori/", HTTP_ACCEPT_ENCODING="gzip")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3


def test_extend_csp_widens_only_the_response_of_that_request():
    def contact_view(request):
        extend_csp(
            request,
            script_src=["https://www.recaptcha.net", "https://www.gstatic.com"],
            frame_src=["https://www.recaptcha.net"],
        )
        return HttpResponse("<form></form>")

    widened = policy(respond(contact_view))
    plain = policy(respond(lambda request: HttpResponse("<p></p>")))

    assert widened["script-src"] == [
        "'self'",
        "https://www.recaptcha.net",
        "https://www.gstatic.com",
    ]
    assert widened["frame-src"] == ["https://www.recaptcha.net"]
    assert widened["object-src"] == ["'none'"]
    assert plain["script-src"] == ["'self'"]
    assert plain["frame-src"] == ["'none'"]


def test_a_page_with_a_form_can_ask_for_a_same_origin_referrer():
    def form_view(request):
        use_same_origin_referrer(request)
        return HttpResponse("<form method='post'></form>")

    assert respond(form_view)["Referrer-Policy"] == "same-origin"


def test_a_view_setting_its_own_caching_keeps_it():
    def personal_view(request):
        response = HttpResponse("<p>")
        response["Cache-Control"] = "no-store"
        return response

    assert respond(personal_view)["Cache-Control"] == "no-store"


def test_admin_policy_still_keeps_scripts_and_plugins_to_our_origin(client):
    response = client.get("/admin/login/")

    csp = policy(response)
    assert csp["script-src"][0] == "'self'"
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert response["Referrer-Policy"] == "same-origin"


def assert_help_page(response, language, heading):
    """The error page in `language`: its heading, 1522, 112 and the quick exit."""
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == heading
    assert soup.select_one("a[href='tel:1522']")
    assert soup.select_one("a[href='tel:112']")
    assert soup.select_one("a.quick-exit")["href"] == "https://www.meteoam.it/"


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/it/chi-siamo/", "it", "Il sito non è disponibile per il momento"),
        ("/fr/", "fr", "Le site est temporairement indisponible"),
        ("/ro/nope/", "ro", "Site-ul este temporar indisponibil"),
    ],
)
def test_database_errors_give_the_help_page_with_status_503(client, path, language, heading):
    client.raise_request_exception = False
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=OperationalError("down")):
        response = client.get(path)

    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert_help_page(response, language, heading)


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("the database is unavailable")


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/it/chi-siamo/", "it", "Qualcosa non ha funzionato da parte nostra"),
        ("/ar/", "ar", "حدث خطأ من جهتنا"),
        ("/uk/nope/", "uk", "Щось пішло не так з нашого боку"),
    ],
)
def test_other_errors_give_the_500_page_with_the_numbers_and_the_exit(
    client, path, language, heading
):
    client.raise_request_exception = False
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=ValueError("bug")):
        response = client.get(path)

    assert response.status_code == 500
    assert response["Cache-Control"] == "no-store"
    assert_help_page(response, language, heading)


def test_the_500_page_needs_no_database(client):
    client.raise_request_exception = False
    with (
        mock.patch("wagtail.models.Site.find_for_request", side_effect=ValueError("bug")),
        connection.execute_wrapper(refuse_every_query),
    ):
        response = client.get("/fr/")

    assert response.status_code == 500
    assert_help_page(response, "fr", "Un problème est survenu de notre côté")
