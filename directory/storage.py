"""Media storage that keeps document files out of every public path.

Images and their renditions are public; documents (Wagtail stores them under
`documents/`) are not: they are only ever sent by Wagtail's document view, after the
privacy checks and the audit record, and no storage gives them a URL.

- `MediaStorage` (one machine): images under MEDIA_ROOT, which the web server may serve at
  MEDIA_URL; documents under PRIVATE_MEDIA_ROOT, which no URL maps to.
- `S3MediaStorage` (several machines, AWS_STORAGE_BUCKET_NAME set): images in the public
  media bucket; documents in a private bucket, stored without a public ACL, never given a
  URL (not even a signed one) and streamed by the document view.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property
from storages.backends.s3 import S3Storage

DOCUMENTS = "documents/"


class DocumentsApart:
    """Sends every operation on a document's name to `self.private`, which has no URL."""

    def storage_for(self, name):
        return self.private if name and name.startswith(DOCUMENTS) else super()

    def path(self, name):
        return self.storage_for(name).path(name)

    def _open(self, name, mode="rb"):
        return self.storage_for(name)._open(name, mode)

    def _save(self, name, content):
        return self.storage_for(name)._save(name, content)

    def delete(self, name):
        return self.storage_for(name).delete(name)

    def exists(self, name):
        return self.storage_for(name).exists(name)

    def size(self, name):
        return self.storage_for(name).size(name)

    def get_modified_time(self, name):
        return self.storage_for(name).get_modified_time(name)

    def url(self, name, *args, **kwargs):
        if name and name.startswith(DOCUMENTS):
            # What storages without URLs raise; Wagtail's document view then serves the file.
            raise NotImplementedError("Document files have no public URL.")
        return super().url(name, *args, **kwargs)


class MediaStorage(DocumentsApart, FileSystemStorage):
    """MEDIA_ROOT for images; PRIVATE_MEDIA_ROOT, with no URL, for documents."""

    @cached_property
    def private(self):
        return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class PrivateS3Storage(S3Storage):
    """The documents' bucket: objects stored private (no ACL granting anyone), no URL."""

    def get_default_settings(self):
        # Whatever the AWS_* settings say for other buckets: no ACL, no extra object
        # parameters (which could carry one), no public domain.
        return {
            **super().get_default_settings(),
            "default_acl": None,
            "object_parameters": {},
            "custom_domain": None,
        }

    def url(self, name, *args, **kwargs):
        raise NotImplementedError("Document files have no public URL.")


class S3MediaStorage(DocumentsApart, S3Storage):
    """The public media bucket for images; the private bucket for documents.

    OPTIONS are django-storages' S3 options for the media bucket, plus
    `private_bucket_name`: the documents' bucket, reached with the same endpoint and keys.
    """

    def __init__(self, *, private_bucket_name, **options):
        super().__init__(**options)
        connection = {
            name: options[name]
            for name in ("endpoint_url", "region_name", "access_key", "secret_key")
            if name in options
        }
        self.private = PrivateS3Storage(bucket_name=private_bucket_name, **connection)
