"""Admin views that also respect page privacy, in place of Wagtail's at the same URLs.

Wagtail's page search lists every page the user has any permission on, and its page
chooser opens any page by id: a network editor with rights on the whole tree would
see the titles of confidential resources outside her audience. These views take
Wagtail's place (site/urls.py matches them first) and add the check.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import include, path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page

from .access import may_view, visible


class PrivacyAwarePageSearchView(SearchView):
    def annotate_queryset(self, pages):
        self.all_pages = visible(self.all_pages, self.request)
        return visible(super().annotate_queryset(pages), self.request)


class PrivacyAwareChooserBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        if not may_view(get_object_or_404(Page, id=parent_page_id), request):
            raise Http404
        return super().get(request, parent_page_id)


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
    path("two-factor/", include("directory.urls")),
]
