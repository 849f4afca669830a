"""The secure inbox in the admin: each association's staff, and only they, read its messages."""

import base64
import json
from html import unescape

import pyrage
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from pyrage import x25519

from services.models import EncryptedMessage, InboxKey

from .test_contact import MESSAGE, send


@pytest.fixture
def messages(client, inbox):
    """One message for each association, sent through the public form."""
    send(client, inbox, association=str(inbox.a.pk))
    send(client, inbox, help_point=str(inbox.help_points["b"].pk))
    client.logout()
    return {
        "a": EncryptedMessage.objects.get(association=inbox.a),
        "b": EncryptedMessage.objects.get(association=inbox.b),
    }


def inbox_url(name, *args):
    return reverse(f"services_inbox:{name}", args=args)


def ciphertext_on(response):
    script = BeautifulSoup(response.content, "html.parser").find(id="inbox-ciphertext")
    return base64.b64decode(json.loads(script.string))


def test_staff_open_their_association_message_and_their_key_decrypts_it(login_as, inbox, messages):
    client = login_as(inbox.staff["a"])

    listing = client.get(inbox_url("index"), follow=True)
    detail = client.get(inbox_url("detail", inbox.a.pk, messages["a"].pk))

    assert listing.redirect_chain[-1][0] == inbox_url("list", inbox.a.pk)
    assert inbox_url("detail", inbox.a.pk, messages["a"].pk) in listing.content.decode()
    assert "no-store" in detail["Cache-Control"]
    assert MESSAGE not in detail.content.decode()  # decrypted in the browser, not here
    ciphertext = ciphertext_on(detail)
    plain = json.loads(pyrage.decrypt(ciphertext, [inbox.keys["a"]["working"]]))
    assert plain["message"] == MESSAGE


def test_staff_of_one_association_never_reach_the_other_inbox(login_as, inbox, messages):
    client = login_as(inbox.staff["a"])

    assert client.get(inbox_url("list", inbox.b.pk)).status_code == 403
    assert client.get(inbox_url("detail", inbox.b.pk, messages["b"].pk)).status_code == 403
    # B's message through A's inbox address
    assert client.get(inbox_url("detail", inbox.a.pk, messages["b"].pk)).status_code == 403
    assert (
        client.post(
            inbox_url("action", inbox.b.pk, messages["b"].pk), {"action": "delete"}
        ).status_code
        == 403
    )
    listing = client.get(inbox_url("list", inbox.a.pk)).content.decode()
    assert inbox_url("detail", inbox.b.pk, messages["b"].pk) not in listing
    assert EncryptedMessage.objects.filter(pk=messages["b"].pk).exists()


def test_partners_without_the_permission_and_superusers_outside_the_group_are_refused(
    login_as, inbox, messages
):
    users = get_user_model()
    partner = users.objects.create_user("partner", "p@example.org", "x" * 16)
    group, _ = Group.objects.get_or_create(name="Partner – Alfa")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    partner.groups.add(group)
    boss = users.objects.create_superuser("boss", "boss@example.org", "x" * 16)

    for user in (partner, boss):
        client = login_as(user)
        assert client.get(inbox_url("index")).status_code == 403
        assert client.get(inbox_url("detail", inbox.a.pk, messages["a"].pk)).status_code == 403
        assert inbox_url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_inbox_group_without_the_permission_is_refused(login_as, inbox, messages):
    group = inbox.staff["a"].groups.get()
    group.permissions.remove(Permission.objects.get(codename="read_inbox"))

    client = login_as(inbox.staff["a"])

    assert client.get(inbox_url("list", inbox.a.pk)).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client, inbox, messages):
    response = client.get(inbox_url("detail", inbox.a.pk, messages["a"].pk))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_menu_shows_the_inbox_to_its_staff(login_as, inbox):
    home = login_as(inbox.staff["a"]).get(reverse("wagtailadmin_home"))

    assert inbox_url("index") in home.content.decode()


def test_mark_handled_and_delete(login_as, inbox, messages):
    client = login_as(inbox.staff["a"])
    message = messages["a"]

    client.post(inbox_url("action", inbox.a.pk, message.pk), {"action": "handled"})
    message.refresh_from_db()
    listing = client.get(inbox_url("list", inbox.a.pk)).content.decode()
    client.post(inbox_url("action", inbox.a.pk, message.pk), {"action": "delete"})

    assert message.status == EncryptedMessage.Status.HANDLED
    assert "inbox__row--handled" in listing
    assert not EncryptedMessage.objects.filter(pk=message.pk).exists()


def test_staff_add_a_public_key_and_retire_one(login_as, inbox):
    client = login_as(inbox.staff["a"])
    recipient = str(x25519.Identity.generate().to_public())

    added = client.post(
        inbox_url("keys", inbox.a.pk), {"recipient": recipient, "kind": "working"}, follow=True
    )
    key = InboxKey.objects.get(recipient=recipient)
    client.post(inbox_url("keys", inbox.a.pk), {"retire": key.pk})
    key.refresh_from_db()

    assert key.association == inbox.a and key.kind == InboxKey.Kind.WORKING
    assert recipient in added.content.decode()
    assert key.retired_at is not None


@pytest.mark.parametrize("text", ["not a key", "age1qqqq", None])
def test_the_server_refuses_anything_but_a_public_key(login_as, inbox, text):
    client = login_as(inbox.staff["a"])
    secret = str(x25519.Identity.generate())
    text = secret if text is None else text
    before = InboxKey.objects.count()

    response = client.post(inbox_url("keys", inbox.a.pk), {"recipient": text, "kind": "working"})

    assert response.status_code == 400
    assert InboxKey.objects.count() == before
    assert secret not in unescape(response.content.decode())
    assert "AGE-SECRET-KEY" not in "".join(InboxKey.objects.values_list("recipient", flat=True))
