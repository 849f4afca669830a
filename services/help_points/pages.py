"""The finder: the help points nearest to a comune, a CAP or her position.

A page above the search (finder.py) in the import order: models never import it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from home.models import BasePage, NeverCachedMixin
from services.localized import localized_pages

from .finder import search_from_request
from .models import HelpPointPage


class FinderPage(NeverCachedMixin, BasePage):
    """Search form and results: nearest help points with their opening status.

    Never cached publicly and sets no cookie; the place she typed and her
    coordinates are used for one response and never logged or stored.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence above the search box, e.g. how the search works."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("help point finder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        search = search_from_request(request.GET)
        shown = localized_pages([hit.page for hit in search.results], self.locale.language_code)
        for hit in search.results:
            hit.shown = shown.get(hit.page.translation_key, hit.page)
        context["search"] = search
        if search.unknown_place:
            context["provinces"] = HelpPointPage.objects.by_province(self.locale.language_code)
        return context
