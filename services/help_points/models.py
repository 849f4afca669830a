"""Help points: the places and lines where a woman can get help (HSDS location and
service_at_location / schema.org Place), their weekly opening rules and the exceptions
to them. The structured facts render from fields with translated labels, so a help
point is usable in every language before its text is translated.
"""

import calendar
import datetime as dt
import functools
import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.dates import MONTHS
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, NeverCachedMixin
from services import gazetteer
from services.fields import CodeListField
from services.languages import LANGUAGE_NAMES, language_choices
from services.localized import localized_pages
from services.schema_org import script_json
from services.service_codes import SERVICE_NAMES, service_choices

from . import filters, hours, serializers

WEEKDAY_FIELDS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_CODES = ["mo", "tu", "we", "th", "fr", "sa", "su"]
# Without a comune, a hidden help point is placed at the centre of its cell of this grid
# (degrees: about 11 km north-south, 8 km east-west in Italy).
HIDDEN_GRID_DEGREES = 0.1
# The columns a listing or a search result needs: fewer columns, a faster query on 10,000 rows.
LISTED_FIELDS = [
    "id",
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "alias_of_id",
    "live",
    "association_id",
    "kind",
    "summary",
    "address",
    "address_visibility",
    "comune",
    "istat_code",
    "province",
    "public_latitude",
    "public_longitude",
    "languages",
    "services",
    "service_codes",
    "access",
    "closed_on_holidays",
    "patron_day",
    "patron_month",
]


def locate_publicly(latitude, longitude, address_is_public, istat_code):
    """A help point's position as anyone may know it (see HelpPointPage.public_position)."""
    if latitude is None or longitude is None:
        return None
    if address_is_public:
        return (latitude, longitude)
    comune = gazetteer.by_istat_code(istat_code) if istat_code else None
    if comune is not None:
        return (comune.latitude, comune.longitude)
    return tuple(
        (math.floor(value / HIDDEN_GRID_DEGREES) + 0.5) * HIDDEN_GRID_DEGREES
        for value in (latitude, longitude)
    )


class HelpPointIndexPage(BasePage):
    """Lists every help point of the network, grouped by province."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short text shown above the list.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.HelpPointPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("help point index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            languages, services = filters.parse(request.GET)
        except ValueError as error:
            languages, services = [], []
            context["filter_error"] = str(error)
        context["filter_groups"] = filters.groups(languages, services)
        context["filtered"] = bool(languages or services)
        # Read when shown: the unfiltered list is remembered ({% remember %} in the template).
        context["provinces"] = SimpleLazyObject(
            lambda: HelpPointPage.objects.by_province(
                self.locale.language_code, languages=languages, services=services
            )
        )
        return context


def detail_lookups():
    """What a result shows beside its columns: phones, opening rules and exceptions (for
    `prefetch_related` or `prefetch_related_objects`)."""
    return [
        "phones",
        Prefetch("opening_rules", queryset=OpeningRule.objects.order_by("sort_order")),
        Prefetch("opening_exceptions", queryset=OpeningException.objects.order_by("sort_order")),
    ]


class HelpPointQuerySet(PageQuerySet):
    def italian_live(self):
        """The Italian live, public help point pages (the ones every language mirrors)."""
        return self.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)

    def with_association(self):
        """Help points with the columns a listing shows and their association's name."""
        return self.select_related("association").only(
            *LISTED_FIELDS, "association__title", "association__slug"
        )

    def with_details(self):
        """Help points with what a result shows: association, phones, rules and exceptions."""
        return self.with_association().prefetch_related(*detail_lookups())

    def by_province(self, language_code, *, languages=(), services=()):
        """[(province, [Italian help point pages])], each page with `shown`: its page in the
        visitor's language (the Italian one until translated); only those speaking any of
        `languages` and offering all `services` (help_points.filters)."""
        queryset = filters.apply(self.italian_live(), languages, services)
        pages = list(queryset.with_association().order_by("province", "comune", "title"))
        shown = localized_pages(pages, language_code)
        groups = {}
        for page in pages:
            page.shown = shown.get(page.translation_key, page)
            groups.setdefault(page.province or "–", []).append(page)
        return sorted(groups.items())


