"""Django's Redis cache that degrades instead of failing when Redis is unreachable.

With Redis stopped, every operation goes to the `fallback` cache alias (the database
cache): pages are rendered and stored there, the contact form's rate limit keeps
counting, and the error is logged, never raised to the visitor. When Redis is back,
the next operation uses it again.
"""

import logging

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
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


def _degrading(name):
    def operation(self, *args, **kwargs):
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except REDIS_DOWN as error:
            logger.warning("Redis unreachable (%s): %s served by the fallback cache", error, name)
            return getattr(caches[self.fallback_alias], name)(*args, **kwargs)

    operation.__name__ = name
    operation.__doc__ = f"RedisCache.{name}, or the fallback cache's when Redis is down."
    return operation


for _name in OPERATIONS:
    setattr(FaultTolerantRedisCache, _name, _degrading(_name))
