"""The contact page: a message reaches the right association, encrypted, and nothing else."""

import json
import time
from html import unescape
from unittest import mock
from urllib.error import URLError

import pyrage
import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_recaptcha.client import RecaptchaResponse
from django_tasks_db.models import DBTaskResult

from services.contact.antiabuse import TIMESTAMP_SALT
from services.models import EncryptedMessage, InboxKey

MESSAGE = "Mio marito mi controlla il telefono. Posso venire giovedì?"
# What she reads (the page is in Italian: compared through the Italian catalogue).
NOT_CONFIGURED = "The robot check (reCAPTCHA) is not configured on this site, so it is skipped."
UNKNOWN_TOWN = "We could not find this town. Check the spelling, or choose an association."
NO_KEY = (
    "This association cannot receive messages here yet, so your message was not "
    "sent. Your text is still here: please call them, or choose another association."
)
DETAIL_NEEDED = "Tell us the number or address to use, or choose “Do not contact me”."
TOO_FAST = "That was very quick. Please check your message and press Send again."
EXPIRED = (
    "This page was open for a long time, so for your safety it expired. "
    "Your text is still here: press Send again."
)
RATE_LIMITED = (
    "You have sent several messages in a short time, so this one was not sent. "
    "Your text is still here: try again in an hour, or call us."
)
CAPTCHA_FAILED = "The check “I'm not a robot” did not succeed: please try again."
UNREACHABLE = (
    "We could not reach the “I'm not a robot” check, so your message was not sent. "
    "Your text is still here: try again in a few minutes, or call us."
)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def stamp(seconds_ago=30):
    """The form's signed timestamp, as if the page had been shown `seconds_ago`."""
    then = time.time() - seconds_ago
    with mock.patch("django.core.signing.time.time", return_value=then):
        return signing.dumps(then, salt=TIMESTAMP_SALT)


def form_data(**overrides):
    data = {
        "help_point": "",
        "association": "",
        "comune": "",
        "message": MESSAGE,
        "channel": "phone",
        "contact_detail": "+39 333 000 1234",
        "safe_times": "mattina, 9-12",
        "voicemail": "no",
        "language": "it",
        "website": "",
        "started": stamp(),
    }
    data.update(overrides)
    return data


def send(client, inbox, address="198.51.100.7", **overrides):
    return client.post(inbox.page.url, form_data(**overrides), REMOTE_ADDR=address)


def shows(response, msgid):
    with translation.override("it"):
        text = gettext(msgid)
    return text in unescape(response.content.decode())


def opened(message, identity):
    return json.loads(pyrage.decrypt(bytes(message.ciphertext), [identity]))


def test_the_page_shows_the_form_uncached_and_says_the_captcha_is_skipped_without_keys(
    client, inbox
):
    response = client.get(inbox.page.url)

    html = response.content.decode()
    assert 'name="message"' in html
    assert "Sportello di Budrio" in html  # the help points to choose from
    assert "no-store" in response["Cache-Control"]
    assert shows(response, NOT_CONFIGURED)
    assert "recaptcha.net" not in response.get("Content-Security-Policy", "")
    assert "csrftoken" in response.cookies  # the one cookie a public page may set
    assert response["Referrer-Policy"] == "same-origin"  # else the POST's Origin is null


def test_a_message_is_stored_only_as_ciphertext_that_the_association_keys_open(client, inbox):
    response = send(client, inbox, association=str(inbox.a.pk))

    assert response.status_code == 302
    assert "/scrivici/grazie/?encrypted=" in response["Location"]
    message = EncryptedMessage.objects.get()
    assert message.association == inbox.a
    assert MESSAGE.encode() not in bytes(message.ciphertext)
    assert sorted(message.key_ids) == sorted(
        InboxKey.objects.filter(association=inbox.a).values_list("key_id", flat=True)
    )
    for identity in inbox.keys["a"].values():  # the working key and the recovery key
        payload = opened(message, identity)
        assert payload["message"] == MESSAGE
        assert payload["contact"] == {
            "channel": "phone",
            "detail": "+39 333 000 1234",
            "safe_times": "mattina, 9-12",
            "voicemail": False,
            "language": "it",
        }
    with pytest.raises(pyrage.DecryptError):
        opened(message, inbox.keys["b"]["working"])


