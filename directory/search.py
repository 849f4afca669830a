"""Search and filters of the directory, over what the signed-in operator may see."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .access import visible

KIND_CHOICES = [
    ("housing", _("Housing and shelters")),
    ("emergency", _("Emergency accommodation")),
    ("contact", _("Referral contacts")),
    ("protocol", _("Protocols and documents")),
]


class DirectorySearch:
    """Reads `q`, `kind`, `comune` and `available` from the query string.

    Text search goes through Wagtail's search backend (the database backend: full-text
    on PostgreSQL); filters apply to the resources this request may view, and only
    those are ever searched.
    """

    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        self.query = request.GET.get("q", "").strip()[:200]
        self.kind = request.GET.get("kind", "")
        self.comune = request.GET.get("comune", "")
        self.available = request.GET.get("available") == "1"
        self.kind_choices = KIND_CHOICES

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
