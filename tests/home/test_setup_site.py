"""`setup_site` again: nothing changes, nothing editors wrote is overwritten; the Site
goes where it is told."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def setup_site(*args):
    call_command("setup_site", *args, stdout=StringIO())


def content_snapshot():
    return sorted(
        (page.locale.language_code, page.url_path, page.title, page.live, page.alias_of_id)
        for page in Page.objects.select_related("locale").filter(depth__gt=1)
    )


def test_a_second_run_changes_nothing_and_keeps_what_editors_wrote(demo, page_in):
    about = page_in("it", "chi-siamo")
    about.title = "La nostra rete"
    about.save_revision().publish()
    french = page_in("fr", "chi-siamo")
    french.intro = "Écrit par notre équipe."
    french.save_revision().publish()
    home = page_in("it", "home")
    cards = [entry.value["page"].pk for entry in home.entry_points]
    del home.entry_points[cards.index(about.pk)]
    home.save_revision().publish()
    before = content_snapshot()

    setup_site()

    assert content_snapshot() == before
    assert page_in("it", "chi-siamo").title == "La nostra rete"
    assert page_in("fr", "chi-siamo").intro == "Écrit par notre équipe."
    # A card editors removed stays removed.
    home = page_in("it", "home")
    assert [entry.value["page"].pk for entry in home.entry_points] == [
        pk for pk in cards if pk != about.pk
    ]
    assert StandardPage.objects.filter(slug="chi-siamo").count() == 6


def test_the_site_record_says_where_the_site_is_served(demo, page_in):
    setup_site("--hostname", "rete.example.org", "--port", "443")

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("rete.example.org", 443, "Rete Clos(H)er")
    assert Site.objects.count() == 1
    # Without a request (emails, tasks), an absolute URL is the Site's.
    assert page_in("en", "chi-siamo").get_full_url() == "https://rete.example.org/en/chi-siamo/"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--default-language", "en"), "LANGUAGE_CODE"),
        (("--languages", "it,de"), r"Unknown language\(s\) de"),
        (("--port", "70000"), "No such port"),
    ],
)
def test_bad_options_are_refused_with_a_reason(db, args, message):
    with pytest.raises(CommandError, match=message):
        setup_site(*args)
