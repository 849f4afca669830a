"""What fits her: the languages spoken and the services offered, as filters of the
finder, the list by province and the API (`language=`, `service=`, repeatable).

A help point fits when it speaks any of the languages ticked and offers every service
ticked (accessibility codes are services). An unknown code is an error that names the
valid ones, never a silent empty list.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from services.fields import lists_code
from services.languages import language_choices
from services.service_codes import accessibility_choices, offer_choices, service_choices


class CodesField(forms.MultipleChoiceField):
    """Repeated codes (`?service=legal&service=children`), from a list of choices."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, name, **kwargs):
        super().__init__(required=False, **kwargs)
        self.name = name

    def validate(self, value):
        valid = [code for code, _label in self.choices]
        unknown = [code for code in value if code not in valid]
        if unknown:
            raise forms.ValidationError(
                _("Unknown %(name)s code '%(code)s': use one of %(codes)s.")
                % {"name": self.name, "code": unknown[0], "codes": ", ".join(valid)}
            )


class FilterForm(forms.Form):
    language = CodesField("language", choices=language_choices)
    service = CodesField("service", choices=service_choices)


def parse(params):
    """(languages, services) from query parameters, or ValueError with the reason."""
    form = FilterForm(params)
    if not form.is_valid():
        raise ValueError(next(iter(form.errors.values()))[0])
    return form.cleaned_data["language"], form.cleaned_data["service"]


def apply(queryset, languages=(), services=()):
    """The help points of `queryset` speaking any of `languages` and offering all `services`."""
    if languages:
        spoken = lists_code("languages", languages[0])
        for code in languages[1:]:
            spoken |= lists_code("languages", code)
        queryset = queryset.filter(spoken)
    for code in services:
        queryset = queryset.filter(lists_code("service_codes", code))
    return queryset


def groups(languages=(), services=()):
    """[(name, legend, [(code, label, ticked)])]: the filters' checkboxes."""
    return [
        (name, legend, [(code, label, code in ticked) for code, label in choices()])
        for name, legend, choices, ticked in (
            ("service", gettext_lazy("Services"), offer_choices, services),
            ("service", gettext_lazy("Accessibility"), accessibility_choices, services),
            ("language", gettext_lazy("Languages spoken"), language_choices, languages),
        )
    ]
