"""The finder: the help points nearest to a comune, a CAP or her position.

A page above the search (finder.py) in the import order: models never import it.
Without JavaScript the search is a GET form answered by the page itself. With
JavaScript (static/js/finder.js) it is POSTed to `views.finder_results`, which answers
with the same results (`results_context`) as an HTML fragment, so the place she typed
and her coordinates travel in a request body and never in a URL.
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
        context.update(self.results_context(request.GET))
        return context

    def results_context(self, params):
        """The search `params` ask for (the GET form's, or a POSTed body), run."""
        search = search_from_request(params)
        hits = [*search.results, *search.opening_next]
        shown = localized_pages([hit.page for hit in hits], self.locale.language_code)
        for hit in hits:
            hit.shown = shown.get(hit.page.translation_key, hit.page)
        context = {"search": search}
        if search.unknown_place:
            context["provinces"] = HelpPointPage.objects.by_province(self.locale.language_code)
        return context
