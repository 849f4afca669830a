"""Workshops and support groups that partner associations run, with recurring schedules.

A workshop page lives in its association's section of the site, so the association's
partner group can publish it. The schedule is stored in iCalendar terms (see
recurrence.py): local wall time of the first session in Europe/Rome, a weekly
rule, skipped and extra dates, and changes to single sessions.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from services.associations.models import AssociationPage
from services.fields import CodeListField
from services.languages import language_choices, translated_name
from services.service_codes import SERVICE_NAMES, service_choices

from . import recurrence
from .calendar import json_ld
from .dates import page_dates
from .rhythm import describe as describe_rhythm

UPCOMING = 8  # sessions on a workshop's page


def weekday_choices():
    return list(WEEKDAYS.items())


class WorkshopForm(WagtailAdminPageForm):
    """The editor's form: the help point chosen must be one of the workshop's association."""

    def clean(self):
        cleaned_data = super().clean()
        help_point = cleaned_data.get("help_point")
        association = AssociationPage.objects.ancestor_of(self.parent_page, inclusive=True).first()
        if (
            help_point is not None
            and association is not None
            and help_point.association.translation_key != association.translation_key
        ):
            self.add_error(
                "help_point",
                _("This help point belongs to another association: choose one of %(name)s.")
                % {"name": association.title},
            )
        return cleaned_data


class WorkshopQuerySet(PageQuerySet):
    def listed(self, locale):
        """The live public workshops of `locale` by title, with what a listing shows."""
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .select_related("help_point")
            .prefetch_related("date_changes")
            .annotate(help_point_title=translated_help_point_title())
            .order_by("title")
        )


def translated_help_point_title():
    """The title of a workshop's help point in the workshop's language (None until the help
    point is translated there), read in the same query as the workshop."""
    return Subquery(
        Page.objects.filter(
            translation_key=OuterRef("help_point__translation_key"), locale=OuterRef("locale")
        ).values("title")[:1]
    )


class WorkshopPage(BasePage):
    """A workshop or support group of an association, with its recurring schedule."""

    class Kind(models.TextChoices):
        MINDFULNESS = "mindfulness", _("Mindfulness")
        ASSERTIVENESS = "assertiveness", _("Assertiveness")
        MUSIC_THERAPY = "music-therapy", _("Music therapy")
        JOB_ORIENTATION = "job-orientation", _("Job-orientation coaching")
        SUPPORT_GROUP = "support-group", _("Support group")
        OTHER = "other", _("Other workshop")

    class Joining(models.TextChoices):
        DROP_IN = "drop-in", _("Just come along")
        PHONE = "phone", _("Book by phone")
        FORM = "form", _("Book with a form")

    class Repeats(models.TextChoices):
        ONCE = "once", _("Does not repeat")
        WEEKLY = "weekly", _("Weekly")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in the listings.")
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    audience = models.TextField(
        _("who it is for"),
        blank=True,
        help_text=_("e.g. 'Women of any age; mothers may bring their children.'"),
    )
    help_point = models.ForeignKey(
        "services.HelpPointPage",
        verbose_name=_("help point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
        help_text=_("Where the sessions are held. Leave empty and fill in another address."),
    )
    venue_name = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Only when not at a help point: the name of the place."),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    comune = models.CharField(
        _("comune"),
        max_length=120,
        blank=True,
        help_text=_("Only when not at a help point: the comune of the address."),
    )
    languages = CodeListField(
        _("languages"),
        options=language_choices,
        help_text=_("Languages the sessions are held in, or interpreted into."),
    )
    service_codes = CodeListField(
        _("what it offers"),
        options=service_choices,
        help_text=_("Tick what she can find here: the same list as the help points'."),
    )
    childcare = models.BooleanField(
        _("childcare offered"),
        default=False,
        help_text=_("Tick when someone looks after the children during the sessions."),
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(
        _("cost"),
        max_length=120,
        blank=True,
        help_text=_("Only when not free, e.g. '5 € per session, free on request'."),
    )
    joining = models.CharField(
        _("how to join"), max_length=20, choices=Joining.choices, default=Joining.DROP_IN
    )
    join_phone = models.CharField(
        _("phone to book"), max_length=30, blank=True, help_text=_("e.g. +39 051 123 4567")
    )
    join_url = models.URLField(_("booking form"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty when there is no limit.")
    )

    first_date = models.DateField(_("date of the first session"))
    start_time = models.TimeField(_("starts at"), help_text=_("Local time in Italy."))
    end_time = models.TimeField(_("ends at"))
    timezone = models.CharField(
        _("time zone"), max_length=40, default=recurrence.DEFAULT_TIMEZONE, editable=False
    )
    repeats = models.CharField(
        _("repeats"), max_length=10, choices=Repeats.choices, default=Repeats.WEEKLY
    )
    repeat_every = models.PositiveSmallIntegerField(
        _("every how many weeks"),
        default=1,
        help_text=_("1 for every week, 2 for every other week."),
    )
    weekdays = CodeListField(
        _("on"),
        options=weekday_choices,
        coerce=int,
        max_length=20,
        help_text=_("Days of the week. Empty: the weekday of the first session."),
    )
    repeat_until = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Last possible date, included.")
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("number of sessions"),
        null=True,
        blank=True,
        help_text=_("Instead of an end date: how many sessions in all."),
    )

    parent_page_types = ["services.AssociationPage"]
    subpage_types = []
    base_form_class = WorkshopForm

    objects = PageManager.from_queryset(WorkshopQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("help_point"),
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldPanel("comune"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("first_date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldRowPanel([FieldPanel("repeats"), FieldPanel("repeat_every")]),
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                InlinePanel("date_changes", label=_("Changes to single dates")),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldPanel("service_codes"),
                FieldPanel("childcare"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost")]),
                FieldPanel("joining"),
                FieldRowPanel([FieldPanel("join_phone"), FieldPanel("join_url")]),
                FieldPanel("capacity"),
            ],
            heading=_("Taking part"),
        ),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("kind"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("audience"),
        SynchronizedField("help_point"),
        SynchronizedField("venue_name"),
        SynchronizedField("street_address"),
        SynchronizedField("comune"),
        SynchronizedField("languages"),
        SynchronizedField("service_codes"),
        SynchronizedField("childcare"),
        SynchronizedField("is_free"),
        TranslatableField("cost"),
        SynchronizedField("joining"),
        SynchronizedField("join_phone"),
        SynchronizedField("join_url"),
        SynchronizedField("capacity"),
        SynchronizedField("first_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_time"),
        SynchronizedField("timezone"),
        SynchronizedField("repeats"),
        SynchronizedField("repeat_every"),
        SynchronizedField("weekdays"),
        SynchronizedField("repeat_until"),
        SynchronizedField("repeat_count"),
        SynchronizedField("date_changes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("workshop")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("A session must end after it starts.")
        if self.repeat_every is not None and self.repeat_every < 1:
            errors["repeat_every"] = _("At least 1.")
        if self.repeat_count is not None and self.repeat_count < 1:
            errors["repeat_count"] = _("At least 1.")
        if self.repeat_until and self.repeat_count:
            errors["repeat_count"] = _("Give either an end date or a number of sessions.")
        if self.repeat_until and self.first_date and self.repeat_until < self.first_date:
            errors["repeat_until"] = _("The end date is before the first session.")
        if (
            self.repeats == self.Repeats.WEEKLY
            and self.first_date
            and self.weekdays
            and self.first_date.weekday() not in self.weekdays
        ):
            errors["weekdays"] = _("The first session must fall on one of the chosen days.")
        same_slug = WorkshopPage.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(
            translation_key=self.translation_key
        )
        if self.slug and same_slug.exists():
            errors["slug"] = _("Another workshop has this slug: its calendar needs its own.")
        if not self.help_point_id and not (self.venue_name or self.street_address):
            errors["help_point"] = _("Choose a help point or give another address.")
        if errors:
            raise ValidationError(errors)

    def recurrence(self):
        """The schedule in iCalendar terms (recurrence.Recurrence)."""
        changes = {}
        skipped, extra = [], []
        for change in self.date_changes.all():
            if change.kind == WorkshopDateChange.Kind.SKIPPED:
                skipped.append(change.date)
            elif change.kind == WorkshopDateChange.Kind.EXTRA:
                extra.append(change.date)
            else:
                changes[change.date] = change.as_change(self)
        return recurrence.Recurrence(
            start=datetime.combine(self.first_date, self.start_time),
            end=datetime.combine(self.first_date, self.end_time),
            timezone=self.timezone,
            interval=self.repeat_every if self.repeats == self.Repeats.WEEKLY else None,
            weekdays=tuple(self.weekdays),
            until=self.repeat_until,
            count=self.repeat_count,
            skipped=tuple(skipped),
            extra=tuple(extra),
            changes=changes,
        )

    def rhythm(self):
        """How often and when the workshop meets, in the visitor's language."""
        return describe_rhythm(self.recurrence())

    def last_date(self):
        """The date of the last planned session, or None when the series has no end."""
        if self.repeats == self.Repeats.WEEKLY and not (self.repeat_until or self.repeat_count):
            return None
        return max(self.recurrence().ruleset()).date()

    def upcoming_sessions(self):
        """The next sessions (UPCOMING of them), for the workshop's page."""
        return self.recurrence().next_sessions(timezone.now(), UPCOMING)

    @property
    def comune_name(self):
        if self.help_point_id:
            return self.help_point.comune
        return self.comune

    @property
    def place_name(self):
        """The help point's title in the workshop's language, or the place's name."""
        if self.help_point_id:
            if hasattr(self, "help_point_title"):  # listed(): read with the workshop
                return self.help_point_title or self.help_point.title
            translated = self.help_point.get_translation_or_none(self.locale_id)
            return (translated or self.help_point).title
        return self.venue_name

    @property
    def address(self):
        if self.help_point_id:
            return self.help_point.address if self.help_point.address_is_public else ""
        return self.street_address

    def language_names(self):
        return [translated_name(code) for code in self.languages]

    def service_names(self):
        return [SERVICE_NAMES[code] for code in self.service_codes if code in SERVICE_NAMES]

    def association_page(self):
        return AssociationPage.objects.ancestor_of(self).first()

    @property
    def ics_path(self):
        return reverse("workshop_ics", kwargs={"slug": self.slug})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sessions, the JSON-LD and the template's recurrence text each build the
        # schedule from the date changes: one query for all of them.
        prefetch_related_objects([self], "date_changes")
        sessions = self.upcoming_sessions()
        context["sessions"] = sessions
        context.update(page_dates(self, request.GET.get("dates")))
        context["association"] = association = self.association_page()
        context["json_ld"] = json_ld(self, sessions, request, association)
        return context