class HelpPointPage(NeverCachedMixin, BasePage):
    """A place or line where women get help: where it is, when it is open, who answers."""

    class Kind(models.TextChoices):
        CENTRE = "centre", _("Anti-violence centre")
        DESK = "desk", _("Proximity help desk")
        HELPLINE = "helpline", _("Phone line")
        SHELTER = "shelter", _("Shelter contact")

    class AddressVisibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        ON_REQUEST = "on_request", _("Given on request")
        HIDDEN = "hidden", _("Hidden")

    class Access(models.TextChoices):
        WALK_IN = "walk_in", _("Walk in, no appointment needed")
        APPOINTMENT = "appointment", _("By appointment")
        PHONE_FIRST = "phone_first", _("Call first")

    association = models.ForeignKey(
        "services.AssociationPage",
        on_delete=models.PROTECT,
        related_name="help_points",
        verbose_name=_("association"),
        help_text=_("The association that runs this help point."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DESK)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences: who this help point is for and what happens there."),
    )
    address = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_("Street and number, e.g. 'Via Garibaldi 12'. Leave empty for a phone line."),
    )
    address_visibility = models.CharField(
        _("address visibility"),
        max_length=20,
        choices=AddressVisibility.choices,
        default=AddressVisibility.PUBLIC,
        help_text=_(
            "Hidden or on request: the address and exact position are never shown or exported."
        ),
    )
    comune = models.CharField(
        _("comune"),
        max_length=120,
        help_text=_(
            "The comune's name. ISTAT code, province and position are filled from it when "
            "left empty."
        ),
    )
    istat_code = models.CharField(
        _("ISTAT code"), max_length=6, blank=True, help_text=_("Six digits, e.g. 037008.")
    )
    province = models.CharField(
        _("province"), max_length=2, blank=True, help_text=_("Two letters, e.g. BO.")
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. 44.5369. Empty: the centre of the comune."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. 11.5346. Empty: the centre of the comune."),
    )
    languages = CodeListField(
        _("languages spoken"),
        options=language_choices,
        max_length=100,
    )
    services = models.TextField(
        _("services offered"), blank=True, help_text=_("One service per line.")
    )
    service_codes = CodeListField(
        _("what it offers"),
        options=service_choices,
        help_text=_("Tick what she can find here: the finder's filters use these."),
    )
    access = models.CharField(
        _("how to access"), max_length=20, choices=Access.choices, default=Access.WALK_IN
    )
    how_to_get_there = models.TextField(
        _("how to get there"),
        blank=True,
        help_text=_("Buses, trains, landmarks. Shown only when the address is public."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, lifts, toilets, anything a visitor should know."),
    )
    closed_on_holidays = models.BooleanField(
        _("closed on public holidays"),
        default=True,
        help_text=_("National holidays and the comune's patron day."),
    )
    patron_day = models.PositiveSmallIntegerField(
        _("patron day: day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_(
            "Day and month of the comune's patron saint, if the help point closes then "
            "(for provincial capitals it is already known)."
        ),
    )
    patron_month = models.PositiveSmallIntegerField(
        _("patron day: month"), null=True, blank=True, choices=MONTHS.items()
    )
    # The position anyone may know (see `public_position`), kept for the finder's queries.
    public_latitude = models.FloatField(null=True, editable=False, db_index=True)
    public_longitude = models.FloatField(null=True, editable=False)

    parent_page_types = ["services.HelpPointIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(HelpPointQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("association"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_visibility"),
                FieldPanel("comune"),
                FieldRowPanel([FieldPanel("istat_code"), FieldPanel("province")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("how_to_get_there"),
                FieldPanel("accessibility"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("phones", label=_("Phone numbers")),
                FieldPanel("languages"),
                FieldPanel("service_codes"),
                FieldPanel("services"),
                FieldPanel("access"),
            ],
            heading=_("Contacts and services"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("closed_on_holidays"),
                FieldRowPanel([FieldPanel("patron_day"), FieldPanel("patron_month")]),
                InlinePanel("opening_rules", label=_("Opening hours")),
                InlinePanel("opening_exceptions", label=_("Exceptions")),
            ],
            heading=_("When"),
        ),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("association"),
        SynchronizedField("kind"),
        TranslatableField("summary"),
        SynchronizedField("address"),
        SynchronizedField("address_visibility"),
        SynchronizedField("comune"),
        SynchronizedField("istat_code"),
        SynchronizedField("province"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("public_latitude"),
        SynchronizedField("public_longitude"),
        SynchronizedField("languages"),
        SynchronizedField("service_codes"),
        TranslatableField("services"),
        SynchronizedField("access"),
        TranslatableField("how_to_get_there"),
        TranslatableField("accessibility"),
        SynchronizedField("closed_on_holidays"),
        SynchronizedField("patron_day"),
        SynchronizedField("patron_month"),
        SynchronizedField("phones"),
        SynchronizedField("opening_rules"),
        SynchronizedField("opening_exceptions"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("comune"),
        index.FilterField("istat_code"),
    ]

    class Meta:
        verbose_name = _("help point")

    def clean_patron_day(self):
        if (self.patron_day is None) != (self.patron_month is None):
            field = "patron_month" if self.patron_month is None else "patron_day"
            raise ValidationError({field: _("Give both the day and the month, or neither.")})
        if (
            self.patron_day is not None
            and self.patron_day > calendar.monthrange(2024, self.patron_month)[1]
        ):
            raise ValidationError({"patron_day": _("This month does not have that day.")})

    def clean(self):
        super().clean()
        unknown = [code for code in self.languages if code not in LANGUAGE_NAMES]
        if unknown:
            raise ValidationError(
                {"languages": _("Unknown language code: %(codes)s") % {"codes": " ".join(unknown)}}
            )
        unknown = [code for code in self.service_codes if code not in SERVICE_NAMES]
        if unknown:
            raise ValidationError(
                {"service_codes": _("Unknown code: %(codes)s") % {"codes": " ".join(unknown)}}
            )
        self.clean_patron_day()
        if self.comune:
            found = gazetteer.lookup(self.comune)
            comune = found.comune or next(
                (c for c in found.candidates if c.istat_code == self.istat_code), None
            )
            if comune is None and found.candidates:
                raise ValidationError(
                    {
                        "comune": _(
                            "Several comuni have this name: add the province, e.g. '%(example)s'."
                        )
                        % {"example": found.candidates[0].label}
                    }
                )
            if comune is None:
                raise ValidationError(
                    {"comune": _("No Italian comune has this name: check the spelling.")}
                )
            self.comune, self.istat_code, self.province = (
                comune.name,
                comune.istat_code,
                comune.province,
            )
        if self.latitude is None and self.longitude is None and self.istat_code:
            found = gazetteer.by_istat_code(self.istat_code)
            if found is not None:
                self.latitude, self.longitude = found.latitude, found.longitude
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))

    def save(self, *args, **kwargs):
        # Saves of a few fields (a draft's revision) leave the live position as it is.
        if kwargs.get("update_fields") is None:
            self.public_latitude, self.public_longitude = locate_publicly(
                self.latitude, self.longitude, self.address_is_public, self.istat_code
            ) or (None, None)
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = hours.now()

        @functools.cache
        def source():
            source = self.source_page
            # The schedule, the JSON-LD and the template each read these: one query each.
            prefetch_related_objects([source], "phones", "opening_rules", "opening_exceptions")
            return source

        @functools.cache
        def opening_hours():
            return source().opening_hours()

        # Read when shown: the page's body and its JSON-LD are remembered ({% remember %}
        # in the template) until the opening status they show changes.
        context.update(
            {
                "source": SimpleLazyObject(source),
                "status": SimpleLazyObject(lambda: opening_hours().status(now)),
                "week": SimpleLazyObject(lambda: opening_hours().week(now)),
                "upcoming_exceptions": SimpleLazyObject(
                    lambda: opening_hours().upcoming_exceptions(now)
                ),
                "json_ld": SimpleLazyObject(lambda: source().json_ld(request)),
            }
        )
        return context

    @cached_property
    def source_page(self):
        """The Italian page, whose synchronized relations (rules, phones) are authoritative."""
        if self.alias_of_id:
            return HelpPointPage.objects.get(pk=self.alias_of_id)
        return self

    @property
    def address_is_public(self):
        return self.address_visibility == self.AddressVisibility.PUBLIC

    @property
    def public_position(self):
        """(latitude, longitude) as anyone may know it, or None: the exact point when the
        address is public; otherwise the centre of its comune (or of a grid cell), never
        nearer. Distances, order, the API and maps all use this, never the exact point.
        Kept in two columns when the page is saved, for the finder's queries."""
        if self.public_latitude is None or self.public_longitude is None:
            return None
        return (self.public_latitude, self.public_longitude)

    @property
    def services_offered(self):
        """[(code, label)] of the service and accessibility codes ticked."""
        return [(code, SERVICE_NAMES[code]) for code in self.service_codes if code in SERVICE_NAMES]

    @property
    def public_place(self):
        """Where it is, as anyone may read it: the street only when the address is public."""
        place = f"{self.comune} ({self.province})"
        return f"{self.address}, {place}" if self.address_is_public and self.address else place

    @property
    def languages_spoken(self):
        """[(code, name in that language)] for the languages listed."""
        return [(code, LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @property
    def service_list(self):
        return [line.strip() for line in self.services.splitlines() if line.strip()]

    def opening_hours(self):
        """The opening-hours engine's view of this help point's rules and exceptions."""
        return hours.OpeningHours(
            rules=[rule.as_rule() for rule in self.opening_rules.all()],
            exceptions=[exception.as_exception() for exception in self.opening_exceptions.all()],
            province=self.province,
            holidays=self.closed_on_holidays,
            is_capital=gazetteer.is_capital(self.istat_code),
            patron_day=(self.patron_month, self.patron_day) if self.patron_month else None,
        )

    def json_ld(self, request):
        """schema.org JSON-LD, escaped like json_script (data, never executed)."""
        return script_json(serializers.json_ld(self, request))


class HelpPointPhone(Orderable):
    """A phone number of a help point (HSDS phone)."""

    help_point = ParentalKey(HelpPointPage, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=30, help_text=_("e.g. +39 051 123 4567"))

    panels = [FieldPanel("number")]

    def __str__(self):
        return self.number


class OpeningRule(Orderable):
    """Weekly opening hours (schema.org OpeningHoursSpecification), in Europe/Rome time.

    A closing time earlier than the opening time means the help point closes after
    midnight, on the next day.
    """

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        APPOINTMENT = "appointment", _("By appointment")

    help_point = ParentalKey(HelpPointPage, on_delete=models.CASCADE, related_name="opening_rules")
    monday = models.BooleanField(_("Mon"), default=False)
    tuesday = models.BooleanField(_("Tue"), default=False)
    wednesday = models.BooleanField(_("Wed"), default=False)
    thursday = models.BooleanField(_("Thu"), default=False)
    friday = models.BooleanField(_("Fri"), default=False)
    saturday = models.BooleanField(_("Sat"), default=False)
    sunday = models.BooleanField(_("Sun"), default=False)
    opens = models.TimeField(_("opens"), help_text=_("e.g. 09:00"))
    closes = models.TimeField(
        _("closes"), help_text=_("e.g. 13:00. Earlier than 'opens' means after midnight.")
    )
    valid_from = models.DateField(
        _("valid from"), null=True, blank=True, help_text=_("Empty: always.")
    )
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("Last day included. Empty: always.")
    )
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)

    panels = [
        FieldRowPanel([FieldPanel(name) for name in WEEKDAY_FIELDS], heading=_("Days")),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes"), FieldPanel("mode")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening rule")

    def clean(self):
        super().clean()
        if not self.weekdays:
            raise ValidationError(_("Tick at least one day."))
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("Closing time must differ from opening time.")})
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("This date is before 'valid from'.")})

    @classmethod
    def on_days(cls, codes, **fields):
        """A rule for the days of `codes` ("mo", "tu"…) and the other `fields`."""
        days = zip(WEEKDAY_FIELDS, WEEKDAY_CODES, strict=True)
        return cls(**{field: code in codes for field, code in days}, **fields)

    @property
    def weekdays(self):
        """Python weekday numbers (Monday 0)."""
        return [i for i, name in enumerate(WEEKDAY_FIELDS) if getattr(self, name)]

    @property
    def day_codes(self):
        return [WEEKDAY_CODES[i] for i in self.weekdays]

    def as_rule(self):
        return hours.Rule(
            weekdays=frozenset(self.weekdays),
            opens=self.opens,
            closes=self.closes,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            mode=self.mode,
        )


