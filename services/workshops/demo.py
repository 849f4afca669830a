"""Demo workshops, from demo.toml beside this module, and one demo partner account per
association.

Schedules start from the week the demo is loaded, so the listing is never empty; each
of the first three shows one kind of change: a skipped date, a moved session and a
cancelled one.
"""

from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.content import ContentData, ContentPart, get_or_create_child
from services.associations.demo import demo_associations
from services.associations.models import AssociationPage
from services.associations.partners import group_name
from services.help_points.models import HelpPointPage

from .models import WorkshopDateChange, WorkshopPage

DATA = ContentData(Path(__file__).with_name("demo.toml"))


def next_weekday(after, weekday):
    """The first date after `after` falling on `weekday` (0 = Monday)."""
    return after + timedelta(days=(weekday - after.weekday() - 1) % 7 + 1)


def date_change(spec, first):
    """A change to the session `week` weeks after the first one."""
    day = first + timedelta(weeks=spec["week"])
    kind = spec["kind"]
    if kind == WorkshopDateChange.Kind.MOVED:
        return WorkshopDateChange(
            kind=kind, date=day, new_date=day + timedelta(days=1), reason=spec["reason"]
        )
    return WorkshopDateChange(kind=kind, date=day, reason=spec["reason"])


def place(association, every):
    """Where the workshops of `association` meet: its first help point, or an address."""
    help_point = (
        HelpPointPage.objects.filter(association=association, locale=association.locale)
        .order_by("path")
        .first()
    )
    if help_point is not None:
        return {"help_point": help_point}
    return {
        "venue_name": every["venue_name"],
        "street_address": every["street_address"],
        "comune": association.based_in,
    }


def workshop_page(association, spec, first, data):
    every = data["every_workshop"]
    booking = spec["joining"] == WorkshopPage.Joining.PHONE
    page, _ = get_or_create_child(
        association,
        WorkshopPage,
        spec["slug"],
        example_data=True,
        **data.texts(spec, "title", "summary", "audience"),
        kind=spec["kind"],
        description=data.paragraphs(spec["description"]),
        languages=spec["languages"],
        childcare=spec["childcare"],
        joining=spec["joining"],
        join_phone=every["booking_phone"] if booking else "",
        capacity=every["capacity"],
        first_date=first,
        start_time=spec["start"],
        end_time=spec["end"],
        repeats=WorkshopPage.Repeats.WEEKLY,
        repeat_every=spec["every_weeks"],
        weekdays=[spec["weekday"]],
        repeat_count=every["sessions"],
        date_changes=[date_change(spec["change"], first)] if "change" in spec else [],
        **place(association, every),
    )
    return page


def build(home, data):
    """The demo workshops, in Italian, in their associations' sections."""
    first_week = date.today()
    pages = []
    for spec in data["workshops"]:
        association = AssociationPage.objects.get(slug=spec["association"], locale=home.locale)
        first = next_weekday(first_week, spec["weekday"])
        pages.append(workshop_page(association, spec, first, data))
    return pages


def after_sync():
    """Once the associations' groups exist: a demo partner account per association."""
    users = get_user_model()
    for association in demo_associations():
        group = Group.objects.get(name=group_name(association))
        user, created = users.objects.get_or_create(
            username=f"partner-{association.slug}",
            defaults={"email": f"partner-{association.slug}@example.org", "is_staff": False},
        )
        if created:
            if settings.DEMO_PARTNER_PASSWORD:
                user.set_password(settings.DEMO_PARTNER_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
        user.groups.add(group)


WORKSHOPS_DEMO = ContentPart(data=DATA, build=build, after_sync=after_sync)
