"""Admin views that also respect page privacy, in place of Wagtail's at the same URLs.

Wagtail's page search lists every page the user has any permission on, its page
chooser opens any page by id, the page-types report names the last edited page of
each type, and wagtail-localize's translations report lists every translated object:
a network editor with rights on the whole tree would see the titles of confidential
resources outside her audience. These views take Wagtail's place (site/urls.py
matches them first) and ask the access policy.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail_localize.views.report import TranslationsReportView

from .access import hidden_page_keys, may_see_page, may_view, visible


class PrivacyAwarePageSearchView(SearchView):
    def annotate_queryset(self, pages):
        self.all_pages = visible(self.all_pages, self.request)
        return visible(super().annotate_queryset(pages), self.request)


class PrivacyAwareChooserBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        if not may_view(get_object_or_404(Page, id=parent_page_id), request):
            raise Http404
        return super().get(request, parent_page_id)


class AudiencePageTypesUsageReportView(PageTypesUsageReportView):
    """Counts every page, but names a last edited page only inside the user's audience."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        for item in page_types:
            page = item.last_edited_page
            if page is not None and not may_see_page(self.request.user, page):
                item.last_edited_page = None
        return page_types


class AudienceTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report without pages outside the user's audience."""

    def get_queryset(self):
        hidden = [str(key) for key in hidden_page_keys(self.request.user)]
        translations = super().get_queryset().exclude(source__object_id__in=hidden)
        return translations.order_by("-created_at", "-pk")  # upstream leaves it unordered


def report(view, **kwargs):
    return require_admin_access(view.as_view(**kwargs))


urlpatterns = [
    path("pages/search/", require_admin_access(PrivacyAwarePageSearchView.as_view())),
    path(
        "pages/search/results/",
        require_admin_access(PrivacyAwarePageSearchView.as_view(results_only=True)),
    ),
    path(
        "choose-page/<int:parent_page_id>/",
        require_admin_access(PrivacyAwareChooserBrowseView.as_view()),
    ),
    path("reports/page-types-usage/", report(AudiencePageTypesUsageReportView)),
    path(
        "reports/page-types-usage/results/",
        report(AudiencePageTypesUsageReportView, results_only=True),
    ),
    path("localize/reports/translations/", report(AudienceTranslationsReportView)),
    path(
        "localize/reports/translations/results/",
        report(AudienceTranslationsReportView, results_only=True),
    ),
]
