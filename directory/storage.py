"""Media storage that keeps document files out of every public path.

Images and their renditions are public and live under MEDIA_ROOT, which the web
server may serve at MEDIA_URL. Documents (Wagtail stores them under `documents/`) live
under PRIVATE_MEDIA_ROOT instead: no URL maps to it, and they are only ever sent by
Wagtail's document view, after the privacy checks and the audit record.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property

DOCUMENTS = "documents/"


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT for images; PRIVATE_MEDIA_ROOT, with no URL, for documents."""

    @cached_property
    def private(self):
        return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)

    def path(self, name):
        if name.startswith(DOCUMENTS):
            return self.private.path(name)
        return super().path(name)

    def _save(self, name, content):
        if name.startswith(DOCUMENTS):
            return self.private._save(name, content)
        return super()._save(name, content)

    def url(self, name):
        if name and name.startswith(DOCUMENTS):
            # What storages without URLs raise; Wagtail's document view then serves the file.
            raise NotImplementedError("Document files have no public URL.")
        return super().url(name)
