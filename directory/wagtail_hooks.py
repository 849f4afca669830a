"""Wagtail hooks: privacy in every locale, the second factor on private content, the audit."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import (
    LockedPagesPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page

from closher.accounts.second_factor import needs_second_factor, redirect_to_second_factor

from .access import is_private, may_see_page, may_view, visible_pages
from .admin_guard import may_see
from .documents import STAYS_PRIVATE, moves_out_of_privacy
from .reports import AccessRecordReportView, can_view_audit


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
@hooks.register("before_move_page")
@hooks.register("before_create_page")
def refuse_private_pages_outside_audience(request, page, *others):
    """Rights on the tree never reach a page, parent or destination outside the audience."""
    pages = [page, *(other for other in others if isinstance(other, Page))]
    if not all(may_see_page(request.user, each) for each in pages):
        raise PermissionDenied


@hooks.register("construct_explorer_page_queryset")
def hide_private_pages_in_explorer(parent_page, pages, request):
    return visible_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_private_pages_in_chooser(pages, request):
    return visible_pages(pages, request.user)


class AudiencePagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages (listings, child_of, descendant_of, detail) within the audience."""

    def get_base_queryset(self):
        return visible_pages(super().get_base_queryset(), self.request.user)


@hooks.register("construct_admin_api")
def narrow_admin_api(router):
    router.register_endpoint("pages", AudiencePagesAdminAPIViewSet)


class AudienceObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["states"] = [state for state in context["states"] if may_see(user, state["obj"])]
        return context


class AudienceObjectsInModerationPanel(UserObjectsInWorkflowModerationPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["workflow_states"] = [
            state for state in context["workflow_states"] if may_see(user, state.content_object)
        ]
        return context


class AudienceLockedPagesPanel(LockedPagesPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["locked_pages"] = visible_pages(context["locked_pages"], user)
        return context


AUDIENCE_PANELS = {
    WorkflowObjectsToModeratePanel: AudienceObjectsToModeratePanel,
    UserObjectsInWorkflowModerationPanel: AudienceObjectsInModerationPanel,
    LockedPagesPanel: AudienceLockedPagesPanel,
}


@hooks.register("construct_homepage_panels")
def narrow_dashboard_panels(request, panels):
    """The dashboard's moderation and lock panels name only pages inside the audience."""
    for position, panel in enumerate(panels):
        if type(panel) in AUDIENCE_PANELS:
            panels[position] = AUDIENCE_PANELS[type(panel)]()


@hooks.register("before_bulk_action")
def keep_private_documents_private(request, action_type, objects, action):
    """The "add to collection" bulk action never takes a document out of its privacy."""
    collection = getattr(action, "cleaned_form", None) and action.cleaned_form.cleaned_data.get(
        "collection"
    )
    if action_type == "add_to_collection" and moves_out_of_privacy(objects, collection):
        messages.error(request, STAYS_PRIVATE)
        return redirect(action.next_url)
    return None


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
