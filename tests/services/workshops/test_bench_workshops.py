"""Benchmark: the workshops page and the API over 500 weekly workshops (8 weeks: about
4,000 sessions). `make bench` prints median and p95 server time and queries per request;
`make test` runs it once (--benchmark-disable)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ...bench import figures

WORKSHOPS = 500


@pytest.mark.parametrize("target", ["listing", "api"])
def test_upcoming_sessions_of_500_workshops(benchmark, client, network, make_workshop, target):
    for number in range(WORKSHOPS):
        monday = dt.date(2026, 3, 16)
        make_workshop(
            association="ab"[number % 2],
            first_date=monday + dt.timedelta(days=number % 7),
            weekdays=[number % 7],
        )
    url = network["workshops"].url if target == "listing" else "/api/workshops/"
    client.get(url)  # warm the site root cache

    def request():
        response = client.get(url)
        assert response.status_code == 200
        return response

    with CaptureQueriesContext(connection) as queries:
        request()
    benchmark.extra_info["queries_per_request"] = query_count = len(queries)
    benchmark.pedantic(request, rounds=20, warmup_rounds=2, iterations=1)
    if benchmark.stats:
        median, p95 = figures(benchmark.stats.stats.data)
        print(  # noqa: T201 - the benchmark's report
            f"\n{connection.vendor}: {target} of {WORKSHOPS} workshops: median {median:.1f} ms, "
            f"p95 {p95:.1f} ms, {query_count} queries per request"
        )
