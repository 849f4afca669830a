"""Partner associations of the network (HSDS organization / schema.org NGO).

Each association has its own section of the site: its page, and below it the
pages it publishes (workshops). Names are proper nouns and stay as written.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage


class AssociationIndexPage(BasePage):
    """Lists the associations of the network."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.AssociationPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("association index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["associations"] = (
            AssociationPage.objects.child_of(self).live().public().order_by("title")
        )
        return context


class AssociationPage(BasePage):
    """An association of the network: who they are and how to reach them."""

    legal_name = models.CharField(
        _("legal name"),
        max_length=200,
        help_text=_("Full registered name, e.g. 'Associazione MondoDonna Onlus'."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences on what the association does.")
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    based_in = models.CharField(
        _("based in"), max_length=120, help_text=_("The comune where the association is based.")
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("active since"), null=True, blank=True)

    parent_page_types = ["services.AssociationIndexPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("legal_name"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("based_in"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("founded_year"),
                InlinePanel("phones", label=_("Phone numbers")),
            ],
            heading=_("Contacts"),
        ),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("legal_name"),
        TranslatableField("summary"),
        TranslatableField("description"),
        SynchronizedField("based_in"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("founded_year"),
        SynchronizedField("phones"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("legal_name"),
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("association")


class AssociationPhone(Orderable):
    """A phone number of an association (HSDS phone)."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("Office")
        HELPLINE = "helpline", _("Listening line")
        MOBILE = "mobile", _("Mobile")

    association = ParentalKey(AssociationPage, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=30, help_text=_("e.g. +39 051 123 4567"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OFFICE)

    panels = [FieldPanel("number"), FieldPanel("kind")]

    def __str__(self):
        return self.number