class OpeningException(Orderable):
    """Dates when the usual hours do not apply: closed, or special hours."""

    class Reason(models.TextChoices):
        HOLIDAY = "holiday", _("holiday")
        CLOSURE = "closure", _("closure")
        SPECIAL_HOURS = "special_hours", _("special hours")
        TRAINING = "training", _("staff training")
        OTHER = "other", _("other")

    help_point = ParentalKey(
        HelpPointPage, on_delete=models.CASCADE, related_name="opening_exceptions"
    )
    date_from = models.DateField(_("from"), help_text=_("First day."))
    date_to = models.DateField(
        _("to"), null=True, blank=True, help_text=_("Last day included. Empty: one day only.")
    )
    closed = models.BooleanField(
        _("closed"), default=True, help_text=_("Untick and give hours for special hours.")
    )
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, default=Reason.CLOSURE
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Optional, shown as written.")
    )

    panels = [
        FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldRowPanel([FieldPanel("reason"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening exception")

    def clean(self):
        super().clean()
        if self.date_to and self.date_from and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("This date is before 'from'.")})
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(_("Special hours need an opening and a closing time."))

    @property
    def last_day(self) -> dt.date:
        return self.date_to or self.date_from

    def as_exception(self):
        return hours.Exception(
            date_from=self.date_from,
            date_to=self.last_day,
            closed=self.closed,
            opens=None if self.closed else self.opens,
            closes=None if self.closed else self.closes,
            reason=self.reason,
            note=self.note,
        )