def test_the_confirmation_repeats_nothing_she_wrote_and_gives_the_phone_numbers(client, inbox):
    response = send(client, inbox, association=str(inbox.a.pk))
    thanks = client.get(response["Location"])

    html = thanks.content.decode()
    assert "Ti risponderemo nei giorni lavorativi." in html
    assert "1522" in html and "112" in html
    assert MESSAGE not in html and "333 000 1234" not in html and "mattina" not in html
    assert "no-store" in thanks["Cache-Control"]


def test_a_retired_key_cannot_open_new_messages(client, inbox):
    retired = InboxKey.objects.get(association=inbox.a, kind=InboxKey.Kind.WORKING)
    retired.retire()

    send(client, inbox, association=str(inbox.a.pk))

    message = EncryptedMessage.objects.get()
    assert retired.key_id not in message.key_ids
    with pytest.raises(pyrage.DecryptError):
        opened(message, inbox.keys["a"]["working"])
    assert opened(message, inbox.keys["a"]["recovery"])["message"] == MESSAGE


@pytest.mark.parametrize(
    ("choice", "expected", "help_point"),
    [
        ("help_point_b", "b", "b"),
        ("association_b", "b", None),
        ("comune_casalmaggiore", "b", None),
        ("comune_budrio", "a", None),
        ("nothing", "a", None),  # the network default
    ],
)
def test_each_choice_lands_on_the_right_association(client, inbox, choice, expected, help_point):
    fields = {
        "help_point_b": {"help_point": str(inbox.help_points["b"].pk)},
        "association_b": {"association": str(inbox.b.pk)},
        "comune_casalmaggiore": {"comune": "casalmaggiore"},
        "comune_budrio": {"comune": "Budrio"},
        "nothing": {},
    }[choice]

    assert send(client, inbox, **fields).status_code == 302

    message = EncryptedMessage.objects.get()
    assert message.association == getattr(inbox, expected)
    assert message.help_point == (inbox.help_points[help_point] if help_point else None)
    if choice.startswith("comune"):  # the place she typed is only inside the ciphertext
        assert opened(message, inbox.keys[expected]["working"])["comune"] == fields["comune"]


def test_a_comune_that_cannot_be_found_or_is_ambiguous_asks_again_keeping_her_text(client, inbox):
    unknown = send(client, inbox, comune="Paese Che Non Esiste")
    ambiguous = send(client, inbox, comune="Castro")

    assert shows(unknown, UNKNOWN_TOWN)
    assert "Castro (BG)" in ambiguous.content.decode()
    assert "Castro (LE)" in ambiguous.content.decode()
    assert MESSAGE in unknown.content.decode()
    assert not EncryptedMessage.objects.exists()


def test_an_association_without_keys_says_so_keeps_her_text_and_gives_phones(client, inbox):
    InboxKey.objects.filter(association=inbox.b).delete()

    response = send(client, inbox, association=str(inbox.b.pk))

    html = response.content.decode()
    assert shows(response, NO_KEY)
    assert MESSAGE in html
    assert "1522" in html
    assert not EncryptedMessage.objects.exists()


def test_contact_details_are_required_only_for_phone_or_email(client, inbox):
    missing = send(client, inbox, channel="email", contact_detail="")
    none_needed = send(client, inbox, channel="none", contact_detail="")

    assert shows(missing, DETAIL_NEEDED)
    assert none_needed.status_code == 302
    assert EncryptedMessage.objects.count() == 1


def test_the_honeypot_gets_a_thank_you_and_nothing_is_stored(client, inbox):
    response = send(client, inbox, website="http://spam.example")

    assert response.status_code == 302
    assert not EncryptedMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("started", "expected"),
    [
        (lambda: stamp(seconds_ago=1), TOO_FAST),
        (lambda: stamp(seconds_ago=2 * 60 * 60 + 5), EXPIRED),
        (lambda: "forged", EXPIRED),
    ],
)
def test_too_fast_or_expired_forms_are_refused_with_her_text_kept(client, inbox, started, expected):
    response = send(client, inbox, started=started())

    html = response.content.decode()
    assert shows(response, expected)
    assert MESSAGE in html and "+39 333 000 1234" in html
    assert not EncryptedMessage.objects.exists()


def test_after_an_expired_form_sending_again_works(client, inbox):
    from bs4 import BeautifulSoup

    response = send(client, inbox, started=stamp(seconds_ago=3 * 60 * 60))
    fresh = BeautifulSoup(response.content, "html.parser").find("input", {"name": "started"})

    with mock.patch("services.contact.antiabuse.time.time", return_value=time.time() + 10):
        again = send(client, inbox, started=fresh["value"])

    assert again.status_code == 302
    assert EncryptedMessage.objects.count() == 1


