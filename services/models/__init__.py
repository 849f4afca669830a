from .association import AssociationIndexPage, AssociationPage, AssociationPhone
from .contact import ContactPage
from .finder import FinderPage
from .help_point import (
    HelpPointIndexPage,
    HelpPointPage,
    HelpPointPhone,
    OpeningException,
    OpeningRule,
)
from .inbox import EncryptedMessage, InboxKey, InboxSettings, InboxStaffGroup
from .workshop import WorkshopDateChange, WorkshopIndexPage, WorkshopPage

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
