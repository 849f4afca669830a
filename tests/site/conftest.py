"""Fixtures of the served-site tests (two servers, faults)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import transaction
from django.test import TestCase
from django_otp.plugins.otp_totp.models import TOTPDevice
from pyrage import x25519

from closher.backup import write_backup
from services.models import AssociationPage, InboxKey

from ..saved_rows import load_rows

STAFF = ("anna", "una-password-lunga-e-sicura")


@pytest.fixture(scope="session")
def served_archive(django_db_setup, django_db_blocker, demo_dump, tmp_path_factory):
    """What a served site starts from (backup archive): the demo, MondoDonna's inbox key
    (returns its identity), and a staff account with a confirmed TOTP device (its secret)."""
    archive = tmp_path_factory.mktemp("served") / "site.tar.gz"
    identity = x25519.Identity.generate()
    username, password = STAFF
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            load_rows(demo_dump)
            association = AssociationPage.objects.get(slug="mondodonna", locale__language_code="it")
            InboxKey.objects.create(association=association, recipient=str(identity.to_public()))
            user = get_user_model().objects.create(
                username=username,
                is_staff=True,
                is_superuser=True,
                # The production hasher (the test settings use a faster one), cheap here.
                password=PBKDF2PasswordHasher().encode(password, "saltsaltsalt", iterations=1000),
            )
            device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
        write_backup(archive)
        transaction.set_rollback(True)
    return archive, identity, device.key
