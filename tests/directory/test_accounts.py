"""Account security for every staff account: second factor, lock-out, idle expiry, reset."""

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Page

from .conftest import UserFactory, operators_of

PASSWORD = "a long test password"


def sign_in(client, username, password=PASSWORD, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("wagtailadmin_login"), data)


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


@pytest.fixture
def operator(directory_demo):
    return UserFactory(username="operatrice", groups=[operators_of("mia")])


def directory_url():
    return Page.objects.get(slug="riservato", locale__language_code="it").url


def test_a_password_alone_does_not_open_the_directory_or_the_admin(operator):
    TOTPDevice.objects.create(user=operator, name="phone", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    sign_in(client, "operatrice")
    private_document = get_document_model().objects.get(title="Protocollo di rete (esempio)")
    for url in [directory_url(), reverse("wagtailadmin_home"), private_document.url]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor_verify"))
    assert "Alloggio" not in client.get(directory_url(), follow=True).content.decode()


def test_first_login_enrols_an_authenticator_then_opens_the_directory(operator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no pause after the wrong code below
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = sign_in(client, "operatrice", next_url=directory_url())
    response = client.get(response["Location"], follow=True)
    page = response.content.decode()
    assert "Protect your account with a second step" in page
    assert "<svg" in page  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=operator, confirmed=False)
    wrong = client.post(reverse("two_factor_setup"), {"otp_token": "000000"})
    assert "This code is not valid" in wrong.content.decode()
    response = client.post(
        reverse("two_factor_setup"),
        {"otp_token": code_for(device), "next": directory_url()},
        follow=True,
    )
    assert "Write them down or print them now" in response.content.decode()  # recovery codes
    assert f'href="{directory_url()}">Done, continue' in response.content.decode()
    assert "Alloggio 1" in client.get(directory_url()).content.decode()
    device.refresh_from_db()
    assert device.confirmed


def test_a_code_from_the_app_completes_the_login(operator):
    device = TOTPDevice.objects.create(user=operator, name="phone", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    sign_in(client, "operatrice")
    response = client.post(
        reverse("two_factor_verify"),
        {"otp_token": code_for(device), "next": directory_url()},
        follow=True,
    )
    assert "Alloggio 1" in response.content.decode()


def test_the_next_address_cannot_send_elsewhere(operator):
    device = TOTPDevice.objects.create(user=operator, name="phone", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    sign_in(client, "operatrice")
    response = client.post(
        reverse("two_factor_verify"),
        {"otp_token": code_for(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_repeated_failures_lock_the_account_without_keeping_ip_addresses(operator, settings):
    from axes.models import AccessAttempt

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "operatrice", password="wrong password")
    response = sign_in(client, "operatrice")
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="operatrice").exists()
    assert not AccessAttempt.objects.exclude(ip_address=None).exists()


def test_an_idle_session_expires(operator, login_as, settings):
    client = login_as(operator)
    assert client.get(directory_url()).status_code == 200
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    # Thirty-one quiet minutes later:
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(minutes=1))
    response = client.get(directory_url())
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_password_reset_never_reveals_whether_an_account_exists(operator):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    url = reverse("wagtailadmin_password_reset")
    known = client.post(url, {"email": operator.email}, follow=True)
    unknown = client.post(url, {"email": "nobody@example.org"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert len(mail.outbox) == 1
