"""Search and filters of the directory, over what the signed-in operator may see."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .access import visible

MAX_QUERY_LENGTH = 200


class ResourceKind(models.TextChoices):
    HOUSING = "housing", _("Housing and shelters")
    EMERGENCY = "emergency", _("Emergency accommodation")
    CONTACT = "contact", _("Referral contacts")
    PROTOCOL = "protocol", _("Protocols and documents")


class DirectorySearchForm(forms.Form):
    """The directory's GET filters, every one optional: `q`, `kind`, `comune`, `available`."""

    q = forms.CharField(required=False)
    kind = forms.ChoiceField(required=False, choices=ResourceKind.choices)
    comune = forms.CharField(required=False)
    available = forms.BooleanField(required=False)

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]


class DirectorySearch:
    """The filters asked for (an unknown value in one leaves the others working).

    Text search goes through Wagtail's search backend (the database backend: full-text
    on PostgreSQL); filters apply to the resources this request may view, and only
    those are ever searched.
    """

    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        form = DirectorySearchForm(request.GET)
        form.is_valid()
        filters = form.cleaned_data
        self.query = filters.get("q", "")
        self.kind = filters.get("kind", "")
        self.comune = filters.get("comune", "")
        self.available = filters.get("available", False)
        self.kind_choices = ResourceKind.choices

    @cached_property
    def resources(self):
        """Every resource of the directory this request may view, as specific pages."""
        pages = visible(Page.objects.child_of(self.index_page).live(), self.request)
        return list(pages.specific().order_by("title"))

    @cached_property
    def comuni(self):
        return sorted({page.comune for page in self.resources if page.comune})

    @property
    def active(self):
        return bool(self.query or self.kind or self.comune or self.available)

    @cached_property
    def results(self):
        pages = self.resources
        if self.query:
            ids = {page.pk for page in pages}
            hits = Page.objects.filter(pk__in=ids).search(self.query, operator="and")
            found = {page.pk for page in hits}
            pages = [page for page in pages if page.pk in found]
        if self.kind:
            pages = [page for page in pages if page.kind == self.kind]
        if self.comune:
            pages = [page for page in pages if page.comune == self.comune]
        if self.available:
            pages = [page for page in pages if getattr(page, "free_places", 0) > 0]
        return pages
