"""Wagtail hooks of the project: the staff accounts' second factor in the admin, the
translation-status report, and what an untranslated page shows."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .accounts.notices import register_actions as register_second_factor_actions
from .accounts.two_factor import recovery_codes_menu_item
from .translations.fallback import redirect_untranslated
from .translations.report import (
    TranslationStatusSummaryItem,
    TranslationStatusView,
    can_view_status,
)

hooks.register("register_log_actions", register_second_factor_actions)
hooks.register("register_account_menu_item", recovery_codes_menu_item)
hooks.register("before_serve_page", redirect_untranslated)


# --- Translation status (site/translations/) --------------------------------------


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path("reports/translations/", TranslationStatusView.as_view(), name="translation_status"),
        path(
            "reports/translations/results/",
            TranslationStatusView.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=800
    )


@hooks.register("construct_homepage_summary_items")
def add_translation_status_summary(request, items):
    items.append(TranslationStatusSummaryItem(request))
