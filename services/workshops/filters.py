"""The filters of the workshops page: kind, language, association, day of the week and
her comune, as a plain form that works without JavaScript.

The comune is matched like the finder's (services.gazetteer: accents, "S." for "San",
postcodes, "Castro (LE)"); it orders the workshops nearest first rather than hiding the
others. A name several comuni share, or one the gazetteer does not know, is a form
error that keeps what she typed, and the other filters still apply.
"""

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .. import gazetteer
from .listing import WorkshopFilterForm
from .models import weekday_choices


class ListingFilterForm(WorkshopFilterForm):
    """The API's filters (kind, language, association, comune) plus the day of the week."""

    day = forms.TypedChoiceField(label=_("Day"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, locale, **kwargs):
        super().__init__(data, locale, **kwargs)
        self.fields["day"].choices = [("", _("Any day")), *weekday_choices()]
        self.place = None  # the gazetteer.Comune she meant
        self.candidates = []  # the comuni she may have meant, when the name is shared

    def clean_comune(self):
        text = super().clean_comune()
        if not text:
            return text
        found = gazetteer.lookup(text)
        if found.comune is not None:
            self.place = found.comune
        elif found.candidates:
            self.candidates = found.candidates
            raise forms.ValidationError(
                _("Several comuni have this name: choose yours below."), code="ambiguous"
            )
        else:
            raise forms.ValidationError(
                _("We could not find this comune. Check the spelling, or type its postcode."),
                code="unknown",
            )
        return text

    def chosen(self):
        """[(label, value)] of the filters in use, for the sentence above the results."""
        if not hasattr(self, "cleaned_data"):
            return []
        shown = []
        for name in ("kind", "language", "association"):
            value = self.cleaned_data.get(name)
            if value:
                field = self.fields[name]
                shown.append((field.label, dict(field.choices)[value]))
        day = self.cleaned_data.get("day")
        if day is not None:
            shown.append((self.fields["day"].label, WEEKDAYS[day]))
        return shown
