"""Help points for tests and benchmarks: a few made the normal way, or thousands in bulk.

Thousands of pages through treebeard's add_child take minutes, so `bulk_help_points`
writes the page rows directly (paths computed as treebeard does); the searches under
test still go through the real code path.
"""

import datetime as dt
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from services.models import (
    AssociationIndexPage,
    AssociationPage,
    FinderPage,
    HelpPointIndexPage,
    HelpPointPage,
    HelpPointPhone,
    OpeningRule,
)


def make_site():
    """A home page, one association and a help point index, in Italian."""
    locale, _created = Locale.objects.get_or_create(language_code="it")
    root = Page.get_first_root_node()
    home = HomePage(title="Rete", slug="rete", intro="Una rete.", locale=locale)
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    associations = AssociationIndexPage(title="Associazioni", slug="associazioni")
    home.add_child(instance=associations)
    association = AssociationPage(
        title="MondoDonna",
        slug="mondodonna",
        legal_name="Associazione MondoDonna",
        summary="Ascolto.",
        based_in="Bologna",
    )
    associations.add_child(instance=association)
    index = HelpPointIndexPage(title="Punti di aiuto", slug="punti-di-aiuto")
    home.add_child(instance=index)
    return home, index, association


def add_help_point(index, association, slug, comune, latitude, longitude, **fields):
    page = HelpPointPage(
        title=fields.pop("title", f"Sportello {comune}"),
        slug=slug,
        association=association,
        comune=comune,
        latitude=latitude,
        longitude=longitude,
        **fields,
    )
    index.add_child(instance=page)
    return page


def bulk_help_points(index, association, count, seed=1):
    """`count` live help points spread over Italy, each with two rules and a phone."""
    rng = random.Random(seed)
    index.refresh_from_db()
    content_type = ContentType.objects.get_for_model(HelpPointPage)
    start = index.numchild
    pages = []
    for i in range(count):
        slug = f"punto-{start + i}"
        pages.append(
            Page(
                title=f"Punto di aiuto {start + i}",
                draft_title=f"Punto di aiuto {start + i}",
                slug=slug,
                path=HelpPointIndexPage._get_path(index.path, index.depth + 1, start + i + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                last_published_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            )
        )
    pages = Page.objects.bulk_create(pages, batch_size=500)
    if pages[0].pk is None:  # databases that do not return ids
        pages = list(Page.objects.filter(path__in=[p.path for p in pages]).order_by("path"))
    points = []
    for page in pages:
        point = HelpPointPage(
            association=association,
            comune="Comune",
            istat_code="037008",
            province="BO",
            latitude=rng.uniform(36.7, 46.9),
            longitude=rng.uniform(7.0, 18.3),
            languages="it en",
        )
        point.public_latitude, point.public_longitude = point.latitude, point.longitude
        point.page_ptr_id = point.pk = page.pk
        points.append(point)
    fields = HelpPointPage._meta.local_concrete_fields
    HelpPointPage.objects.all()._batched_insert(points, fields, batch_size=500)
    OpeningRule.objects.bulk_create(
        [
            rule
            for point in points
            for rule in (
                OpeningRule(
                    help_point_id=point.pk,
                    monday=True,
                    thursday=True,
                    opens=dt.time(9),
                    closes=dt.time(13),
                ),
                OpeningRule(
                    help_point_id=point.pk, saturday=True, opens=dt.time(22), closes=dt.time(2)
                ),
            )
        ],
        batch_size=1000,
    )
    HelpPointPhone.objects.bulk_create(
        [HelpPointPhone(help_point_id=point.pk, number="+39 051 000 0000") for point in points],
        batch_size=1000,
    )
    Page.objects.filter(pk=index.pk).update(numchild=start + count)
    index.refresh_from_db()
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would gather them for committed rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def make_finder(home):
    """The finder page under `home`, at /trova-aiuto/."""
    finder = FinderPage(title="Trova aiuto", slug="trova-aiuto")
    home.add_child(instance=finder)
    return finder
