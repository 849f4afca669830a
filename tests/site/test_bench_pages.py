"""Benchmark: the uncached render of the pages a crowd reads first, in-process.

The budget (issue 13): a median of at most 15 ms per page with the page cache off, and
a query count that does not grow with the number of help points and workshops.
`make bench` measures each page over many rounds and prints median and p95, with what
is derived from the page tree remembered (as between two publishes) and just after a
publish (nothing remembered); `make test` renders each once and checks the query counts
after a publish.
"""

import datetime as dt
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from closher.page_cache import new_generation
from services.models import (
    AssociationPage,
    FinderPage,
    HelpPointIndexPage,
    HelpPointPage,
    WorkshopIndexPage,
)

from ..bench import figures
from ..services.conftest import WorkshopPageFactory
from ..services.help_points.help_points_data import bulk_help_points

pytestmark = pytest.mark.django_db

PAGES = ["home", "finder", "help points", "a help point", "workshops"]


def crowd_pages():
    """{name: URL} of the pages a crowd reads first, in Italian."""
    italian = Page.objects.live().filter(locale__language_code="it")

    def first(model):
        return model.objects.live().filter(locale__language_code="it").order_by("path").first()

    return {
        "home": italian.get(depth=2).url,
        "finder": first(FinderPage).url,
        "help points": first(HelpPointIndexPage).url,
        "a help point": first(HelpPointPage).url,
        "workshops": first(WorkshopIndexPage).url,
    }


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow_the_network(help_points=200, workshops=30):
    """More help points and workshops, to show the query counts do not depend on them."""
    index = HelpPointIndexPage.objects.filter(locale__language_code="it").first()
    association = AssociationPage.objects.filter(locale__language_code="it").first()
    bulk_help_points(index, association, help_points)
    for number in range(workshops):
        first_date = dt.date.today() + dt.timedelta(days=number % 7)
        WorkshopPageFactory(
            parent=association,
            title=f"Laboratorio {number}",
            slug=f"laboratorio-{number}",
            first_date=first_date,
            weekdays=[first_date.weekday()],
        )


def cold_render(client, url):
    """Seconds to render `url` after a publish: nothing derived from the tree remembered."""
    new_generation()
    start = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200
    return time.perf_counter() - start


@pytest.mark.parametrize("name", PAGES)
def test_uncached_render_of_a_crowd_page(benchmark, client, demo, name):
    url = crowd_pages()[name]
    client.get(url)  # warm the process: site root, gazetteer, templates
    new_generation()
    before = queries_of(client, url)
    grow_the_network()
    new_generation()
    after = queries_of(client, url)
    assert after == before, f"{name}: {before} queries, {after} with more help points"

    def render():
        response = client.get(url)
        assert response.status_code == 200
        return response

    benchmark.pedantic(render, rounds=100, warmup_rounds=5, iterations=1)
    if benchmark.stats:
        median, p95 = figures(benchmark.stats.stats.data)
        cold_median, cold_p95 = figures([cold_render(client, url) for _ in range(30)])
        print(  # noqa: T201 - the benchmark's report
            f"\n{connection.vendor}: uncached {name} ({url}): median {median:.1f} ms "
            f"(budget 15 ms), p95 {p95:.1f} ms; just after a publish (nothing remembered) "
            f"median {cold_median:.1f} ms, p95 {cold_p95:.1f} ms; {after} queries after a publish"
        )
