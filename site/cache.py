"""Shared caches that degrade instead of failing: a cache is never a reason for a 500.

- `FaultTolerantRedisCache`: with Redis stopped, every operation goes to the `FALLBACK`
  cache alias (the database cache): pages are rendered and stored there, the contact
  form's rate limit keeps counting, and the error is logged. When Redis is back, the
  next operation uses it again.
- `TolerantDatabaseCache`: before `createcachetable` has run (Wagtail already uses the
  cache while `migrate` creates the locales) or while the database is unreachable, an
  operation is a miss: nothing stored, nothing found.
"""

import logging

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connections, router, transaction
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
OPERATIONS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


class FaultTolerantRedisCache(RedisCache):
    """RedisCache whose operations fall back to OPTIONS["FALLBACK"] when Redis is down."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.fallback_alias = options.pop("FALLBACK", "database")
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})

    def guarded(self, operation, *args, **kwargs):
        return operation(self, *args, **kwargs)

    def fallback(self, name, *args, **kwargs):
        return getattr(caches[self.fallback_alias], name)(*args, **kwargs)


class TolerantDatabaseCache(DatabaseCache):
    """DatabaseCache whose operations are misses when its table or database is missing.

    Inside a transaction each operation runs in a savepoint, so that on PostgreSQL a
    failed cache query does not abort the caller's transaction.
    """

    def guarded(self, operation, *args, **kwargs):
        database = router.db_for_write(self.cache_model_class)
        if not connections[database].in_atomic_block:
            return operation(self, *args, **kwargs)
        with transaction.atomic(using=database):
            return operation(self, *args, **kwargs)

    def fallback(self, name, *args, **kwargs):
        if name == "incr":
            raise ValueError("not in the cache")  # what incr says of a missing key
        return {
            "add": False,
            "get": kwargs.get("default", args[1] if len(args) > 1 else None),
            "get_many": {},
            "has_key": False,
            "touch": False,
            "delete": False,
        }.get(name)


def _degrading(backend, errors, name):
    def operation(self, *args, **kwargs):
        try:
            return self.guarded(getattr(backend, name), *args, **kwargs)
        except errors as error:
            logger.warning("%s unavailable (%s): %s degraded", backend.__name__, error, name)
            return self.fallback(name, *args, **kwargs)

    operation.__name__ = name
    operation.__doc__ = f"{backend.__name__}.{name}, degraded when its store is unavailable."
    return operation


for _name in OPERATIONS:
    setattr(FaultTolerantRedisCache, _name, _degrading(RedisCache, REDIS_DOWN, _name))
    setattr(TolerantDatabaseCache, _name, _degrading(DatabaseCache, DatabaseError, _name))
