"""A model field for a short list of codes: the languages, the days of the week."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class CodeListField(models.CharField):
    """A list of codes stored as comma-separated text, edited with checkboxes.

    Text separated by spaces reads as a list too ("it en ar", as typed by hand).
    """

    def __init__(self, *args, options=None, coerce=str, **kwargs):
        self.options = options
        self.coerce = coerce
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, list | tuple):
            return [self.coerce(item) for item in value]
        return [self.coerce(item) for item in str(value).replace(",", " ").split()]

    def get_prep_value(self, value):
        return ",".join(str(item) for item in self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            **{
                "choices": self.options(),
                "coerce": self.coerce,
                "required": not self.blank,
                "label": self.verbose_name,
                "help_text": self.help_text,
                "widget": forms.CheckboxSelectMultiple,
                **kwargs,
            }
        )


def lists_code(name, code):
    """Q: the CodeListField `name` lists `code` (stored as "a,b,c")."""
    return (
        Q(**{name: code})
        | Q(**{f"{name}__startswith": f"{code},"})
        | Q(**{f"{name}__endswith": f",{code}"})
        | Q(**{f"{name}__contains": f",{code},"})
    )
