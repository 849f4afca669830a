from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, ProjectIndexPage, ProjectPage, StandardPage
from services.models import AssociationIndexPage, AssociationPage


class PageTreeRulesTest(WagtailPageTestCase):
    """Editors can only build the tree the site expects."""

    def test_home_page_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_projects_live_under_the_project_index(self):
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedSubpageTypes(ProjectPage, set())

    def test_associations_live_under_the_association_index(self):
        self.assertAllowedParentPageTypes(AssociationPage, {AssociationIndexPage})
        self.assertAllowedParentPageTypes(AssociationIndexPage, {HomePage})

    def test_content_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
