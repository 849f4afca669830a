"""Upcoming workshop sessions across the network, filtered: for the listing page,
the home page and the JSON API.

A constant number of queries whatever the number of workshops: pages, their help
points and date changes are fetched in bulk and the schedules expanded in Python.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from closher import freshness
from services.associations.models import AssociationPage
from services.languages import language_choices

from .models import WorkshopPage

DEFAULT_WEEKS = 8
MAX_RANGE = timedelta(days=366)
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Listed:
    """A session with its workshop and the association that runs it."""

    session: object
    workshop: WorkshopPage
    association: AssociationPage | None

    @property
    def day(self):
        return self.session.start.date()


class WorkshopFilterForm(forms.Form):
    """GET filters of the listing page and the API; every field is optional."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    association = forms.ChoiceField(label=_("Association"), required=False)
    comune = forms.CharField(label=_("Comune"), required=False, max_length=120)

    def __init__(self, data, locale, **kwargs):
        super().__init__(data, **kwargs)
        self.associations = list(
            AssociationPage.objects.live().filter(locale=locale).order_by("title")
        )
        self.fields["kind"].choices = [("", _("All kinds")), *WorkshopPage.Kind.choices]
        self.fields["language"].choices = [("", _("All languages")), *language_choices()]
        self.fields["association"].choices = [
            ("", _("All associations")),
            *[(page.slug, page.title) for page in self.associations],
        ]

    def clean_comune(self):
        return self.cleaned_data["comune"].strip()


class ApiFilterForm(WorkshopFilterForm):
    """The API's filters, plus the time range (ISO 8601 dates or datetimes)."""

    start = forms.DateTimeField(required=False)
    end = forms.DateTimeField(required=False)

    def __init__(self, data, locale, **kwargs):
        data = data.copy()
        for param, field in (("from", "start"), ("to", "end")):
            if param in data:
                data[field] = data.pop(param)[-1]
        super().__init__(data, locale, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for field in ("start", "end"):
            value = cleaned.get(field)
            if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
                raise forms.ValidationError(
                    _("Ask for dates between %(first)s and %(last)s.")
                    % {"first": MIN_YEAR, "last": MAX_YEAR}
                )
        start, end = window(cleaned.get("start"), cleaned.get("end"))
        if end <= start:
            raise forms.ValidationError(_("'to' must be after 'from'."))
        if end - start > MAX_RANGE:
            raise forms.ValidationError(_("Ask for at most a year at a time."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned


def window(start=None, end=None):
    """The time range asked for, defaulting to now and the next eight weeks."""
    start = start or timezone.now()
    if isinstance(start, datetime) and start.tzinfo is None:
        start = timezone.make_aware(start)
    end = end or start + timedelta(weeks=DEFAULT_WEEKS)
    if end.tzinfo is None:
        end = timezone.make_aware(end)
    if end.timetz() == time(0, tzinfo=end.tzinfo):
        end += timedelta(days=1)  # "to=2026-04-30" includes the 30th
    return start, end


def upcoming(locale, start, end, kind="", language="", association="", comune=""):
    """Sessions of live public workshops in `locale` starting in [start, end), sorted."""
    associations = {
        page.path: page for page in AssociationPage.objects.live().filter(locale=locale)
    }
    workshops = WorkshopPage.objects.listed(locale)
    if kind:
        workshops = workshops.filter(kind=kind)
    if association:
        parent = next((page for page in associations.values() if page.slug == association), None)
        if parent is None:
            return []
        workshops = workshops.filter(path__startswith=parent.path)
    if comune:
        workshops = workshops.filter(
            Q(help_point__isnull=True, comune__iexact=comune) | Q(help_point__comune__iexact=comune)
        )
    found = []
    for workshop in workshops:
        if language and language not in workshop.languages:
            continue
        owner = next(
            (page for path, page in associations.items() if workshop.path.startswith(path)), None
        )
        found.extend(
            Listed(session, workshop, owner)
            for session in workshop.recurrence().sessions(start, end)
        )
    found.sort(key=lambda item: (item.session.start, item.workshop.title))
    # What is listed changes when the first session starts, and the days it is told in
    # ("this week", the changes in the window) at midnight.
    freshness.valid_until(found[0].session.start if found else None)
    freshness.valid_until(freshness.next_midnight(start))
    return found


def comuni(locale):
    """The comuni where live workshops of `locale` are held, for the filter's suggestions."""
    names = set()
    rows = (
        WorkshopPage.objects.live()
        .filter(locale=locale)
        .values_list("comune", "help_point__comune")
    )
    for own, at_help_point in rows:
        names.add(at_help_point or own)
    return sorted(name for name in names if name)
