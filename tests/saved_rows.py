"""Test data built once per session, then copied into each test's transaction.

Building the demo content means creating, translating and synchronising pages in six
languages, which takes about a minute; `loaddata` of the same rows took seconds per test,
as it saves each object with its signals. `save_rows` builds inside a transaction that is
rolled back, running the on-commit callbacks (wagtail-localize publishes translations on
commit) as a real commit would, and keeps a copy of every table's rows; `load_rows` puts
them back, table by table, in a fraction of a second (PostgreSQL's COPY, or one insert per
table on SQLite).

The copy replaces every table it holds (the search index and the reference index
included), as the database was when the rows were saved. Nothing saved sends a signal, so
the caches are cleared afterwards: what Wagtail and the page cache derived from the old rows
is gone.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import TestCase

# The same in every database of a run, or never part of what a test starts from.
KEPT_TABLES = {"django_migrations", "django_content_type", "auth_permission", "django_session"}


@dataclass
class SavedRows:
    """{table: (columns, rows)}; on PostgreSQL the rows are COPY's text output."""

    tables: dict = field(default_factory=dict)


def save_rows(django_db_blocker, build):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            build()
        saved = read_tables()
        transaction.set_rollback(True)
    return saved


def read_tables():
    saved = SavedRows()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        skipped = KEPT_TABLES | full_text_tables(cursor)
        for table in connection.introspection.table_names(cursor):
            if table in skipped:
                continue
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - a table's own name
            columns = [column[0] for column in cursor.description]
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    rows = b"".join(bytes(block) for block in copy)
            else:
                rows = [tuple(map(as_stored, row)) for row in cursor.fetchall()]
            saved.tables[table] = (columns, rows)
    return saved


def full_text_tables(cursor):
    """SQLite's full-text tables and the tables SQLite keeps them in: the search index's
    triggers fill them from the index's own table."""
    if connection.vendor != "sqlite":
        return set()
    cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
    virtual = {name for (name,) in cursor.fetchall()}
    suffixes = ("", "_data", "_idx", "_content", "_docsize", "_config")
    return {name + suffix for name in virtual for suffix in suffixes}


def as_stored(value):
    """A value as SQLite stores it: Django's converters read dates and times as objects,
    and writes them as text."""
    return str(value) if isinstance(value, dt.date | dt.time) else value


def load_rows(saved):
    """The saved rows, in place of what the tables hold (foreign keys are checked at the
    end of the test's transaction, when every row is back)."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in saved.tables:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 - a table's own name
        for table, (columns, rows) in saved.tables.items():
            if not rows:
                continue
            names = ", ".join(quote(column) for column in columns)
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                    copy.write(rows)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                    rows,
                )
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in saved.tables
        ]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    for cache in caches.all(initialized_only=False):
        cache.clear()
