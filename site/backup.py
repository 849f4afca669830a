"""One archive with everything a network's site holds, and its restore into a new database.

`manage.py backup --out FILE` writes a tar.gz with
- `database.json`: every row, in the JSON of Django's `dumpdata` that `loaddata` reads,
  with content types and permissions named by natural key (`migrate` numbers them
  differently on each database), so that it loads into SQLite or PostgreSQL alike;
- `files/…`: every stored file (images, documents: public media and private documents),
  read through the media storage, local disk or S3 buckets alike;
- `manifest.json`: the format, when, and how many rows and files.

Left out, because they are rebuilt or only transient: content types and permissions
(made by `migrate`), sessions, the search index (rebuilt on restore), image renditions
(made again when shown), queued background tasks and login-failure records.

`manage.py restore FILE` loads such an archive into an empty, migrated database: the
same pages, help points, workshops, directory, accounts, keys and encrypted messages
(their ciphertext unchanged: they still decrypt with the associations' keys).

The archive holds the encrypted messages, the staff accounts and their second-factor
secrets: keep it as carefully as the database (the README says how).
"""

import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.serializers import json as json_serializer
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import FileField
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

FORMAT = 1
DATABASE = "database.json"
MANIFEST = "manifest.json"
FILES = "files/"
LEFT_OUT_APPS = {"contenttypes", "sessions", "wagtailsearch", "django_tasks_database", "axes"}
LEFT_OUT_MODELS = {"auth.permission", "wagtailimages.rendition"}


class PortableSerializer(json_serializer.Serializer):
    """Refers to content types and permissions by natural key, to every other row by id.

    (Every model's natural key would be slower, and fails on the log entries that keep
    the id of a deleted page.)
    """

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in (ContentType, Permission)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in (ContentType, Permission)
        super().handle_m2m_field(obj, field)


def kept_models():
    for model in apps.get_models():
        meta = model._meta
        if (
            meta.app_label not in LEFT_OUT_APPS
            and meta.label_lower not in LEFT_OUT_MODELS
            and meta.managed
            and not meta.proxy
        ):
            yield model


def kept_rows():
    for model in kept_models():
        yield from model._base_manager.order_by(model._meta.pk.name).iterator()


def dump_rows(path):
    """Every kept row to `path`; how many."""
    count = 0

    def counted():
        nonlocal count
        for row in kept_rows():
            count += 1
            yield row

    with open(path, "w") as stream:
        PortableSerializer().serialize(counted(), stream=stream, indent=None)
    return count


class BackupError(Exception):
    """A backup that cannot be restored here; the message says why."""


def stored_files():
    """(storage, name) of every file a row points to, renditions left out."""
    rendition = get_image_model().get_rendition_model()
    for model in apps.get_models():
        if model is rendition or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField):
                names = model._base_manager.exclude(**{field.name: ""}).values_list(
                    field.name, flat=True
                )
                for name in names.distinct().iterator():
                    yield field.storage, name


def write_backup(path):
    """Write the archive to `path`; return the manifest."""
    with tempfile.TemporaryDirectory() as scratch:
        rows = Path(scratch) / DATABASE
        count = dump_rows(rows)
        files = 0
        # Readable by its owner only, from the first byte on.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "wb") as output, tarfile.open(fileobj=output, mode="w:gz") as archive:
            archive.add(rows, DATABASE, filter=owner_only)
            for storage, name in stored_files():
                if not storage.exists(name):
                    continue  # a row whose file is already gone: nothing to keep
                with storage.open(name) as source:
                    content = source.read()
                add_bytes(archive, FILES + name, content)
                files += 1
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "rows": count,
                "files": files,
            }
            add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
    return manifest


def owner_only(member):
    member.mode = 0o600
    return member


def add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(owner_only(info), io.BytesIO(content))


def database_state():
    """Why this database cannot take a restore, or None if it is empty and migrated."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return "The database is not migrated: run `manage.py migrate` first."
    user_model = apps.get_model("auth", "User")
    if user_model.objects.exists() or Page.objects.filter(depth__gt=2).exists():
        return (
            "The database is not empty (it has pages or accounts): restore only into a new "
            "database on which `manage.py migrate` has run, and nothing else."
        )
    return None


def read_manifest(path):
    """The manifest of the backup archive at `path`, or BackupError."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup archive at {path}.")
    try:
        with tarfile.open(path, "r:gz") as archive:
            manifest = json.loads(archive.extractfile(MANIFEST).read())
            archive.getmember(DATABASE)
    except (tarfile.TarError, KeyError, OSError, ValueError) as error:
        raise BackupError(f"{path} is not a backup made by `manage.py backup`.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} has backup format {manifest.get('format')}, not {FORMAT}.")
    return manifest


def restore_backup(path):
    """Load the archive at `path` into this empty, migrated database; return its manifest."""
    manifest = read_manifest(path)
    problem = database_state()
    if problem:
        raise BackupError(problem)
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as scratch:
        rows = Path(scratch) / DATABASE
        rows.write_bytes(archive.extractfile(DATABASE).read())
        with transaction.atomic():
            # Wagtail's welcome page (and the site pointing at it) make way for the backup's.
            for welcome in Page.objects.filter(depth=2):
                welcome.delete()
            call_command("loaddata", str(rows), verbosity=0)
            storages = {name: storage for storage, name in stored_files()}
            for member in archive.getmembers():
                name = member.name.removeprefix(FILES)
                if member.name.startswith(FILES) and name in storages:
                    storage = storages[name]
                    if storage.exists(name):
                        storage.delete(name)
                    storage.save(name, archive.extractfile(member))
        call_command("update_index", verbosity=0)
    return manifest
