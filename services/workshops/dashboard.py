"""The admin dashboard panel that shows a partner her association's upcoming sessions."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.admin.ui.components import Component

from services.associations.partners import partner_associations

from .listing import DEFAULT_WEEKS, upcoming

DASHBOARD_SESSIONS = 10


class PartnerSessionsPanel(Component):
    """Next sessions of the workshops in the sections the user publishes as a partner."""

    name = "partner_sessions"
    template_name = "services/admin/partner_sessions_panel.html"
    order = 90

    def __init__(self, associations):
        self.associations = associations

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        start = timezone.now()
        found = []
        for association in self.associations:
            found.extend(
                upcoming(
                    association.locale,
                    start,
                    start + timedelta(weeks=DEFAULT_WEEKS),
                    association=association.slug,
                )
            )
        found.sort(key=lambda item: item.session.start)
        context["listed"] = found[:DASHBOARD_SESSIONS]
        context["associations"] = self.associations
        return context


def add_partner_panel(request, panels):
    """`construct_homepage_panels` hook: the panel, for members of a partner group."""
    associations = list(
        partner_associations(request.user)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
    )
    if associations:
        panels.append(PartnerSessionsPanel(associations))