class WorkshopDateChange(Orderable):
    """A skipped, extra, moved or cancelled date of a workshop (EXDATE, RDATE, RECURRENCE-ID)."""

    class Kind(models.TextChoices):
        SKIPPED = "skipped", _("No session on this date")
        EXTRA = "extra", _("Extra session on this date")
        MOVED = "moved", _("Session moved")
        CANCELLED = "cancelled", _("Session cancelled")

    class Reason(models.TextChoices):
        NONE = "", _("No reason given")
        HOLIDAY = "holiday", _("Public holiday")
        FACILITATOR = "facilitator", _("The facilitator is not available")
        ROOM = "room", _("The room is not available")
        OTHER = "other", _("For organisational reasons")

    workshop = ParentalKey(WorkshopPage, on_delete=models.CASCADE, related_name="date_changes")
    kind = models.CharField(_("change"), max_length=20, choices=Kind.choices)
    date = models.DateField(
        _("date"), help_text=_("The date of the session as planned (or of the extra session).")
    )
    new_date = models.DateField(
        _("new date"), null=True, blank=True, help_text=_("Moved sessions only.")
    )
    new_start_time = models.TimeField(_("new start"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, blank=True, default=""
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("reason")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change to a date")

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"

    def clean(self):
        if self.kind == self.Kind.MOVED and not (self.new_date or self.new_start_time):
            raise ValidationError({"new_date": _("Give the new date or the new time.")})

    def as_change(self, workshop):
        """This change as a recurrence.Change (moved or cancelled)."""
        reason = self.Reason(self.reason).label if self.reason else ""
        if self.kind == self.Kind.CANCELLED:
            return recurrence.Change(self.date, recurrence.CANCELLED, reason=reason)
        day = self.new_date or self.date
        start = datetime.combine(day, self.new_start_time or workshop.start_time)
        if self.new_end_time:
            end = datetime.combine(day, self.new_end_time)
        else:
            usual = datetime.combine(day, workshop.end_time) - datetime.combine(
                day, workshop.start_time
            )
            end = start + usual
        return recurrence.Change(self.date, recurrence.MOVED, start=start, end=end, reason=reason)
