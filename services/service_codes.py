"""What a help point or a workshop offers: one list of codes for both, beside the
languages (services.languages).

The codes are stable (the API's `service=` and the HSDS taxonomy use them); the labels
are translated. Accessibility codes are listed apart so that the finder can show them
as their own group of filters.
"""

from django.utils.translation import gettext_lazy as _

SERVICES = {
    "listening": _("Listening and first contact"),
    "legal": _("Legal advice"),
    "psychological": _("Psychological support"),
    "shelter": _("Shelter and safe housing"),
    "children": _("Children welcome"),
    "work": _("Work orientation"),
}
ACCESSIBILITY = {
    "step_free": _("Step-free access"),
}
SERVICE_NAMES = {**SERVICES, **ACCESSIBILITY}


def service_choices():
    """[(code, label)] of every code, for the editors' checkboxes."""
    return [(code, str(label)) for code, label in SERVICE_NAMES.items()]


def offer_choices():
    """[(code, label)] of the services alone, for the finder's filters."""
    return [(code, str(label)) for code, label in SERVICES.items()]


def accessibility_choices():
    """[(code, label)] of the accessibility codes, for the finder's filters."""
    return [(code, str(label)) for code, label in ACCESSIBILITY.items()]
