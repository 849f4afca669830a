"""Inbox keys under watch: every change is announced and recorded, the recovery key and the
last working key are guarded, fingerprints are shown, the pages run under a strict CSP,
and malformed ids are answered with a 400."""

import subprocess
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend
from pyrage import x25519
from wagtail.models import ModelLogEntry

from services.contact.admin_forms import NOT_A_KEY
from services.models import EncryptedMessage, InboxKey

from .test_contact import send
from .test_inbox_commands import run

HUGE = "99999999999999999999"
# The README's way to compute a key's fingerprint by hand, from its public key.
FINGERPRINT_COMMAND = "printf %s {} | sha256sum | cut -c1-16 | fold -w4 | paste -sd' '"


def inbox_url(name, *args):
    return reverse(f"services_inbox:{name}", args=args)


def new_recipient():
    return str(x25519.Identity.generate().to_public())


@pytest.fixture
def colleague(inbox):
    """A second member of Alfa's inbox."""
    user = get_user_model().objects.create_user("collega-a", "collega@example.org", "x" * 16)
    user.groups.add(inbox.staff["a"].groups.get())
    return user


def notices_to(address):
    return [notice for notice in mail.outbox if notice.to == [address]]


ALFA_ADDRESSES = {"a@example.org", "collega@example.org", "inbox-a@example.org"}


