"""Views of confidential resources are audited; availability keeps its history."""

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from directory.models import AccessRecord, AvailabilityChange


def unit(slug="casalmaggiore-alloggio-4"):
    return Page.objects.get(slug=slug, locale__language_code="it").specific


def test_each_view_is_recorded_and_editors_read_it_in_the_admin(roles, login_as, client):
    housing = unit()
    login_as(roles["operator_a"]).get(housing.url)
    record = AccessRecord.objects.get(username="operator_a")
    assert record.page_id == housing.pk
    assert not hasattr(record, "ip_address")

    # Editors audit who opened what, but read the title only of what they may see.
    report = login_as(roles["editor"]).get(reverse("directory_access_records"))
    body = report.content.decode()
    assert "operator_a" in body
    assert escape(housing.title) not in body
    assert any(
        masked in body
        for masked in (
            "A confidential resource outside your audience",
            "Una risorsa riservata fuori dal tuo pubblico autorizzato",
        )
    )

    report = login_as(roles["admin"]).get(reverse("directory_access_records"))
    assert escape(housing.title) in report.content.decode()


def test_partners_without_the_permission_cannot_read_the_audit(roles, login_as):
    response = login_as(roles["partner_a"]).get(reverse("directory_access_records"))
    assert response.status_code in {302, 403}
    assert "operator_a" not in response.content.decode()


def test_each_published_change_of_free_places_is_kept(roles, login_as):
    housing = unit()
    assert housing.free_places == 2
    housing.free_places = 0
    housing.save_revision(user=roles["operator_a"]).publish()
    housing.free_places = 1
    housing.save_revision(user=roles["operator_a"]).publish()

    history = list(AvailabilityChange.objects.filter(unit=housing).order_by("changed_at", "pk"))
    assert [change.free_places for change in history] == [2, 0, 1]
    assert history[-1].changed_by == roles["operator_a"]

    page = login_as(roles["operator_a"]).get(housing.url).content.decode()
    assert "Variazioni recenti della disponibilità" in page  # the Italian page
    assert "1 posto libero su 4" in page


def test_audit_records_are_purged_after_their_retention(roles, login_as, settings):
    settings.AUDIT_RETENTION_DAYS = 365
    housing = unit()
    for _ in range(2):
        login_as(roles["operator_a"]).get(housing.url)
    old, recent = AccessRecord.objects.order_by("pk")
    now = timezone.now()
    AccessRecord.objects.filter(pk=old.pk).update(viewed_at=now - dt.timedelta(days=366))
    AccessRecord.objects.filter(pk=recent.pk).update(viewed_at=now - dt.timedelta(days=364))

    out = StringIO()
    call_command("purge_access_records", "--dry-run", stdout=out)
    assert "1 access records would be deleted" in out.getvalue()
    assert AccessRecord.objects.count() == 2

    call_command("purge_access_records", stdout=StringIO())
    assert list(AccessRecord.objects.values_list("pk", flat=True)) == [recent.pk]
