"""The workaround for wagtail/wagtail-localize#773 keeps translated subtrees reachable."""

import pytest
from wagtail.models import Locale, Page
from wagtail.signals import page_published

from home.content import translate_page
from home.models import HomePage, StandardPage
from home.wagtail_localize_numchild import restore_numchild

pytestmark = pytest.mark.django_db
UID = "wagtail_localize_numchild"


@pytest.fixture
def translate_subtree(demo, django_capture_on_commit_callbacks):
    """Translate a new page 'guida' and a new child of it into French in one transaction."""

    def run():
        home = HomePage.objects.get(locale__language_code="it")
        guide = StandardPage(title="Guida", slug="guida")
        home.add_child(instance=guide)
        guide.save_revision().publish()
        child = StandardPage(title="Sotto-pagina", slug="sotto-pagina")
        guide.add_child(instance=child)
        child.save_revision().publish()
        glossary = {"Guida": "Guide", "Sotto-pagina": "Sous-page"}
        french = Locale.objects.get(language_code="fr")
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(guide, french, glossary)
            translate_page(child, french, glossary)
        return Page.objects.get(locale=french, slug="guida")

    return run


def test_translating_parent_and_child_together_keeps_the_child_reachable(translate_subtree, client):
    assert translate_subtree().numchild == 1
    response = client.get("/fr/guida/sotto-pagina/")
    assert response.status_code == 200
    assert "Sous-page" in response.content.decode()


def test_upstream_bug_is_still_there_without_the_workaround(translate_subtree):
    """When this fails, upstream has fixed #773: delete home/wagtail_localize_numchild.py."""
    page_published.disconnect(dispatch_uid=UID)
    try:
        assert translate_subtree().numchild == 0
    finally:
        page_published.connect(restore_numchild, dispatch_uid=UID)
