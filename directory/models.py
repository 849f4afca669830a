"""The protected resource directory: confidential resources for network operators.

Everything here lives below a `DirectoryIndexPage` that carries Wagtail's own page
privacy, restricted to operator groups; a resource can narrow its audience further
with a privacy setting of its own (e.g. only "Operators – M.I.A."). Documents go in
private collections. Every view is recorded in `AccessRecord`; housing availability
keeps its history in `AvailabilityChange`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from closher.security import mark_private
from home.models import BasePage

from .access import confidential_root
from .permission_policies import AudiencePagePermissionTester
from .search import DirectorySearch, ResourceKind


class PrivatePageMixin:
    """Never cached, never indexed, never in the sitemap; every view is audited.

    In the admin, nobody outside the page's audience has any right on it (not even to
    add a page below it), and nobody moves it out from under its privacy.
    """

    def permissions_for_user(self, user):
        return AudiencePagePermissionTester(user, self)

    def can_move_to(self, parent):
        root = confidential_root(self)
        if root is not None and root.pk != self.pk and not parent.path.startswith(root.path):
            return False
        return super().can_move_to(parent)

    def get_sitemap_urls(self, request=None):
        return []

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        mark_private(response)
        return response


class DirectoryIndexPage(PrivatePageMixin, BasePage):
    """The operators' directory: search and filters over the resources below it.

    Set its privacy to "private, accessible to users in specific groups" and choose
    the operator groups: every page below inherits the restriction.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short note for operators: what they find here and how to keep it safe."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "directory.HousingUnitPage",
        "directory.ReferralContactPage",
        "directory.ProtocolPage",
    ]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("resource directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["search"] = DirectorySearch(self, request)
        return context


class ResourcePage(PrivatePageMixin, BasePage):
    """Fields shared by every kind of confidential resource."""

    comune = models.CharField(
        _("comune"), max_length=120, help_text=_("The comune where the resource is, e.g. Cremona.")
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences operators see in the search results.")
    )
    notes = RichTextField(
        _("notes for operators"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("How to refer a woman, what to prepare, who to ask."),
    )

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("comune"),
        TranslatableField("summary"),
        TranslatableField("notes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("notes"),
        index.SearchField("comune"),
        index.FilterField("comune"),
    ]

    class Meta:
        abstract = True

    kind = ""  # a ResourceKind

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.status_code == 200:
            AccessRecord.record(request.user, page=self)
        return response


class HousingUnitPage(ResourcePage):
    """A housing or shelter unit, or an emergency place, with its current availability."""

    class AccommodationType(models.TextChoices):
        HOUSING = "housing", _("Housing unit (path to autonomy)")
        SHELTER = "shelter", _("Shelter")
        EMERGENCY = "emergency", _("Emergency accommodation")

    class Accepts(models.TextChoices):
        WOMEN = "women", _("Single women")
        MOTHERS = "mothers", _("Mothers with children")
        BOTH = "both", _("Single women and mothers with children")

    accommodation_type = models.CharField(
        _("type"),
        max_length=20,
        choices=AccommodationType.choices,
        default=AccommodationType.HOUSING,
    )
    managed_by = models.ForeignKey(
        "services.AssociationPage",
        verbose_name=_("managed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The association of the network that runs it."),
    )
    address = models.CharField(
        _("confidential address"),
        max_length=255,
        blank=True,
        help_text=_("Never give it out on the phone or by email to someone you do not know."),
    )
    accepts = models.CharField(_("accepts"), max_length=20, choices=Accepts.choices)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), help_text=_("Places in total (women and children).")
    )
    free_places = models.PositiveSmallIntegerField(
        _("free places now"), help_text=_("Update it whenever a place is taken or freed.")
    )
    availability_updated_at = models.DateTimeField(
        _("availability updated at"), null=True, blank=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("accommodation_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("free_places")]),
                FieldPanel("accepts"),
            ],
            heading=_("Availability"),
        ),
        FieldPanel("managed_by"),
        FieldRowPanel([FieldPanel("comune"), FieldPanel("address")]),
        FieldPanel("notes"),
    ]
    translatable_fields = [
        *ResourcePage.translatable_fields,
        SynchronizedField("accommodation_type"),
        SynchronizedField("managed_by"),
        SynchronizedField("address"),
        SynchronizedField("accepts"),
        SynchronizedField("capacity"),
        SynchronizedField("free_places"),
    ]
    search_fields = [*ResourcePage.search_fields, index.SearchField("address")]

    class Meta:
        verbose_name = _("housing or shelter unit")

    @property
    def kind(self):
        if self.accommodation_type == self.AccommodationType.EMERGENCY:
            return ResourceKind.EMERGENCY
        return ResourceKind.HOUSING

    def save(self, *args, **kwargs):
        previous = (
            HousingUnitPage.objects.filter(pk=self.pk).values_list("free_places", flat=True).first()
        )
        if previous != self.free_places or self.availability_updated_at is None:
            self.availability_updated_at = timezone.now()
        super().save(*args, **kwargs)


