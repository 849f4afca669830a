"""Management commands of the secure inbox: keys, export for `age -d`, purge; settings."""

import datetime as dt
import json
import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pyrage
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from pyrage import x25519

from services.models import EncryptedMessage, InboxKey, InboxSettings

from .test_contact import MESSAGE, send

ROOT = Path(__file__).resolve().parents[3]


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_set_inbox_key_adds_working_and_recovery_keys(inbox):
    working = str(x25519.Identity.generate().to_public())
    recovery = str(x25519.Identity.generate().to_public())

    run("set_inbox_key", "alfa", working, "--retire-others")
    run("set_inbox_key", "alfa", recovery, "--recovery")

    active = InboxKey.objects.active().filter(association=inbox.a)
    assert set(active.values_list("recipient", "kind")) == {
        (working, "working"),
        (recovery, "recovery"),
        (str(inbox.keys["a"]["recovery"].to_public()), "recovery"),
    }


def test_set_inbox_key_refuses_private_keys_and_garbage(inbox):
    secret = str(x25519.Identity.generate())
    before = InboxKey.objects.count()

    with pytest.raises(CommandError) as refused:
        run("set_inbox_key", "alfa", secret)
    with pytest.raises(CommandError):
        run("set_inbox_key", "alfa", "age1notakey")
    with pytest.raises(CommandError):
        run("set_inbox_key", "nessuna", str(x25519.Identity.generate().to_public()))

    assert secret not in str(refused.value)
    assert InboxKey.objects.count() == before


def test_export_writes_age_files_that_the_key_opens(client, inbox, tmp_path):
    send(client, inbox, association=str(inbox.a.pk))
    send(client, inbox, association=str(inbox.b.pk))

    run("export_messages", "alfa", "--out", str(tmp_path))

    files = sorted(tmp_path.glob("*.age"))
    assert len(files) == 1
    assert files[0].name.startswith(timezone.localdate().isoformat())
    plain = pyrage.decrypt(files[0].read_bytes(), [inbox.keys["a"]["recovery"]])
    assert json.loads(plain)["message"] == MESSAGE


def test_purge_removes_a_91_day_old_message_and_keeps_an_89_day_old_one(client, inbox):
    today = timezone.localdate()
    for _ in range(3):
        send(client, inbox, association=str(inbox.a.pk))
    old, recent, today_message = EncryptedMessage.objects.order_by("pk")
    EncryptedMessage.objects.filter(pk=old.pk).update(received_on=today - dt.timedelta(days=91))
    EncryptedMessage.objects.filter(pk=recent.pk).update(received_on=today - dt.timedelta(days=89))

    run("purge_messages")

    assert set(EncryptedMessage.objects.values_list("pk", flat=True)) == {
        recent.pk,
        today_message.pk,
    }


def test_purge_follows_each_association_retention(client, inbox):
    InboxSettings.objects.create(association=inbox.b, retention_days=30)
    send(client, inbox, association=str(inbox.a.pk))
    send(client, inbox, association=str(inbox.b.pk))
    EncryptedMessage.objects.update(received_on=timezone.localdate() - dt.timedelta(days=31))

    run("purge_messages")

    assert list(EncryptedMessage.objects.values_list("association", flat=True)) == [inbox.a.pk]


def test_production_refuses_to_start_without_recaptcha_keys():
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECAPTCHA_")}
    env.update(
        DJANGO_SETTINGS_MODULE="closher.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY must be set" in result.stderr
