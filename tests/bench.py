"""What the benchmarks print: the median and 95th percentile of timings, in milliseconds."""

import statistics


def figures(seconds):
    """(median, p95) in ms of timings given in seconds."""
    data = sorted(seconds)
    return statistics.median(data) * 1000, data[max(0, int(len(data) * 0.95) - 1)] * 1000
