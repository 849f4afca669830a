"""Test data built once per session, then loaded into each test's transaction.

Building the demo content means creating, translating and synchronising pages in six
languages, which takes seconds; loading the same rows from a fixture file takes a
fraction of that. `save_rows` builds inside a transaction that is rolled back, running
the on-commit callbacks (wagtail-localize publishes translations on commit) as a real
commit would; `load_rows` puts the rows back in a test.
"""

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.models import Page


def save_rows(django_db_blocker, path, build):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            build()
        call_command(
            "dumpdata",
            exclude=["contenttypes", "auth.permission", "sessions"],
            output=str(path),
            verbosity=0,
        )
        transaction.set_rollback(True)
    return path


def load_rows(path):
    # The demo replaces Wagtail's welcome page (and the site that points at it).
    for welcome in Page.objects.filter(depth=2):
        welcome.delete()
    call_command("loaddata", str(path), verbosity=0)
