"""The audit trail in the admin: a read-only report for network editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import AccessRecord

audit_permission_policy = ModelPermissionPolicy(AccessRecord)


def can_view_audit(user):
    return audit_permission_policy.user_has_permission(user, "view")


class AccessRecordReportView(ReportView):
    """Who opened which confidential resource or document, newest first."""

    page_title = _("Views of confidential resources")
    header_icon = "view"
    index_url_name = "directory_access_records"
    index_results_url_name = "directory_access_records_results"
    permission_policy = audit_permission_policy
    any_permission_required = ["view"]
    columns = [
        DateColumn("viewed_at", label=_("When")),
        Column("username", label=_("Who")),
        Column("object_title", label=_("What")),
    ]
    list_export = ["viewed_at", "username", "object_title"]
    export_headings = {"viewed_at": _("When"), "username": _("Who"), "object_title": _("What")}

    def get_queryset(self):
        return AccessRecord.objects.order_by("-viewed_at")

    def get_filename(self):
        return "directory-views"
