"""Private documents stay private: they never leave their collection's privacy.

A document in a private collection can move only to that collection or one below it
(which inherits the restriction), whoever asks and however: the edit form (Wagtail's
`WAGTAILDOCS_DOCUMENT_FORM_BASE`) and the "add to collection" bulk action both check
`keeps_privacy`. Listing, choosing, replacing and deleting are refused outside the
audience by the narrowed permission policy and the admin guard.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .access import keeps_privacy

STAYS_PRIVATE = _(
    "This document is confidential: it can only move to its own collection or one below it."
)


class PrivateDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing to move a private document out of its privacy."""

    def clean_collection(self):
        collection = self.cleaned_data["collection"]
        if self.instance.pk and not keeps_privacy(self.instance.collection, collection):
            raise forms.ValidationError(STAYS_PRIVATE)
        return collection

    class Meta(BaseDocumentForm.Meta):
        pass


def moves_out_of_privacy(documents, collection):
    """True when moving `documents` into `collection` would take one out of its privacy."""
    return any(not keeps_privacy(document.collection, collection) for document in documents)
