"""Wagtail hooks: privacy in every locale, the second factor, the audit report."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import is_private, may_view, visible
from .reports import AccessRecordReportView, can_view_audit
from .security import needs_second_factor, redirect_to_second_factor


@hooks.register("before_serve_page")
def protect_private_pages(page, request, serve_args, serve_kwargs):
    """Private pages (in any language) need a verified session and the right group.

    Wagtail checks the page's own restrictions too; this also checks the same page in
    the other languages, so an untranslated alias is never more open than its source.
    """
    if not is_private(page):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if needs_second_factor(request.user):
        return redirect_to_second_factor(request)
    if not may_view(page, request):
        raise Http404
    return None


@hooks.register("before_serve_document")
def protect_private_documents(document, request):
    """Documents in a private collection need a verified session too."""
    if document.collection.get_view_restrictions() and needs_second_factor(request.user):
        return redirect_to_second_factor(request)
    return None


@hooks.register("before_edit_page")
@hooks.register("before_delete_page")
@hooks.register("before_copy_page")
def refuse_private_pages_outside_audience(request, page):
    """Edit rights on the directory never reach a resource outside the user's audience."""
    if not may_view(page, request):
        raise PermissionDenied


@hooks.register("construct_explorer_page_queryset")
def hide_private_pages_in_explorer(parent_page, pages, request):
    return visible(pages, request)


@hooks.register("construct_page_chooser_queryset")
def hide_private_pages_in_chooser(pages, request):
    return visible(pages, request)


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [
        path(
            "reports/directory-views/",
            AccessRecordReportView.as_view(),
            name="directory_access_records",
        ),
        path(
            "reports/directory-views/results/",
            AccessRecordReportView.as_view(results_only=True),
            name="directory_access_records_results",
        ),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_audit(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("Directory views"),
        reverse("directory_access_records"),
        icon_name="view",
        order=900,
    )
