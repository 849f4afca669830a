"""Photos and documents sent with a message: at most 3, JPEG, PNG or PDF, 10 MB in all.

With JavaScript the browser checks the same limits, re-encodes photos and encrypts
the files with the message (static/js/contact.js). Without it they arrive here, in
memory only (uploads.py): the type is read from the bytes, not from the name; photos
are decoded and encoded again with Pillow, which drops EXIF (the place the photo was
taken, the phone) and any other metadata; then they go into the age payload.
"""

import base64
from io import BytesIO

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

SIGNATURES = {
    b"\xff\xd8\xff": ("image/jpeg", "JPEG"),
    b"\x89PNG\r\n\x1a\n": ("image/png", "PNG"),
    b"%PDF-": ("application/pdf", None),
}
ACCEPT = "image/jpeg,image/png,application/pdf"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input; cleans to a list of attachment dicts for the payload."""

    widget = MultipleFileInput
    default_error_messages = {
        "too_many": _("You can attach at most %(count)s files."),
        "too_large": _(
            "Your files are larger than %(megabytes)s MB together. Choose fewer or smaller files."
        ),
        "wrong_type": _(
            "“%(name)s” cannot be attached: only photos (JPEG or PNG) and PDF documents."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"multiple": True, "accept": ACCEPT})

    def clean(self, data, initial=None):
        files = [item for item in (data or []) if item]
        if len(files) > settings.CONTACT_ATTACHMENTS_MAX_FILES:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"count": settings.CONTACT_ATTACHMENTS_MAX_FILES},
            )
        if sum(item.size for item in files) > settings.CONTACT_ATTACHMENTS_MAX_BYTES:
            raise self.too_large()
        return [self.attachment(item) for item in files]

    def too_large(self):
        return ValidationError(
            self.error_messages["too_large"],
            code="too_large",
            params={"megabytes": settings.CONTACT_ATTACHMENTS_MAX_BYTES // (1024 * 1024)},
        )

    def attachment(self, upload):
        data = upload.read()
        known = [kind for signature, kind in SIGNATURES.items() if data.startswith(signature)]
        if not known:
            raise self.wrong_type(upload)
        content_type, image_format = known[0]
        if image_format is not None:
            try:
                data = without_metadata(data, image_format)
            except (OSError, ValueError, Image.DecompressionBombError):
                raise self.wrong_type(upload) from None
        return {"name": upload.name, "type": content_type, "data": data}

    def wrong_type(self, upload):
        return ValidationError(
            self.error_messages["wrong_type"], code="wrong_type", params={"name": upload.name}
        )


def without_metadata(data, image_format):
    """The image encoded again from its pixels, upright, with no EXIF or other metadata."""
    with Image.open(BytesIO(data)) as image:
        upright = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        out = BytesIO()
        upright.save(out, image_format, **({"quality": 90} if image_format == "JPEG" else {}))
    return out.getvalue()


def as_payload(attachments):
    """The attachments as the age payload holds them (the browser writes the same)."""
    return [
        {
            "name": item["name"],
            "type": item["type"],
            "size": len(item["data"]),
            "data": base64.b64encode(item["data"]).decode(),
        }
        for item in attachments
    ]
