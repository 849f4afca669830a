"""The audit trail in the admin: a read-only report for network editors."""

from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .access import hidden_collection_ids, hidden_page_keys
from .models import AccessRecord

OUTSIDE_AUDIENCE = _("A confidential resource outside your audience")

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
        Column("what", label=_("What")),
    ]
    list_export = ["viewed_at", "username", "what"]
    export_headings = {"viewed_at": _("When"), "username": _("Who"), "what": _("What")}

    def get_queryset(self):
        """Every record; the title only of what the reader may see herself."""
        user = self.request.user
        shown = Q(page__isnull=False) & ~Q(page__translation_key__in=hidden_page_keys(user))
        shown |= Q(document__isnull=False) & ~Q(
            document__collection_id__in=hidden_collection_ids(user)
        )
        what = Case(When(shown, then=F("object_title")), default=Value(str(OUTSIDE_AUDIENCE)))
        return AccessRecord.objects.annotate(what=what).order_by("-viewed_at")

    def get_filename(self):
        return "directory-views"
