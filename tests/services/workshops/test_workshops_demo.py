"""The demo workshops: weekly from the day the demo is loaded, with one skipped date,
one moved and one cancelled session, shown on the home page and at the help points."""

import datetime as dt

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import timezone

from services.associations.partners import group_name
from services.models import WorkshopDateChange, WorkshopPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_demo_workshops_are_upcoming_with_a_skipped_a_moved_and_a_cancelled_date(
    demo, client, page_in
):
    workshops = WorkshopPage.objects.filter(locale__language_code="it")
    assert workshops.count() == 5
    # The session's demo may have been loaded before midnight: its first dates start the
    # day after it was loaded, so they are today or later.
    assert all(w.example_data and w.first_date >= dt.date.today() for w in workshops)
    kinds = sorted(
        change.kind
        for change in WorkshopDateChange.objects.filter(workshop__locale__language_code="it")
    )
    assert kinds == ["cancelled", "moved", "skipped"]

    listing = soup(client.get(page_in("it", "laboratori").url))
    titles = {title.get_text() for title in listing.select(".wcard__title")}
    assert len(titles) == 5
    changes = " ".join(li.get_text() for li in listing.select(".wcard__changes li"))
    assert "nessun incontro" in changes and "spostato" in changes and "annullato" in changes
    assert len(listing.select(".wcard__changed")) == 3

    skipped = WorkshopDateChange.objects.get(kind="skipped", workshop__locale__language_code="it")
    page = soup(client.get(skipped.workshop.url))
    dates = [time["datetime"][:10] for time in page.select("ul.sessions time")]
    assert dates and skipped.date.isoformat() not in dates


def test_the_english_workshop_page_is_translated(demo, client, page_in):
    page = page_in("en", "musicoterapia")
    assert page.title == "Music therapy"
    response = client.get(page.url)
    assert "Cancelled" in soup(response).select_one("li.session--cancelled").get_text()


def test_the_home_page_shows_the_next_workshops(demo, client, page_in):
    home = soup(client.get(page_in("it", "home").url))
    section = home.select_one(".upcoming-workshops")
    assert len(section.select("li")) == 3
    first = section.select_one("time")["datetime"]
    assert dt.datetime.fromisoformat(first) > timezone.now()


def test_a_help_point_lists_the_workshops_held_there(demo, client):
    workshop = WorkshopPage.objects.filter(locale__language_code="it", slug="mindfulness").get()
    page = soup(client.get(workshop.help_point.url))
    section = page.select_one("#help-point-workshops-title").parent
    assert "Mindfulness" in section.get_text()


def test_each_association_has_a_demo_partner_account(demo, page_in):
    association = page_in("it", "mondodonna")
    user = get_user_model().objects.get(username="partner-mondodonna")
    assert list(user.groups.values_list("name", flat=True)) == [group_name(association)]
    assert not user.is_superuser
    assert not user.has_usable_password()  # DEMO_PARTNER_PASSWORD is unset in tests
