"""The canary: what she writes, her address and her browser appear nowhere on the server.

A unique message is sent, then every column of every table, the logs at DEBUG (SQL
included), the outgoing mail, the cache and the error report of a crash in the view
are searched for it. The second test removes the protections and shows the same
search finds the leaks, so the first cannot pass by looking in the wrong places.
"""

import logging
import uuid
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.views.debug import ExceptionReporter, get_default_exception_reporter_filter

from services.models import EncryptedMessage

from .test_contact import form_data

ADDRESS = "203.0.113.77"
PRIVATE_FILTER = "services.contact.reporting.PrivateExceptionReporterFilter"


@pytest.fixture
def canary():
    token = uuid.uuid4().hex
    return {
        "message": f"canary-message-{token}",
        "detail": f"canary-{token}@example.net",
        "address": ADDRESS,
        "user_agent": f"CanaryBrowser/{token}",
    }


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def logs():
    """Every log record at DEBUG, SQL statements with their parameters included."""
    handler = Records()
    root = logging.getLogger()
    loggers = [root, logging.getLogger("django"), logging.getLogger("django.db.backends")]
    previous = [logger.level for logger in loggers]
    root.addHandler(handler)
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True
    yield handler.records
    connection.force_debug_cursor = False
    root.removeHandler(handler)
    for logger, level in zip(loggers, previous, strict=True):
        logger.setLevel(level)


def as_text(value):
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def database_text():
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            # table names come from the database itself, quoted
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.extend(as_text(value) for row in cursor.fetchall() for value in row)
    return "\n".join(chunks)


def log_text(records):
    chunks = []
    for record in records:
        chunks.append(record.getMessage())
        chunks.append(repr(record.__dict__))
    return "\n".join(chunks)


def mail_text():
    return "\n".join(
        f"{m.subject}\n{m.body}\n{m.to}\n{m.message().as_string()}" for m in mail.outbox
    )


def crash_report(client, inbox, canary, records):
    """Send the form once more with the view crashing; the report Django would mail."""
    client.raise_request_exception = False
    with mock.patch(
        "services.contact.views.encrypt_payload", side_effect=RuntimeError("forced crash")
    ):
        response = post(client, inbox, canary)
    assert response.status_code == 500
    record = next(r for r in records if r.name == "django.request" and r.exc_info)
    reporter = ExceptionReporter(record.request, *record.exc_info, is_email=True)
    return reporter.get_traceback_text() + reporter.get_traceback_html()


def post(client, inbox, canary):
    return client.post(
        inbox.page.url,
        form_data(
            association=str(inbox.a.pk),
            message=canary["message"],
            channel="email",
            contact_detail=canary["detail"],
        ),
        REMOTE_ADDR=canary["address"],
        HTTP_USER_AGENT=canary["user_agent"],
    )


def leaks(canary, places):
    """[(secret, place)] for every secret found in a place."""
    return [
        (name, place)
        for place, text in places.items()
        for name, secret in canary.items()
        if secret in text
    ]


def search_everywhere(client, inbox, canary, records, django_capture_on_commit_callbacks):
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, inbox, canary)
    assert response.status_code == 302
    assert EncryptedMessage.objects.count() == 1
    assert len(mail.outbox) == 1
    report = crash_report(client, inbox, canary, records)
    assert "forced crash" in report  # the report is real, and searched
    return leaks(
        canary,
        {
            "database": database_text(),
            "logs": log_text(records),
            "mail": mail_text(),
            "cache": repr(cache._cache),
            "error report": report,
        },
    )


def test_the_canary_is_nowhere(
    client, inbox, canary, logs, settings, django_capture_on_commit_callbacks
):
    assert settings.DEFAULT_EXCEPTION_REPORTER_FILTER == PRIVATE_FILTER
    get_default_exception_reporter_filter.cache_clear()
    found = search_everywhere(client, inbox, canary, logs, django_capture_on_commit_callbacks)

    assert found == []
    assert any("INSERT" in r.getMessage() for r in logs)  # the SQL log was searched


def test_the_search_finds_leaks_when_the_protections_are_removed(
    client, inbox, canary, logs, settings, django_capture_on_commit_callbacks
):
    settings.DEFAULT_EXCEPTION_REPORTER_FILTER = "django.views.debug.SafeExceptionReporterFilter"
    get_default_exception_reporter_filter.cache_clear()  # Django caches the filter

    def in_clear(association, payload):  # no encryption, and a careless debug line
        logging.getLogger("services.contact").debug("payload: %s", payload)
        return repr(payload).encode(), []

    with (
        mock.patch("services.contact.views.encrypt_payload", side_effect=in_clear),
        django_capture_on_commit_callbacks(execute=True),
    ):
        post(client, inbox, canary)
    found = leaks(canary, {"database": database_text(), "logs": log_text(logs)})

    try:
        report = crash_report(client, inbox, canary, logs)
    finally:
        settings.DEFAULT_EXCEPTION_REPORTER_FILTER = PRIVATE_FILTER
        get_default_exception_reporter_filter.cache_clear()
    found += leaks(canary, {"error report": report})
    assert ("message", "database") in found
    assert ("message", "logs") in found
    assert ("address", "error report") in found
    assert ("user_agent", "error report") in found