def test_adding_a_key_notifies_every_member_and_the_association_and_is_recorded(
    login_as, inbox, colleague, django_capture_on_commit_callbacks
):
    recipient = new_recipient()
    client = login_as(inbox.staff["a"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            inbox_url("keys", inbox.a.pk), {"recipient": recipient, "kind": "working"}
        )

    key = InboxKey.objects.get(recipient=recipient)
    assert response.status_code == 302
    assert {address for notice in mail.outbox for address in notice.to} == ALFA_ADDRESSES
    assert len(mail.outbox) == 3  # one each: no member sees the others' addresses
    for notice in mail.outbox:
        assert key.fingerprint in notice.body and "staff-a" in notice.body
        assert "Alfa" in notice.body
        assert recipient not in notice.body and recipient not in notice.subject
    entry = ModelLogEntry.objects.get(action="services.inbox.key_added")
    assert entry.user == inbox.staff["a"] and entry.object_id == str(key.pk)
    assert entry.data["fingerprint"] == key.fingerprint
    with translation.override("en"):
        assert entry.message == f"Inbox key added: {key.fingerprint}"


def test_retiring_a_working_key_notifies_and_is_recorded(
    login_as, inbox, colleague, django_capture_on_commit_callbacks
):
    spare = InboxKey.objects.create(association=inbox.a, recipient=new_recipient())
    client = login_as(colleague)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(inbox_url("keys", inbox.a.pk), {"retire": spare.pk})

    spare.refresh_from_db()
    assert response.status_code == 302 and spare.retired_at is not None
    assert {address for notice in mail.outbox for address in notice.to} == ALFA_ADDRESSES
    assert all(spare.fingerprint in notice.body for notice in mail.outbox)
    assert not notices_to("b@example.org") and not notices_to("inbox-b@example.org")
    entry = ModelLogEntry.objects.get(action="services.inbox.key_retired")
    assert entry.user == colleague and entry.data["fingerprint"] == spare.fingerprint


def test_the_recovery_key_cannot_be_retired_from_the_web(login_as, inbox, colleague):
    recovery = InboxKey.objects.get(association=inbox.a, kind=InboxKey.Kind.RECOVERY)
    client = login_as(inbox.staff["a"])

    page = client.get(inbox_url("keys", inbox.a.pk)).content.decode()
    response = client.post(inbox_url("keys", inbox.a.pk), {"retire": recovery.pk})

    recovery.refresh_from_db()
    assert f'name="retire" value="{recovery.pk}"' not in page
    assert response.status_code == 400
    assert "set_inbox_key" in response.content.decode()
    assert recovery.retired_at is None
    assert not mail.outbox
    assert not ModelLogEntry.objects.filter(action__startswith="services.inbox.").exists()


def test_the_last_working_key_is_retired_only_when_confirmed(
    login_as, inbox, django_capture_on_commit_callbacks
):
    working = InboxKey.objects.get(association=inbox.a, kind=InboxKey.Kind.WORKING)
    client = login_as(inbox.staff["a"])

    asked = client.post(inbox_url("keys", inbox.a.pk), {"retire": working.pk})
    working.refresh_from_db()
    assert asked.status_code == 400 and working.retired_at is None
    assert 'name="confirm_last"' in asked.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(
            inbox_url("keys", inbox.a.pk), {"retire": working.pk, "confirm_last": "on"}
        )

    working.refresh_from_db()
    assert confirmed.status_code == 302 and working.retired_at is not None
    assert len(mail.outbox) == 2  # staff-a and the association
    assert ModelLogEntry.objects.filter(action="services.inbox.key_retired").count() == 1


def test_a_failed_key_notice_is_retried_for_that_address_only(
    login_as, inbox, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    DummyBackend.results = []
    client = login_as(inbox.staff["a"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            inbox_url("keys", inbox.a.pk), {"recipient": new_recipient(), "kind": "working"}
        )
    queued = list(task_backends["default"].results)

    with mock.patch("services.contact.tasks.send_mail", side_effect=OSError("smtp down")):
        queued[0].task.call(*queued[0].args, **queued[0].kwargs)

    key = InboxKey.objects.latest("created_at")
    assert [job.args[3] for job in queued] == ["a@example.org", "inbox-a@example.org"]
    retry = task_backends["default"].results[-1]
    assert retry.args == [key.pk, "added", "staff-a", "a@example.org", 2]
    assert retry.task.run_after is not None


def test_set_inbox_key_announces_and_records_too(
    inbox, colleague, django_capture_on_commit_callbacks
):
    recovery = new_recipient()

    with django_capture_on_commit_callbacks(execute=True):
        output = run("set_inbox_key", "alfa", recovery, "--recovery", "--retire-others")

    new = InboxKey.objects.get(recipient=recovery)
    old = InboxKey.objects.get(recipient=str(inbox.keys["a"]["recovery"].to_public()))
    assert old.retired_at is not None and new.retired_at is None
    assert new.fingerprint in output and old.fingerprint in output
    assert len(mail.outbox) == 6  # added and retired, to the three addresses each
    assert {notice.to[0] for notice in mail.outbox} == ALFA_ADDRESSES
    entries = ModelLogEntry.objects.filter(action__startswith="services.inbox.")
    assert sorted(entries.values_list("action", "user")) == [
        ("services.inbox.key_added", None),
        ("services.inbox.key_retired", None),
    ]


def test_set_inbox_key_refuses_a_retired_key(inbox):
    recipient = new_recipient()
    run("set_inbox_key", "alfa", recipient)
    InboxKey.objects.get(recipient=recipient).retire()

    with pytest.raises(Exception, match="retired"):
        run("set_inbox_key", "alfa", recipient, "--retire-others")

    assert InboxKey.objects.active().filter(association=inbox.a, kind="working").count() == 1


def test_each_key_fingerprint_is_shown_and_matches_the_readme_shell_command(login_as, inbox):
    client = login_as(inbox.staff["a"])

    keys_page = client.get(inbox_url("keys", inbox.a.pk)).content.decode()
    list_page = client.get(inbox_url("list", inbox.a.pk)).content.decode()

    for key in InboxKey.objects.filter(association=inbox.a):
        assert key.fingerprint in keys_page and key.fingerprint in list_page
        command = FINGERPRINT_COMMAND.format(key.recipient)
        shell = subprocess.run(["sh", "-c", command], capture_output=True, text=True, check=True)
        assert shell.stdout.strip() == key.fingerprint
    other = InboxKey.objects.filter(association=inbox.b).first()
    assert other.fingerprint not in keys_page


def inline_code(html):
    """Every inline script, <style>, style= or on…= attribute in `html` (none allowed)."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        str(tag)[:80]
        for tag in soup.find_all("script")
        if not tag.get("src") and tag.get("type") != "application/json"
    ]
    found += [str(tag)[:80] for tag in soup.find_all("style")]
    for tag in soup.find_all(True):
        found += [f"{tag.name} {name}" for name in tag.attrs if name == "style" or name[:2] == "on"]
    return found


def test_every_inbox_page_has_a_strict_csp_and_no_inline_code(
    client, login_as, inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, inbox, association=str(inbox.a.pk))
    message = EncryptedMessage.objects.get()
    inbox.staff["a"].groups.add(inbox.staff["b"].groups.get())  # two inboxes: the index shows
    client = login_as(inbox.staff["a"])

    responses = [
        client.get(inbox_url("index")),
        client.get(inbox_url("list", inbox.a.pk)),
        client.get(inbox_url("detail", inbox.a.pk, message.pk)),
        client.get(inbox_url("keys", inbox.a.pk)),
        client.post(inbox_url("keys", inbox.a.pk), {"recipient": "not a key"}),
        client.get(inbox_url("detail", inbox.a.pk, HUGE)),
        login_as(inbox.staff["b"]).get(inbox_url("list", inbox.a.pk)),
    ]

    assert [response.status_code for response in responses] == [200, 200, 200, 200, 400, 400, 403]
    for response in responses:
        header = response["Content-Security-Policy"]
        policy = dict(directive.strip().split(" ", 1) for directive in header.split(";"))
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
        assert "unsafe-inline" not in header
        assert inline_code(response.content.decode()) == []
    assert "unsafe-inline" in client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"]


@pytest.mark.parametrize("retire", ["abc", HUGE, "", "-1", "0", "1.5", "other inbox"])
def test_a_malformed_or_foreign_key_id_is_a_400_with_a_reason(login_as, inbox, retire):
    if retire == "other inbox":
        retire = str(InboxKey.objects.filter(association=inbox.b).first().pk)
    client = login_as(inbox.staff["a"])

    response = client.post(inbox_url("keys", inbox.a.pk), {"retire": retire})

    assert response.status_code == 400
    with translation.override(response["Content-Language"]):
        assert str(NOT_A_KEY) in response.content.decode()
    assert not InboxKey.objects.exclude(retired_at=None).exists()
    assert not mail.outbox


def test_a_huge_id_in_the_address_is_a_400(client, login_as, inbox):
    send(client, inbox, association=str(inbox.a.pk))
    message = EncryptedMessage.objects.get()
    client = login_as(inbox.staff["a"])

    responses = [
        client.get(inbox_url("list", HUGE)),
        client.get(inbox_url("keys", HUGE)),
        client.get(inbox_url("detail", inbox.a.pk, HUGE)),
        client.get(inbox_url("detail", HUGE, message.pk)),
        client.post(inbox_url("action", inbox.a.pk, HUGE), {"action": "delete"}),
    ]

    assert [response.status_code for response in responses] == [400] * 5
    assert EncryptedMessage.objects.filter(pk=message.pk).exists()


@pytest.mark.parametrize("action", ["bogus", "", HUGE])
def test_an_unknown_message_action_is_a_400_and_changes_nothing(client, login_as, inbox, action):
    send(client, inbox, association=str(inbox.a.pk))
    message = EncryptedMessage.objects.get()
    client = login_as(inbox.staff["a"])

    response = client.post(inbox_url("action", inbox.a.pk, message.pk), {"action": action})

    message.refresh_from_db()
    assert response.status_code == 400
    assert "inbox-ciphertext" in response.content.decode()  # the message is still there
    assert message.status == EncryptedMessage.Status.NEW


def test_an_unknown_key_kind_is_a_form_error_and_keeps_the_typed_key(login_as, inbox):
    recipient = new_recipient()
    client = login_as(inbox.staff["a"])

    response = client.post(inbox_url("keys", inbox.a.pk), {"recipient": recipient, "kind": "boss"})

    assert response.status_code == 400
    assert f'value="{recipient}"' in response.content.decode()
    assert not InboxKey.objects.filter(recipient=recipient).exists()
