"""An operator signs in with a TOTP code and finds the Casalmaggiore housing."""

import pytest

from .helpers import OriginRecorder, admin_login, assert_accessible, create_staff_user

pytestmark = pytest.mark.browser

OPERATORS_MIA = "Operators – M.I.A. Movimento Incontro Ascolto"
PASSWORD = "una password lunga di prova"


def test_operator_finds_the_casalmaggiore_housing_and_its_availability(
    site_server, base_url, context, page
):
    origins = OriginRecorder(context, base_url)
    secret = create_staff_user(site_server, "operatrice_mia", PASSWORD, groups=[OPERATORS_MIA])

    page.goto(f"{base_url}/en/riservato/")
    assert "/admin/login/" in page.url  # nothing without signing in

    admin_login(page, base_url, "operatrice_mia", PASSWORD, secret, next_url="/en/riservato/")
    assert page.url.endswith("/en/riservato/")
    assert_accessible(page)

    page.fill("#directory-q", "autonomia")
    page.select_option("#directory-kind", "housing")
    page.select_option("#directory-comune", "Casalmaggiore")
    page.check("#directory-available")
    page.get_by_role("button", name="Search").click()
    results = page.locator(".cards .card__title")
    assert results.count() == 2  # units 1 and 4 have free places
    assert_accessible(page)

    page.get_by_role("link", name="Alloggio 4").click()
    availability = page.locator(".availability").inner_text()
    assert "2 places free of 4" in availability
    assert "updated" in availability
    assert "M.I.A. Movimento Incontro Ascolto" in page.content()
    assert_accessible(page)
    origins.assert_none()


def test_second_factor_is_required_for_admin_accounts_too(site_server, base_url, page):
    secret = create_staff_user(site_server, "amministratrice", PASSWORD, superuser=True)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "amministratrice")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_selector("#id_otp_token")
    page.goto(f"{base_url}/admin/pages/")
    assert "/admin/two-factor/" in page.url
    admin_login(page, base_url, "amministratrice", PASSWORD, secret)
    page.goto(f"{base_url}/admin/reports/directory-views/")
    assert "Consultazioni delle risorse riservate" in page.content()
