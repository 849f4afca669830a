"""Benchmark: what matching her place and drawing the map add to a finder request.

`make bench` (pytest --benchmark-only) prints the median and p95 of one lookup over a
mix of what people type (exact names, short forms, a province after the name, CAPs,
typos that end in "Did you mean"), and of one results map; `make test` runs each once.
The budget for the matching is 5 ms median.
"""

import itertools

from services import gazetteer
from services.gazetteer import maps

from ...bench import figures

TYPED = [
    "Budrio", "Reggio Emilia", "Castel San Pietro", "Bologna BO", "Bologna (BO)",
    "bologna bologna", "Aoste", "Bozen", "s lazzaro", "40046", "Castro", "Monza e Brianza",
    "Bolgna", "Milno", "Tornio", "Napli", "Palremo", "Casalechio di Reno", "Roma",
    "Bologna provincia di Bologna",
]  # fmt: skip


def report(benchmark, what):
    if not benchmark.stats:
        return None
    median, p95 = figures(benchmark.stats.stats.data)
    benchmark.extra_info.update(median_ms=round(median, 3), p95_ms=round(p95, 3))
    print(f"\n{what}: median {median:.3f} ms, p95 {p95:.3f} ms")  # noqa: T201
    return median


def test_matching_her_place_takes_under_5_ms_median(benchmark):
    gazetteer.data()  # read once per process, before any request
    typed = itertools.cycle(TYPED)
    benchmark.pedantic(lambda: gazetteer.lookup(next(typed)), rounds=400, iterations=1)
    median = report(benchmark, f"lookup over {len(TYPED)} forms, typos included")
    assert median is None or median < 5


def test_drawing_the_results_map(benchmark):
    points = [(c.latitude, c.longitude) for c in gazetteer.data().comuni if c.province == "BO"]
    maps.outlines()
    benchmark.pedantic(
        lambda: maps.area_map(points[:10], (44.4949, 11.3426), title="t", description="d"),
        rounds=50,
        iterations=1,
    )
    report(benchmark, "results map, 10 points")
