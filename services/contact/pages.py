"""The contact page: a woman writes to the network, encrypted at once for one association.

Not built on wagtail.contrib.forms, which stores and emails submissions in clear.
The page routes to the form's views (views.py): it sits above them in the import order.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, NeverCachedMixin

from .views import contact_view, route_view, thanks_view


class ContactPage(NeverCachedMixin, RoutablePageMixin, BasePage):
    """The page where a woman writes to an association of the network, end-to-end encrypted."""

    intro = models.TextField(
        _("introduction"),
        help_text=_("A few words above the form: who reads the message and when."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        features=["bold", "italic", "link"],
        help_text=_("Short: what is stored, who can read it, how long it is kept."),
    )
    next_steps = RichTextField(
        _("what happens next"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("Shown after sending: when and how the association will answer."),
    )
    default_association = models.ForeignKey(
        "services.AssociationPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("network default"),
        help_text=_("Receives the messages of women who choose no association or place."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("next_steps"),
        FieldPanel("default_association"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("privacy_notice"),
        TranslatableField("next_steps"),
        SynchronizedField("default_association"),
    ]

    class Meta:
        verbose_name = _("contact page")

    @path("")
    def contact(self, request):
        return contact_view(request, self)

    @path("destinazione/", name="route")
    def destination(self, request):
        return route_view(request, self)

    @path("grazie/", name="thanks")
    def thanks(self, request):
        return thanks_view(request, self)
