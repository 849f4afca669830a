"""Admin hooks of the services app."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .contact import urls as inbox_urls
from .contact.access import readable_associations
from .contact.keys import register_key_actions
from .contact.models import InboxSettings, InboxStaffGroup
from .workshops.dashboard import add_partner_panel

hooks.register("construct_homepage_panels", add_partner_panel)
hooks.register("register_log_actions", register_key_actions)


# --- Secure inbox (services/contact/) ---------------------------------------


@hooks.register("register_admin_urls")
def register_inbox_urls():
    return [path("inbox/", include(inbox_urls, namespace="services_inbox"))]


class InboxMenuItem(MenuItem):
    """Shown only to the staff of an association with the inbox permission."""

    def is_shown(self, request):
        return readable_associations(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(
        _("Secure inbox"), reverse("services_inbox:index"), icon_name="mail", order=250
    )


class InboxSettingsViewSet(SnippetViewSet):
    model = InboxSettings
    icon = "cog"
    menu_label = _("Inbox settings")
    list_display = ["association", "retention_days", "notification_email"]


class InboxStaffGroupViewSet(SnippetViewSet):
    model = InboxStaffGroup
    icon = "group"
    menu_label = _("Inbox staff groups")
    list_display = ["group", "association"]


register_snippet(InboxSettingsViewSet)
register_snippet(InboxStaffGroupViewSet)
