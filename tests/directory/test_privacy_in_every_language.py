"""The directory's privacy holds in every language, aliases included."""

from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from .conftest import operators_of


def translations(slug):
    return Page.objects.filter(slug=slug).exclude(locale__language_code="it")


def groups_of(page):
    return {
        frozenset(restriction.groups.values_list("name", flat=True))
        for restriction in PageViewRestriction.objects.filter(page=page)
    }


def test_every_alias_carries_the_restriction_of_its_italian_page(directory_demo):
    for slug in ["riservato", "procedura-interna-mia"]:
        italian = Page.objects.get(slug=slug, locale__language_code="it")
        aliases = translations(slug)
        assert aliases.count() == 5
        for alias in aliases:
            assert groups_of(alias) == groups_of(italian), alias.url


def test_a_restriction_added_later_reaches_the_aliases(
    directory_demo, django_capture_on_commit_callbacks
):
    contact = Page.objects.get(slug="carabinieri-casalmaggiore", locale__language_code="it")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=contact, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name=operators_of("mia"))])
    for alias in translations("carabinieri-casalmaggiore"):
        assert groups_of(alias) == {frozenset([operators_of("mia")])}, alias.url


def test_an_alias_that_lost_its_restriction_stays_closed(roles, login_as):
    english = Page.objects.get(slug="procedura-interna-mia", locale__language_code="en")
    PageViewRestriction.objects.filter(page=english).delete()
    client = login_as(roles["operator_b"])
    response = client.get(english.url)
    assert response.status_code == 404
    assert "girasole" not in response.content.decode()
    assert client.get(Page.objects.get(pk=english.alias_of_id).url).status_code == 404
