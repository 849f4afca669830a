"""With Redis stopped, the shared cache degrades to the database cache: no error reaches her.

The test starts its own throwaway redis-server on a free port (never the machine's own).
"""

import pytest
from django.core.cache import caches

from closher.cache import FaultTolerantRedisCache, TolerantDatabaseCache

from ..browser.helpers import free_port
from .served import start_redis


@pytest.fixture
def redis_port():
    port = free_port()
    process = start_redis(port)
    yield port, process
    process.kill()
    process.wait()


def shared_cache(port):
    return FaultTolerantRedisCache(
        f"redis://127.0.0.1:{port}/0", {"OPTIONS": {"FALLBACK": "database"}}
    )


def test_redis_stopped_then_back_never_raises_and_keeps_counting(redis_port):
    port, process = redis_port
    cache = shared_cache(port)
    fallback = caches["database"]
    fallback.clear()

    cache.set("page", "from redis", 60)
    assert cache.get("page") == "from redis"
    assert fallback.get("page") is None

    process.kill()
    process.wait()
    assert cache.get("page") is None  # a miss, not an error: the page is rendered
    cache.set("page", "from the database", 60)
    assert fallback.get("page") == "from the database"
    assert cache.add("rate", 1, 60)  # the contact form's rate limit keeps counting
    assert cache.incr("rate") == 2
    assert fallback.get("rate") == 2

    restarted = start_redis(port)
    try:
        cache.set("page", "from redis again", 60)
        assert cache.get("page") == "from redis again"
    finally:
        restarted.kill()
        restarted.wait()


@pytest.mark.django_db
def test_a_missing_cache_table_is_a_miss_not_an_error():
    """Before `createcachetable` (Wagtail uses the cache while `migrate` runs)."""
    cache = TolerantDatabaseCache("no_such_cache_table", {})
    cache.set("page", "stored", 60)
    assert cache.get("page", "missing") == "missing"
    assert cache.add("rate", 1, 60) is False
    with pytest.raises(ValueError):
        cache.incr("rate")
