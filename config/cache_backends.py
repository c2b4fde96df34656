"""A Redis cache that degrades to "no cache" while Redis is unreachable, instead of failing.

Django's RedisCache raises when it cannot connect, and everything on a page reads the cache
(site root paths, the page cache and its generation, renditions, sessions through `cached_db`),
so a Redis restart would turn every page into an error. This backend logs the outage and answers
as an empty cache does: reads miss, writes are dropped. Pages are then built from the database,
sessions come from their table, and /healthz reports `cache` as failing (its round trip reads
back nothing), so monitoring still sees the outage.
"""

import logging

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("praxis.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _forgiving(operation: str, call, fallback):
    try:
        return call()
    except UNREACHABLE as error:
        logger.warning(
            "Redis unreachable during cache %s (%s); carrying on without it", operation, type(error).__name__
        )
        return fallback


class ResilientRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        return _forgiving("get", lambda: super(ResilientRedisCache, self).get(key, default, version), default)

    def get_many(self, keys, version=None):
        return _forgiving("get_many", lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return _forgiving("has_key", lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return _forgiving(
            "add", lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), False
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        _forgiving("set", lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return _forgiving(
            "set_many", lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), list(data)
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return _forgiving(
            "touch", lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key, version=None):
        return _forgiving("delete", lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def delete_many(self, keys, version=None):
        _forgiving("delete_many", lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)
