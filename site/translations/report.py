"""The translation-status report in the admin (Reports menu) and its dashboard summary item."""

from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from .status import MISSING, OUT_OF_DATE, counts, status_rows, target_languages

PAGE_RIGHTS = ["add", "change", "publish"]


def can_view_status(user):
    return page_permission_policy.user_has_any_permission(user, PAGE_RIGHTS)


class StatusColumn(Column):
    """One language: the page's status there, linked to what to do about it."""

    cell_template_name = "translations/status_cell.html"

    def __init__(self, code):
        super().__init__(code, label=get_language_info(code)["name_translated"])
        self.code = code

    def get_value(self, instance):
        return instance.cells[self.code]


class TranslationStatusView(ReportView):
    """Per page and language: translated, out of date since the source changed, or missing."""

    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    permission_policy = page_permission_policy
    any_permission_required = PAGE_RIGHTS
    paginate_by = 100

    @property
    def columns(self):
        title = TitleColumn(
            "title",
            label=_("Page"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
        )
        return [title, *(StatusColumn(code) for code in target_languages())]

    def get_queryset(self):
        return status_rows(self.request.user)


class TranslationStatusSummaryItem(SummaryItem):
    """On the dashboard: how many translations are out of date or missing, and the link."""

    order = 500
    template_name = "translations/summary_item.html"

    def is_shown(self):
        return can_view_status(self.request.user)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        found = counts(status_rows(self.request.user))
        context["out_of_date"] = found[OUT_OF_DATE]
        context["missing"] = found[MISSING]
        return context
