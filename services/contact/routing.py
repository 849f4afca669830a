"""Which association a message goes to.

In order: the help point she chose (its association), the association she chose, the
association of the help point nearest to the comune she typed, the network default.
The comune is resolved offline (services.gazetteer) and is kept only inside the
ciphertext: the stored row gets no help point for it, so her place is never in clear.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from services.associations.models import AssociationPage
from services.gazetteer import lookup
from services.help_points.finder import nearest_help_points
from services.help_points.models import HelpPointPage


class UnknownComune(LookupError):
    """No comune matches what she typed."""


class AmbiguousComune(LookupError):
    """Several comuni match; `candidates` lists them."""

    def __init__(self, candidates):
        super().__init__(len(candidates))
        self.candidates = candidates


@dataclass
class Route:
    association: AssociationPage
    help_point: HelpPointPage | None = None


def in_source_locale(page):
    """The same page in the default language, where inbox keys and messages attach."""
    if page is None:
        return None
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    if page.locale_id == locale.pk:
        return page
    return page.get_translation(locale)


def nearest_association(comune_text):
    """The association of the help point nearest to the comune she typed, or None."""
    match = lookup(comune_text)
    if match.comune is None:
        if match.candidates:
            raise AmbiguousComune(match.candidates)
        raise UnknownComune(comune_text)
    nearest = nearest_help_points(match.comune.latitude, match.comune.longitude, limit=1)
    return nearest[0].page.association if nearest else None


def route(help_point=None, association=None, comune="", default=None):
    """The Route of a message from the choices she made on the form."""
    if help_point is not None:
        help_point = in_source_locale(help_point)
        return Route(in_source_locale(help_point.association), help_point)
    if association is not None:
        return Route(in_source_locale(association))
    if comune:
        found = nearest_association(comune)
        if found is not None:
            return Route(in_source_locale(found))
    if default is None:
        default = AssociationPage.objects.live().order_by("path").first()
    return Route(in_source_locale(default))