class ReferralContactPage(ResourcePage):
    """A direct contact of a referral service: social services, health, police…"""

    class Sector(models.TextChoices):
        SOCIAL = "social", _("Social services")
        HEALTH = "health", _("Health (emergency department, clinics)")
        POLICE = "police", _("Law enforcement")
        LEGAL = "legal", _("Legal aid")
        PSYCHOLOGY = "psychology", _("Psychologists")
        MEDIATION = "mediation", _("Linguistic and cultural mediation")
        EMPLOYMENT = "employment", _("Employment")

    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        help_text=_("e.g. 'ASST Cremona – Pronto soccorso, percorso dedicato'."),
    )
    contact_person = models.CharField(_("contact person or role"), max_length=200, blank=True)
    phone = models.CharField(_("direct phone"), max_length=40, blank=True)
    email = models.EmailField(_("direct email"), blank=True)
    hours = models.CharField(
        _("when to call"), max_length=200, blank=True, help_text=_("e.g. 'Mon–Fri 9–13'.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("sector"),
        FieldPanel("organisation"),
        FieldPanel("summary"),
        FieldPanel("comune"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("hours"),
            ],
            heading=_("Direct contact"),
        ),
        FieldPanel("notes"),
    ]
    translatable_fields = [
        *ResourcePage.translatable_fields,
        SynchronizedField("sector"),
        SynchronizedField("organisation"),
        SynchronizedField("contact_person"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        TranslatableField("hours"),
    ]
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("organisation"),
        index.SearchField("contact_person"),
    ]
    kind = ResourceKind.CONTACT

    class Meta:
        verbose_name = _("referral contact")


class ProtocolPage(ResourcePage):
    """A protocol or working document of the network, with its file."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload it to a private collection with the same audience as this page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("comune"),
        FieldPanel("document"),
        FieldPanel("notes"),
    ]
    translatable_fields = [*ResourcePage.translatable_fields, SynchronizedField("document")]
    kind = ResourceKind.PROTOCOL

    class Meta:
        verbose_name = _("protocol or document")


class AvailabilityChange(models.Model):
    """One published change of a housing unit's free places: its history."""

    unit = models.ForeignKey(
        HousingUnitPage, on_delete=models.CASCADE, related_name="availability_changes"
    )
    free_places = models.PositiveSmallIntegerField(_("free places"))
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-changed_at"]
        verbose_name = _("availability change")

    def __str__(self):
        return f"{self.unit_id}: {self.free_places} ({self.changed_at:%Y-%m-%d %H:%M})"


class AccessRecord(models.Model):
    """Who opened which confidential resource or document, and when (no IP address)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("user"), max_length=150)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_title = models.CharField(_("resource or document"), max_length=255)
    viewed_at = models.DateTimeField(_("viewed at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("view of a confidential resource")
        verbose_name_plural = _("views of confidential resources")

    def __str__(self):
        return f"{self.username}: {self.object_title} ({self.viewed_at:%Y-%m-%d %H:%M})"

    @classmethod
    def record(cls, user, *, page=None, document=None):
        return cls.objects.create(
            user=user,
            username=user.get_username(),
            page=page,
            document=document,
            object_title=(page or document).title[:255],
        )
