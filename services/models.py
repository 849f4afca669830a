"""Every model of the app, for Django: each is defined in its domain's package.

Code inside services/ imports a model from its domain (`services.help_points.models`),
never from here: this module imports the pages that sit above the domains' logic.
"""

from .associations.models import AssociationIndexPage, AssociationPage, AssociationPhone
from .contact.models import EncryptedMessage, InboxKey, InboxSettings, InboxStaffGroup
from .contact.pages import ContactPage
from .help_points.models import (
    HelpPointIndexPage,
    HelpPointPage,
    HelpPointPhone,
    OpeningException,
    OpeningRule,
)
from .help_points.pages import FinderPage
from .workshops.models import WorkshopDateChange, WorkshopPage
from .workshops.pages import WorkshopIndexPage

__all__ = [
    "AssociationIndexPage",
    "AssociationPage",
    "AssociationPhone",
    "ContactPage",
    "EncryptedMessage",
    "FinderPage",
    "HelpPointIndexPage",
    "HelpPointPage",
    "HelpPointPhone",
    "InboxKey",
    "InboxSettings",
    "InboxStaffGroup",
    "OpeningException",
    "OpeningRule",
    "WorkshopDateChange",
    "WorkshopIndexPage",
    "WorkshopPage",
]
