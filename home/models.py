"""Pages of the public site that are not about services: home, content and projects."""

import contextlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import models
from django.http import HttpRequest
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import EntryPointBlock, content_blocks


class BasePage(Page):
    """Fields and translation rules shared by every public page type."""

    example_data = models.BooleanField(
        _("contains example data"),
        default=False,
        help_text=_(
            "Tick when addresses, hours or other facts on this page are invented for a demo: "
            "the page then says so to every visitor."
        ),
    )

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("example_data"),
    ]

    promote_panels = [*Page.promote_panels, FieldPanel("example_data")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = self.untranslated_from()
        context["untranslated_from"] = source
        # On the fields of an untranslated page: its text is in the source language,
        # while the labels around it are in hers.
        context["content_lang"] = (
            format_html(' lang="{}" dir="{}"', source["code"], "rtl" if source["bidi"] else "ltr")
            if source
            else ""
        )
        return context

    def get_url_parts(self, request=None):
        """Wagtail's URL parts, with the site's root URL taken from `request` when the page
        is on the site that request is for: an absolute URL (API, feeds, sitemap, JSON-LD)
        then points to the scheme, host and port that served it, whatever the Site record
        says. Without a request (emails, tasks), or with a host this server does not answer
        for (ALLOWED_HOSTS: Wagtail's own dummy requests, when it makes redirects after a
        slug change, carry the Site record's hostname), it is the Site record's."""
        parts = super().get_url_parts(request)
        if parts is None or parts[1] is None or not isinstance(request, HttpRequest):
            return parts
        site_id, root_url, page_path = parts
        site = Site.find_for_request(request)
        if site is not None and site.pk == site_id:
            with contextlib.suppress(DisallowedHost):
                root_url = f"{request.scheme}://{request.get_host()}"
        return site_id, root_url, page_path

    def untranslated_from(self):
        """Language info of the page this one mirrors, if it is an untranslated alias."""
        if not self.alias_of_id:
            return None
        source = Page.objects.select_related("locale").get(pk=self.alias_of_id)
        if source.locale_id == self.locale_id:
            return None
        code = source.locale.language_code
        return {
            "code": code,
            "name": dict(settings.LANGUAGES)[code],
            "bidi": get_language_info(code)["bidi"],
        }


class NeverCachedMixin:
    """A page whose responses no cache keeps: what she searched for is in them."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response


class HomePage(BasePage):
    """The front page: what the network is, the emergency numbers and the ways to get help."""

    intro = models.TextField(
        _("introduction"),
        help_text=_("Two or three sentences on what the network is and who it helps."),
    )
    entry_points = StreamField(
        [("entry_point", EntryPointBlock())],
        blank=True,
        verbose_name=_("entry points"),
        help_text=_("Cards leading to finding help, workshops, contact and the other sections."),
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("entry_points"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("entry_points"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")


class StandardPage(BasePage):
    """A general content page (about us, how to get help, privacy…) built from blocks."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short summary shown under the title and in listings."),
    )
    body = StreamField(content_blocks(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class ProjectIndexPage(BasePage):
    """Lists the network's projects, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProjectPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("project index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = (
            ProjectPage.objects.child_of(self).live().public().order_by("-start_year", "title")
        )
        return context


class ProjectPage(BasePage):
    """A funded project of the network, with its facts in structured fields."""

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences: what the project does and for whom.")
    )
    place = models.CharField(
        _("place"),
        max_length=200,
        help_text=_("Where the project works, e.g. 'Casalmaggiore and nearby municipalities'."),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    beneficiaries = models.TextField(_("beneficiaries"), help_text=_("Who the project is for."))
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    body = StreamField(content_blocks(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.ProjectIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("beneficiaries"),
                FieldPanel("budget"),
            ],
            heading=_("Facts"),
        ),
        InlinePanel("organisations", label=_("Promoters, partners and funders")),
        FieldPanel("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("place"),
        SynchronizedField("start_year"),
        SynchronizedField("end_year"),
        TranslatableField("beneficiaries"),
        SynchronizedField("budget"),
        SynchronizedField("organisations"),
        TranslatableField("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("project page")

    @property
    def years(self):
        """'2019–2020', or the start year alone."""
        if self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    def organisations_by_role(self):
        """[(role label, [organisation, …]), …], promoters first, then partners, funders…"""
        grouped = {}
        for organisation in self.organisations.all():
            grouped.setdefault(organisation.role, []).append(organisation)
        return [
            (label, grouped[role])
            for role, label in ProjectOrganisation.Role.choices
            if role in grouped
        ]


class ProjectOrganisation(Orderable):
    """An organisation with a role in a project (names are proper nouns: not translated)."""

    class Role(models.TextChoices):
        PROMOTER = "promoter", _("Promoter")
        PARTNER = "partner", _("Partners")
        FUNDER = "funder", _("Funders")
        SUPPORTER = "supporter", _("Supported by")

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("website")]

    def __str__(self):
        return self.name


class SafeBrowsingPage(BasePage):
    """Safe-browsing guidance: the quick exit, traces on devices and accounts, and help.

    Linked from the quick-exit bar on every page; the template adds a demo of the exit
    button under the introduction.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Two or three reassuring sentences shown under the title."),
    )
    body = StreamField(
        content_blocks(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("One heading and a few short paragraphs per topic."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("safe-browsing guidance page")
