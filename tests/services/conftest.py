import datetime as dt

import factory
import pytest
import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage
from services.models import (
    AssociationIndexPage,
    AssociationPage,
    WorkshopDateChange,
    WorkshopIndexPage,
    WorkshopPage,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Rete"
    slug = "rete"
    intro = "Una rete."

    class Meta:
        model = HomePage


class AssociationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Associazioni"
    slug = "associazioni"

    class Meta:
        model = AssociationIndexPage


class AssociationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Associazione {n}")
    slug = factory.Sequence(lambda n: f"associazione-{n}")
    legal_name = factory.LazyAttribute(lambda page: f"Associazione {page.title}")
    summary = "Ascolto e sostegno."
    based_in = "Bologna"

    class Meta:
        model = AssociationPage


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Laboratori"
    slug = "laboratori"

    class Meta:
        model = WorkshopIndexPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Laboratorio {n}")
    slug = factory.Sequence(lambda n: f"laboratorio-{n}")
    kind = WorkshopPage.Kind.MINDFULNESS
    summary = "Respirare insieme."
    venue_name = "Casa delle donne"
    street_address = "Via Roma 1"
    comune = "Bologna"
    languages = factory.LazyFunction(lambda: ["it", "en"])
    first_date = dt.date(2026, 3, 19)
    start_time = dt.time(18, 0)
    end_time = dt.time(19, 30)
    repeats = WorkshopPage.Repeats.WEEKLY
    weekdays = factory.LazyFunction(lambda: [3])

    class Meta:
        model = WorkshopPage


@pytest.fixture
def network(db):
    """A home page (the default site's root), the workshops page and two associations."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    index = AssociationIndexPageFactory(parent=home)
    return {
        "home": home,
        "workshops": WorkshopIndexPageFactory(parent=home),
        "a": AssociationPageFactory(parent=index, title="Alfa", slug="alfa"),
        "b": AssociationPageFactory(parent=index, title="Beta", slug="beta"),
    }


@pytest.fixture
def make_workshop(network):
    """make_workshop(association="a", changes=[(kind, date, extra fields)], **fields)."""

    def make(association="a", changes=(), **fields):
        page = WorkshopPageFactory(parent=network[association], **fields)
        for kind, day, extra in changes:
            WorkshopDateChange.objects.create(workshop=page, kind=kind, date=day, **extra)
        return page

    return make


# --- Contact form and secure inbox (tests/services/test_contact*.py, test_inbox*.py) ---


@pytest.fixture
def inbox(network):
    """The contact page, a help point per association, and each inbox's keys and staff.

    `inbox.keys["a"]["working"]` is the pyrage identity (private key) of Alfa's working
    key, as the staff would hold it in their key file.
    """
    from types import SimpleNamespace

    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from pyrage import x25519

    from services.associations.roles import setup_association_roles
    from services.models import ContactPage, HelpPointIndexPage, HelpPointPage, InboxKey

    cache.clear()  # the contact form's rate-limit counters
    home = network["home"]
    for name in ("a", "b"):
        network[name].email = f"inbox-{name}@example.org"
        network[name].save()
    contact = ContactPage(
        title="Scrivici",
        slug="scrivici",
        intro="Scrivi a un'associazione.",
        privacy_notice="<p>Il messaggio è cifrato.</p>",
        next_steps="<p>Ti risponderemo nei giorni lavorativi.</p>",
        default_association=network["a"],
    )
    home.add_child(instance=contact)
    contact.save_revision().publish()
    index = HelpPointIndexPage(title="Punti di aiuto", slug="punti-di-aiuto")
    home.add_child(instance=index)
    index.save_revision().publish()
    help_points = {}
    for name, title, comune, latitude, longitude in [
        ("a", "Sportello di Budrio", "Budrio", 44.5378, 11.4935),
        ("b", "Centro di Casalmaggiore", "Casalmaggiore", 44.9904, 10.4186),
    ]:
        page = HelpPointPage(
            title=title,
            slug=comune.lower(),
            association=network[name],
            comune=comune,
            latitude=latitude,
            longitude=longitude,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        help_points[name] = page
    keys, staff = {}, {}
    users = get_user_model()
    for name in ("a", "b"):
        association = network[name]
        keys[name] = {}
        for kind in InboxKey.Kind.values:
            identity = x25519.Identity.generate()
            InboxKey.objects.create(
                association=association, recipient=str(identity.to_public()), kind=kind
            )
            keys[name][kind] = identity
        user = users.objects.create_user(f"staff-{name}", f"{name}@example.org", "x" * 16)
        user.groups.add(setup_association_roles(association)["inbox"])
        staff[name] = user
    return SimpleNamespace(
        page=contact,
        help_points=help_points,
        keys=keys,
        staff=staff,
        **{name: network[name] for name in ("home", "a", "b")},
    )