def test_the_rate_limit_stops_the_sixth_message_in_an_hour_and_keeps_her_text(
    client, inbox, settings
):
    settings.CONTACT_RATE_LIMIT = 5
    for _ in range(5):
        assert send(client, inbox, address="192.0.2.55").status_code == 302

    sixth = send(client, inbox, address="192.0.2.55")
    other_person = send(client, inbox, address="192.0.2.56")

    assert sixth.status_code == 429
    assert shows(sixth, RATE_LIMITED)
    assert MESSAGE in sixth.content.decode()
    assert other_person.status_code == 302
    assert EncryptedMessage.objects.count() == 6
    stored = repr(cache._cache)  # locmem: the digests and counters, never the address
    assert "192.0.2.55" not in stored


@pytest.fixture
def recaptcha(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "dummy-site-key-for-tests"
    settings.RECAPTCHA_PRIVATE_KEY = "dummy-secret-key-for-tests"
    with mock.patch("django_recaptcha.fields.client.submit") as submit:
        submit.return_value = RecaptchaResponse(is_valid=True)
        yield submit


def test_with_keys_the_captcha_is_offered_behind_a_notice_and_checked(client, inbox, recaptcha):
    page = client.get(inbox.page.url)
    html = page.content.decode()
    sent = send(client, inbox, **{"g-recaptcha-response": "token"})

    assert 'data-sitekey="dummy-site-key-for-tests"' in html
    assert '<script src="https://www.recaptcha.net' not in html  # loaded only after a click
    assert "www.recaptcha.net" in page["Content-Security-Policy"]
    assert sent.status_code == 302
    assert recaptcha.call_args.kwargs["remoteip"] == ""  # Google is not told her address


def test_a_failed_captcha_keeps_her_text(client, inbox, recaptcha):
    recaptcha.return_value = RecaptchaResponse(is_valid=False, error_codes=["bad"])

    response = send(client, inbox, **{"g-recaptcha-response": "token"})

    assert shows(response, CAPTCHA_FAILED)
    assert MESSAGE in response.content.decode()
    assert not EncryptedMessage.objects.exists()


def test_an_unreachable_captcha_keeps_her_text_shows_the_phones_and_never_errors(
    client, inbox, recaptcha
):
    recaptcha.side_effect = URLError("network unreachable")

    response = send(client, inbox, **{"g-recaptcha-response": "token"})

    html = response.content.decode()
    assert response.status_code == 200
    assert shows(response, UNREACHABLE)
    assert MESSAGE in html
    assert "tel:1522" in html and "+39" in html
    assert not EncryptedMessage.objects.exists()


def test_the_notice_email_has_a_fixed_text_and_no_content(
    client, inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, inbox, association=str(inbox.a.pk))

    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["inbox-a@example.org"]
    assert MESSAGE not in notice.body and "333" not in notice.body
    assert EncryptedMessage.objects.get().notified


def test_a_failed_notice_never_loses_the_message_and_is_retried(
    client, inbox, settings, django_capture_on_commit_callbacks
):
    from django_tasks.backends.dummy import DummyBackend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    DummyBackend.results = []
    with mock.patch("services.contact.tasks.send_mail", side_effect=OSError("smtp down")):
        with django_capture_on_commit_callbacks(execute=True):
            response = send(client, inbox, association=str(inbox.a.pk))
        from django_tasks import task_backends

        queued = task_backends["default"].results
        first = queued[0]
        first.task.call(*first.args, **first.kwargs)  # the worker runs it: the send fails

    assert response.status_code == 302
    message = EncryptedMessage.objects.get()
    assert not message.notified
    retry = task_backends["default"].results[-1]
    assert retry.args == [message.pk, 2]
    assert retry.task.run_after is not None


def test_with_the_production_task_backend_a_failed_notice_is_sent_by_the_worker_later(
    client, inbox, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["database"]}}

    def work():
        # The worker closes connections it thinks stale, as a request does; the test's
        # transaction is open on that connection, so that housekeeping is left out here.
        with (
            mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    with mock.patch("services.contact.tasks.send_mail", side_effect=OSError("smtp down")):
        with django_capture_on_commit_callbacks(execute=True):
            send(client, inbox, association=str(inbox.a.pk))
        work()
    message = EncryptedMessage.objects.get()
    assert not message.notified and not mail.outbox
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["args"] == [message.pk, 2]
    assert retry.run_after > timezone.now()

    work()
    assert not mail.outbox  # not before its time
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work()

    message.refresh_from_db()
    assert message.notified
    assert [notice.to for notice in mail.outbox] == [["inbox-a@example.org"]]


def test_behind_the_proxy_the_rate_limit_counts_each_forwarded_address(client, inbox, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CONTACT_RATE_LIMIT = 1

    first = client.post(inbox.page.url, form_data(), HTTP_X_FORWARDED_FOR="192.0.2.1")
    second = client.post(inbox.page.url, form_data(), HTTP_X_FORWARDED_FOR="192.0.2.2")
    again = client.post(inbox.page.url, form_data(), HTTP_X_FORWARDED_FOR="192.0.2.1")

    assert [first.status_code, second.status_code, again.status_code] == [302, 302, 429]


def test_the_csrf_cookie_is_gone_when_the_browser_closes(client, inbox):
    response = client.get(inbox.page.url)

    cookie = response.cookies["csrftoken"]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert "expires" not in cookie.output().lower()


def test_the_browser_is_told_to_remember_nothing_she_types(client, inbox):
    response = client.get(inbox.page.url)

    form = BeautifulSoup(response.content, "html.parser").select_one("form.contact-form")
    assert form["autocomplete"] == "off"
    controls = form.select("input, textarea, select")
    # HTML allows no autocomplete="off" on a hidden input (CSRF token, timestamp): the
    # form's own attribute covers them.
    visible = [control for control in controls if control.get("type") != "hidden"]
    assert {control["name"] for control in visible} >= {
        "help_point",
        "association",
        "comune",
        "message",
        "channel",
        "contact_detail",
        "safe_times",
        "voicemail",
        "language",
    }
    assert [control["name"] for control in visible if control.get("autocomplete") != "off"] == []


def post_from(client, inbox, peer, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post(inbox.page.url, form_data(), REMOTE_ADDR=peer, **headers).status_code


def test_a_forwarded_for_header_from_a_peer_that_is_not_our_proxy_is_ignored(
    client, inbox, settings
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1", "10.0.0.0/8"]
    settings.CONTACT_RATE_LIMIT = 1

    first = post_from(client, inbox, "203.0.113.9", forwarded="192.0.2.1")
    spoofed = post_from(client, inbox, "203.0.113.9", forwarded="192.0.2.2")

    assert [first, spoofed] == [302, 429]


@pytest.mark.parametrize(
    ("allowed", "proxy"),
    [(["127.0.0.1", "10.0.0.0/8"], "10.1.2.3"), (["192.168.7.1", "2001:db8::5"], "2001:db8::5")],
)
def test_behind_a_listed_proxy_the_sender_is_the_right_most_address_it_does_not_list(
    client, inbox, settings, allowed, proxy
):
    settings.FORWARDED_ALLOW_IPS = allowed
    settings.CONTACT_RATE_LIMIT = 1

    first = post_from(client, inbox, proxy, forwarded=f"6.6.6.6, 192.0.2.1, {proxy}")
    spoofed_left = post_from(client, inbox, proxy, forwarded="7.7.7.7, 192.0.2.1")
    someone_else = post_from(client, inbox, proxy, forwarded="192.0.2.2")

    assert [first, spoofed_left, someone_else] == [302, 429, 302]


def test_with_any_peer_allowed_the_address_the_peer_appended_counts(client, inbox, settings):
    settings.FORWARDED_ALLOW_IPS = ["*"]
    settings.CONTACT_RATE_LIMIT = 1

    first = post_from(client, inbox, "203.0.113.9", forwarded="192.0.2.1")
    second = post_from(client, inbox, "203.0.113.9", forwarded="192.0.2.2")
    spoofed_left = post_from(client, inbox, "203.0.113.9", forwarded="192.0.2.9, 192.0.2.1")

    assert [first, second, spoofed_left] == [302, 302, 429]


@pytest.mark.parametrize(
    ("first", "same_sender", "other_sender"),
    [
        ("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:3::1"),
        ("::ffff:192.0.2.7", "192.0.2.7", "192.0.2.8"),
    ],
)
def test_the_rate_limit_counts_an_ipv6_sender_by_her_64_network(
    client, inbox, settings, first, same_sender, other_sender
):
    settings.CONTACT_RATE_LIMIT = 1

    statuses = [post_from(client, inbox, peer) for peer in (first, same_sender, other_sender)]

    assert statuses == [302, 429, 302]
    assert "2001:db8" not in repr(cache._cache)
