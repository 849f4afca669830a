"""Files sent from the public site stay in memory: never a temporary file in clear.

Django's default handlers write an upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE
(2.5 MB) to a temporary file. A photo of an injury must not lie on the server's disk,
so every POST outside the admin is read with `BoundedMemoryUploadHandler` only. The
handler is set by a middleware placed before the CSRF check: Wagtail serves the contact
page through its own catch-all view, and the CSRF middleware reads the POST body
before any view runs, after which the handlers can no longer change (Django's
"Modifying upload handlers on the fly").

Memory is bounded: the files of one request together may hold at most the largest
thing the contact form accepts (its attachments, or a ciphertext made in the browser);
past that the file is dropped and `request.uploads_too_large` is set, so the form says
so and keeps her text. A request of more than twice that is refused outright (400).
"""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopFutureHandlers


def upload_limit():
    """The most file bytes one public request may hold in memory."""
    return max(settings.CONTACT_ATTACHMENTS_MAX_BYTES, settings.CONTACT_CIPHERTEXT_MAX_BYTES)


class BoundedMemoryUploadHandler(FileUploadHandler):
    """Every uploaded file in a BytesIO; the request's files bounded together."""

    def __init__(self, request=None):
        super().__init__(request)
        self.total = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length is not None and content_length > 2 * upload_limit():
            raise RequestDataTooBig("The request is larger than the contact form accepts.")

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file = BytesIO()
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data, start):
        self.total += len(raw_data)
        if self.total > upload_limit():  # the parser closes self.file and drops it
            if self.request is not None:
                self.request.uploads_too_large = True
            raise SkipFile()
        self.file.write(raw_data)

    def file_complete(self, file_size):
        self.file.seek(0)
        return InMemoryUploadedFile(
            file=self.file,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


class MemoryOnlyUploadsMiddleware:
    """Read the files of every public POST with BoundedMemoryUploadHandler only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path.startswith("/admin/"):
            request.upload_handlers = [BoundedMemoryUploadHandler(request)]
        return self.get_response(request)
