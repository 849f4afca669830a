"""Benchmark: `near=` searches of the API over 10,000 help points.

`make bench` (pytest --benchmark-only) measures and prints median and p95 server
time and the queries per request; `make test` runs it once (--benchmark-disable).
The help points are written in bulk, but each search takes the real code path:
URL routing, middleware, view, gazetteer, database and JSON.
"""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ...bench import figures
from .help_points_data import bulk_help_points, make_site

pytestmark = pytest.mark.django_db

PLACES = ["Budrio", "Castro (LE)", "Roma", "40046", "Milano", "s. lazzaro di savena", "Viadana"]


def test_near_search_over_10000_help_points(benchmark, client):
    _home, index, association = make_site()
    bulk_help_points(index, association, 10_000)
    places = itertools.cycle(PLACES)
    client.get("/api/help-points/", {"near": "Budrio"})  # warm caches: gazetteer, site root

    def search():
        response = client.get("/api/help-points/", {"near": next(places)})
        assert response.status_code == 200
        return response

    with CaptureQueriesContext(connection) as queries:
        response = search()
    assert len(response.json()["results"]) == 10
    query_count = len(queries.captured_queries)
    benchmark.extra_info["queries_per_request"] = query_count
    benchmark.pedantic(search, rounds=200, warmup_rounds=5, iterations=1)
    if benchmark.stats:
        median, p95 = figures(benchmark.stats.stats.data)
        benchmark.extra_info["median_ms"] = round(median, 2)
        benchmark.extra_info["p95_ms"] = round(p95, 2)
        print(  # noqa: T201 - the benchmark's report
            f"\n{connection.vendor}: near= over 10,000 help points: median "
            f"{benchmark.extra_info['median_ms']} ms, p95 {benchmark.extra_info['p95_ms']} ms, "
            f"{query_count} queries per request"
        )
