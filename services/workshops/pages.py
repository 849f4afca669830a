"""The workshops page: the upcoming sessions of every workshop, filtered.

A page above the listing (listing.py) in the import order: models never import it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from home.models import BasePage, NeverCachedMixin

from .overview import overview


class WorkshopIndexPage(NeverCachedMixin, BasePage):
    """Lists the upcoming sessions of every workshop, with filters that work without JS."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("workshop index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(overview(request.GET, self, request))
        return context
