"""The second factor holds against a stolen password, and a lost phone needs no admin.

Sign-ins here go through the real forms: the password on Wagtail's login page, then the
code pages. Codes are computed as the phone would, from the secret the page shows.
"""

import base64
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry, Page
from wagtail.users.models import UserProfile

from closher.accounts import recovery_codes
from closher.accounts.notices import (
    DEVICE_ADDED,
    DEVICE_REMOVED,
    RECOVERY_CODE_USED,
    RECOVERY_CODES_CREATED,
)

from .conftest import UserFactory, operators_of

PASSWORD = "a long test password"
VERIFY = "/admin/two-factor/"
SETUP = "/admin/two-factor/setup/"
CODES = "/admin/two-factor/recovery-codes/"
SHOWN_SECRET = re.compile(r"<code>([A-Z2-7]{16,})</code>")


@pytest.fixture(autouse=True)
def no_throttle_pause(settings):
    """django-otp's pause after a wrong code, skipped: a test waits for nothing."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def operator(directory_demo):
    """An operator whose admin language is English (her notices come in it)."""
    user = UserFactory(username="operatrice", groups=[operators_of("mia")])
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


@pytest.fixture
def phone(operator):
    """The authenticator app she paired long ago."""
    return TOTPDevice.objects.create(user=operator, name="phone", confirmed=True)


def signed_in_with_password(username="operatrice", next_url=""):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(reverse("wagtailadmin_login"), data)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    return client


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def code_from_secret(secret):
    """What the phone shows after the secret (as the page prints it) is typed in."""
    return f"{totp(base64.b32decode(secret)):06d}"


def secrets_of(user):
    """Every form in which a secret of her devices could appear on a page."""
    found = []
    for device in TOTPDevice.objects.filter(user=user):
        found += [device.key, base64.b32encode(device.bin_key).decode(), "otpauth://"]
    return found


def assert_refused(response):
    """A 403, or a redirect to the code page: nothing of the admin."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"].startswith(VERIFY)


def directory_page():
    return Page.objects.get(slug="riservato", locale__language_code="it")


