"""Partner groups, through the admin's real views: a partner publishes in her own
association's section and edits its help points, and nothing else."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from services.associations.partners import group_name
from services.models import HelpPointIndexPage, HelpPointPage, WorkshopPage


@pytest.fixture
def help_points(network):
    index = HelpPointIndexPage(title="Punti di aiuto", slug="punti-di-aiuto")
    network["home"].add_child(instance=index)
    points = {}
    for key in ("a", "b"):
        point = HelpPointPage(
            title=f"Sportello {key}",
            slug=f"sportello-{key}",
            association=network[key],
            comune="Bologna",
        )
        index.add_child(instance=point)
        points[key] = point
    return points


@pytest.fixture
def partner(network, help_points, login_as):
    """A member of Alfa's partner group, logged into the admin."""
    call_command("setup_association", "alfa", stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = get_user_model().objects.create_user("partner-alfa", password="x")
    user.groups.add(*user.groups.model.objects.filter(name=group_name(network["a"])))
    return login_as(user)


def form_of(response, **changes):
    """The page editor's form as the browser would post it, with `changes` applied."""
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    return {name: data.getlist(name) for name in data}


WORKSHOP = {
    "title": "Assertività",
    "slug": "assertivita",
    "kind": "assertiveness",
    "summary": "Dire di no.",
    "venue_name": "Casa delle donne",
    "comune": "Bologna",
    "languages": ["it", "ar"],
    "first_date": "2026-03-17",
    "start_time": "17:00",
    "end_time": "18:30",
    "repeats": "weekly",
    "repeat_every": "1",
    "weekdays": ["1"],
    "action-publish": "action-publish",
}


def test_a_partner_creates_and_publishes_a_workshop_in_her_section(partner, network):
    url = reverse("wagtailadmin_pages:add", args=["services", "workshoppage", network["a"].pk])
    response = partner.post(url, form_of(partner.get(url), **WORKSHOP))
    assert response.status_code == 302
    workshop = WorkshopPage.objects.get(slug="assertivita", locale=network["a"].locale)
    assert workshop.live
    assert workshop.get_parent().pk == network["a"].pk
    assert workshop.weekdays == [1]
    assert workshop.languages == ["it", "ar"]


def test_a_workshop_cannot_be_held_at_another_associations_help_point(
    partner, network, help_points
):
    url = reverse("wagtailadmin_pages:add", args=["services", "workshoppage", network["a"].pk])
    theirs = {**WORKSHOP, "help_point": str(help_points["b"].pk)}
    response = partner.post(url, form_of(partner.get(url), **theirs))
    assert response.status_code == 200
    [error] = response.context["form"].errors["help_point"]
    assert network["a"].title in error  # the message names her own association
    assert not WorkshopPage.objects.filter(slug="assertivita").exists()

    ours = {**WORKSHOP, "help_point": str(help_points["a"].pk)}
    assert partner.post(url, form_of(partner.get(url), **ours)).status_code == 302
    workshop = WorkshopPage.objects.get(slug="assertivita", locale=network["a"].locale)
    assert workshop.help_point.pk == help_points["a"].pk


def test_a_partner_edits_and_publishes_her_workshop(partner, make_workshop):
    workshop = make_workshop()
    url = reverse("wagtailadmin_pages:edit", args=[workshop.pk])
    form = form_of(partner.get(url), title="Mindfulness al mattino", **{"action-publish": "1"})
    assert partner.post(url, form).status_code == 302
    workshop.refresh_from_db()
    assert workshop.title == "Mindfulness al mattino"
    assert workshop.live and not workshop.has_unpublished_changes


def test_a_partner_edits_her_own_help_point_but_not_another(partner, help_points):
    own = partner.get(reverse("wagtailadmin_pages:edit", args=[help_points["a"].pk]))
    assert own.status_code == 200
    other = partner.get(reverse("wagtailadmin_pages:edit", args=[help_points["b"].pk]))
    assert other.status_code in {302, 403}


def test_a_partner_cannot_touch_another_associations_pages(partner, network, make_workshop):
    theirs = make_workshop(association="b", title="Di Beta")
    edit = reverse("wagtailadmin_pages:edit", args=[theirs.pk])
    assert partner.get(edit).status_code in {302, 403}
    partner.post(edit, {"title": "Presa", "action-publish": "1"})
    theirs.refresh_from_db()
    assert theirs.title == "Di Beta"
    add = reverse("wagtailadmin_pages:add", args=["services", "workshoppage", network["b"].pk])
    assert partner.get(add).status_code in {302, 403}
    assert partner.get(reverse("wagtailadmin_pages:edit", args=[network["b"].pk])).status_code in {
        302,
        403,
    }


@pytest.mark.parametrize(
    "url",
    [
        reverse("wagtailsettings:edit", args=["closher", "networksettings"]),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
    ],
)
def test_a_partner_cannot_reach_settings_or_users(partner, url):
    response = partner.get(url)
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"] != url


def test_a_partner_cannot_move_a_workshop_out_of_her_section(
    partner, network, make_workshop, login_as
):
    workshop = make_workshop()
    for destination in (network["b"], network["home"]):
        url = reverse("wagtailadmin_pages:move_confirm", args=[workshop.pk, destination.pk])
        response = partner.post(url)
        assert response.status_code in {302, 403}
    workshop.refresh_from_db()
    assert workshop.get_parent().pk == network["a"].pk

    editor = get_user_model().objects.create_superuser("editor", password="x")
    url = reverse("wagtailadmin_pages:move_confirm", args=[workshop.pk, network["b"].pk])
    login_as(editor).post(url)
    workshop.refresh_from_db()
    assert workshop.get_parent().pk == network["b"].pk  # the move itself is allowed


def test_the_dashboard_shows_a_partner_her_next_sessions(partner, make_workshop):
    today = dt.date.today()
    make_workshop(title="Mindfulness", first_date=today, weekdays=[today.weekday()])
    make_workshop(association="b", title="Di Beta", first_date=today, weekdays=[today.weekday()])
    response = partner.get(reverse("wagtailadmin_home"))
    assert b"partner-sessions-title" in response.content
    assert "Mindfulness" in response.content.decode()
    assert "Di Beta" not in response.content.decode()


def test_a_moderated_partner_submits_for_moderation_instead_of_publishing(
    partner, network, make_workshop
):
    call_command("setup_association", "alfa", "--moderated", stdout=open("/dev/null", "w"))  # noqa: SIM115
    workshop = make_workshop(title="Mindfulness")
    url = reverse("wagtailadmin_pages:edit", args=[workshop.pk])
    partner.post(url, form_of(partner.get(url), title="Pubblicato?", **{"action-publish": "1"}))
    workshop.refresh_from_db()
    assert workshop.title == "Mindfulness"

    partner.post(url, form_of(partner.get(url), title="Da approvare", **{"action-submit": "1"}))
    workshop.refresh_from_db()
    assert workshop.title == "Mindfulness"
    assert workshop.workflow_in_progress
    assert workshop.get_latest_revision_as_object().title == "Da approvare"
