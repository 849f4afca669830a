"""Backup, then restore into an empty database: the same site, and messages that still decrypt."""

import json
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path

import pyrage
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase, override_settings
from pyrage import x25519
from wagtail.documents import get_document_model
from wagtail.models import Page

from closher.backup import write_backup
from services.contact.encryption import encrypt_payload
from services.models import AssociationPage, EncryptedMessage, HelpPointPage, InboxKey, WorkshopPage

from ..saved_rows import load_rows

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = {"message": "Ho bisogno di parlare con qualcuno.", "channel": "none"}


def media_settings(root):
    """Media and private documents under `root`, in a storage built anew for them."""
    return override_settings(
        MEDIA_ROOT=root / "media",
        PRIVATE_MEDIA_ROOT=root / "private",
        STORAGES={
            "default": {"BACKEND": "directory.storage.MediaStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )


def what_she_and_staff_see():
    return {
        "pages": sorted(
            Page.objects.live().values_list("locale__language_code", "url_path", "title")
        ),
        "help_points": sorted(HelpPointPage.objects.values_list("title", "locale_id")),
        "workshops": sorted(WorkshopPage.objects.values_list("title", "locale_id")),
        "messages": sorted(
            (bytes(ciphertext), association)
            for ciphertext, association in EncryptedMessage.objects.values_list(
                "ciphertext", "association__slug"
            )
        ),
        "documents": sorted(get_document_model().objects.values_list("title", "file")),
    }


@pytest.fixture(scope="module")
def backup(django_db_setup, django_db_blocker, demo_dump, tmp_path_factory):
    """The demo, a key, an encrypted message and the documents' files, backed up."""
    root = tmp_path_factory.mktemp("source")
    archive = root / "closher.tar.gz"
    identity = x25519.Identity.generate()
    with django_db_blocker.unblock(), transaction.atomic(), media_settings(root):
        with TestCase.captureOnCommitCallbacks(execute=True):
            load_rows(demo_dump)
            association = AssociationPage.objects.live().filter(locale__language_code="it")[0]
            InboxKey.objects.create(association=association, recipient=str(identity.to_public()))
            ciphertext, key_ids = encrypt_payload(association, MESSAGE)
            EncryptedMessage.objects.create(
                association=association, ciphertext=ciphertext, key_ids=key_ids
            )
            for document in get_document_model().objects.all():
                default_storage.save(document.file.name, ContentFile(f"{document.title}".encode()))
        manifest = write_backup(archive)
        seen = what_she_and_staff_see()
        transaction.set_rollback(True)
    return archive, identity, manifest, seen


def test_a_restore_into_an_empty_database_gives_back_the_same_site(backup, db, tmp_path):
    archive, identity, manifest, seen = backup
    assert seen["help_points"] and seen["workshops"] and seen["documents"]
    assert manifest["files"] == len(seen["documents"])
    with media_settings(tmp_path):
        call_command("restore", str(archive), stdout=StringIO())
        assert what_she_and_staff_see() == seen
        for document in get_document_model().objects.all():
            with document.file.open() as file:
                assert file.read() == document.title.encode()
    assert not (tmp_path / "media" / "documents").exists()  # never under the public media
    assert sorted(path.name for path in (tmp_path / "private" / "documents").iterdir())

    ciphertext = EncryptedMessage.objects.get().ciphertext
    assert json.loads(pyrage.decrypt(bytes(ciphertext), [identity])) == MESSAGE


def test_the_archive_is_readable_by_its_owner_only(backup, db):
    archive, *_ = backup
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as contents:
        assert all(member.mode == 0o600 for member in contents.getmembers())


def test_a_restore_into_a_database_with_content_is_refused(backup, demo):
    archive, *_ = backup
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(archive))


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    other = tmp_path / "photo.tar.gz"
    other.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="is not a backup made by `manage.py backup`"):
        call_command("restore", str(other))


def test_a_missing_archive_is_a_clear_error_and_a_failed_command():
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", "/nonexistent/closher.tar.gz"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "closher.settings.test"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "No backup archive at /nonexistent/closher.tar.gz." in result.stderr