def test_a_password_alone_reaches_nothing_and_pairs_nothing(operator, phone):
    client = signed_in_with_password()
    responses = [client.get(SETUP), client.post(SETUP, {"otp_token": "000000"})]
    for response in responses:
        assert_refused(response)
    for response in responses:
        for secret in SHOWN_SECRET.findall(response.content.decode()):
            responses.append(client.post(SETUP, {"otp_token": code_from_secret(secret)}))
    # A device made for her by some other way (as the old hole did), its right code
    # typed after the throttle's pause: it pairs nothing and verifies nothing.
    planted = TOTPDevice.objects.create(user=operator, name="planted", confirmed=False)
    responses.append(client.post(SETUP, {"otp_token": code_for(planted)}))
    assert_refused(responses[-1])
    responses.append(client.post(VERIFY, {"otp_token": code_for(planted)}))
    assert "This code is not valid" in responses[-1].content.decode()

    page = directory_page()
    document = get_document_model().objects.get(title="Protocollo di rete (esempio)")
    admin_urls = [
        reverse("wagtailadmin_home"),
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/{page.id}/",
        f"/admin/api/main/pages/?child_of={page.id}",
        f"/admin/pages/{page.id}/view_draft/",
        f"/admin/pages/{page.id}/",
        "/admin/inbox/",
        "/admin/account/",
        CODES,
    ]
    for url in [*admin_urls, document.url]:
        for headers in ({}, {"HTTP_SEC_FETCH_DEST": "empty"}):
            responses.append(client.get(url, **headers))
            assert_refused(responses[-1])
    for url in [CODES, "/admin/account/", f"/admin/pages/{page.id}/edit/"]:
        responses.append(client.post(url, {"next": "/admin/"}))
        assert responses[-1].status_code == 403

    for response in responses:
        content = response.content.decode()
        assert not SHOWN_SECRET.search(content)
        assert not any(secret in content for secret in secrets_of(operator))
    assert list(TOTPDevice.objects.filter(user=operator, confirmed=True)) == [phone]
    assert not StaticDevice.objects.filter(user=operator).exists()
    assert not mail.outbox
    # The same session with her real code opens the admin: the refusals above were the
    # second factor's, not a broken session.
    client.post(VERIFY, {"otp_token": code_for(phone)})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_first_sign_in_pairs_an_app_and_shows_the_recovery_codes_once(operator):
    client = signed_in_with_password(next_url="/admin/")
    response = client.get(reverse("wagtailadmin_home"), follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    page = response.content.decode()
    assert "<svg" in page  # the QR code, drawn on the server
    (secret,) = SHOWN_SECRET.findall(page)
    wrong = client.post(SETUP, {"otp_token": "000000"})
    assert "This code is not valid" in wrong.content.decode()
    assert secret in wrong.content.decode()  # the same secret, to the same session
    response = client.post(SETUP, {"otp_token": code_from_secret(secret), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith(CODES)

    shown = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", shown)
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticDevice.objects.get(user=operator).token_set.values_list("token", flat=True)
    )
    again = client.get(CODES).content.decode()
    assert not any(code in again for code in codes)
    assert "Recovery codes left: 10." in again
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    (notice,) = mail.outbox
    assert notice.to == [operator.email]
    assert "An authenticator app was paired with your account." in notice.body
    assert "New recovery codes were made" in notice.body
    assert "If this was not you, contact your network's administrator." in notice.body
    assert secret not in notice.body and secret.lower() not in notice.body
    assert not any(code in notice.body for code in codes)
    actions = set(ModelLogEntry.objects.filter(object_id=str(operator.pk)).values_list("action"))
    assert {(DEVICE_ADDED,), (RECOVERY_CODES_CREATED,)} <= actions


def test_the_secret_belongs_to_the_session_that_was_shown_it(operator):
    first, second = signed_in_with_password(), signed_in_with_password()
    assert SHOWN_SECRET.search(first.get(SETUP).content.decode())
    first_device = TOTPDevice.objects.get(user=operator, confirmed=False)
    second_secret = SHOWN_SECRET.search(second.get(SETUP).content.decode()).group(1)
    assert not TOTPDevice.objects.filter(pk=first_device.pk).exists()  # the stale one is gone

    # The first session's secret no longer pairs anything; the second one's is not its own.
    for code in [code_for(first_device), code_from_secret(second_secret)]:
        response = first.post(SETUP, {"otp_token": code})
        page = response.content.decode()
        assert "This QR code is no longer valid" in page
        assert not SHOWN_SECRET.search(page) and "<figure" not in page
    assert not TOTPDevice.objects.filter(user=operator, confirmed=True).exists()

    assert second.post(SETUP, {"otp_token": code_from_secret(second_secret)}).status_code == 302
    assert_refused(first.get(SETUP))
    assert_refused(first.post(SETUP, {"otp_token": code_from_secret(second_secret)}))
    assert TOTPDevice.objects.filter(user=operator).count() == 1


def test_a_code_posted_without_having_seen_a_secret_creates_and_reveals_none(operator):
    client = signed_in_with_password()
    response = client.post(SETUP, {"otp_token": "123456"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This QR code is no longer valid" in page
    assert 'value="123456"' in page  # what she typed is kept
    assert not SHOWN_SECRET.search(page)
    assert not TOTPDevice.objects.filter(user=operator).exists()


def test_each_recovery_code_works_once(operator, phone):
    codes = recovery_codes.replace(operator)
    client = signed_in_with_password(next_url="/admin/")
    typed = f"{codes[0][:4].upper()} {codes[0][4:].upper()}"  # as read off the paper
    response = client.post(VERIFY, {"otp_token": typed, "next": "/admin/"}, follow=True)
    page = response.content.decode()
    assert "You signed in with a recovery code. Recovery codes left: 9." in page
    assert "Pair a new phone" in page
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    (notice,) = mail.outbox
    assert "A recovery code was used to sign in to your account." in notice.body
    assert not any(code in notice.body for code in codes)
    assert ModelLogEntry.objects.filter(object_id=str(operator.pk), action=RECOVERY_CODE_USED)

    again = signed_in_with_password()
    refused = again.post(VERIFY, {"otp_token": codes[0]})
    assert "This code is not valid" in refused.content.decode()
    assert_refused(again.get(reverse("wagtailadmin_home")))
    assert again.post(VERIFY, {"otp_token": codes[1]}).status_code == 302
    assert recovery_codes.remaining(operator) == 8


def test_new_recovery_codes_replace_the_old_ones(operator, login_as):
    old = recovery_codes.replace(operator)
    client = login_as(operator)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert f'href="{CODES}"' in account
    response = client.post(CODES, follow=True)
    page = response.content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert not any(code in client.get(CODES).content.decode() for code in new)
    (notice,) = mail.outbox  # in her language, though this session's pages are Italian
    assert "New recovery codes were made for your account" in notice.body
    assert not any(code in notice.body for code in new + old)

    stranger = signed_in_with_password()
    assert "This code is not valid" in stranger.post(VERIFY, {"otp_token": old[0]}).content.decode()
    assert stranger.post(VERIFY, {"otp_token": new[0]}).status_code == 302


def test_a_lost_phone_is_replaced_with_a_recovery_code_and_no_admin(operator, phone):
    codes = recovery_codes.replace(operator)
    client = signed_in_with_password()
    client.post(VERIFY, {"otp_token": codes[0]})
    page = client.get(SETUP).content.decode()
    assert "replaces the one paired before" in page
    (secret,) = SHOWN_SECRET.findall(page)
    mail.outbox.clear()
    assert client.post(SETUP, {"otp_token": code_from_secret(secret)}).status_code == 302
    (new_phone,) = TOTPDevice.objects.filter(user=operator)
    assert new_phone.pk != phone.pk and new_phone.confirmed
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    (notice,) = mail.outbox
    assert "The authenticator app paired before no longer works" in notice.body
    assert ModelLogEntry.objects.filter(object_id=str(operator.pk), action=DEVICE_REMOVED)


def test_five_wrong_codes_end_the_session(operator, phone):
    client = signed_in_with_password()
    for _attempt in range(4):
        response = client.post(VERIFY, {"otp_token": "000000"})
        assert "This code is not valid" in response.content.decode()
    response = client.post(VERIFY, {"otp_token": "000000"}, follow=True)
    assert "Too many wrong codes. Sign in again." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.post(VERIFY, {"otp_token": code_for(phone)})["Location"].startswith(
        reverse("wagtailadmin_login")
    )


def test_a_failed_notice_email_does_not_stop_the_sign_in(operator, phone, monkeypatch, caplog):
    def broken_send_mail(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("closher.accounts.notices.send_mail", broken_send_mail)
    codes = recovery_codes.replace(operator)
    client = signed_in_with_password()
    assert client.post(VERIFY, {"otp_token": codes[0]}).status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert "not sent" in caplog.text
    assert operator.email not in caplog.text


def test_the_changes_show_in_the_users_history_for_an_admin(operator, phone, login_as):
    codes = recovery_codes.replace(operator)
    signed_in_with_password().post(VERIFY, {"otp_token": codes[0]})
    admin = UserFactory(username="boss", is_superuser=True, is_staff=True)
    UserProfile.objects.create(user=admin, preferred_language="en")
    history = login_as(admin).get(reverse("wagtailusers_users:history", args=[operator.pk]))
    assert "Recovery code used" in history.content.decode()
