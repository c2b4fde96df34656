"""The cache configuration, built in one place so production and the tests use the same one.

With `REDIS_URL`, everything shared goes to Redis: the default cache (site root paths, the page
cache and its generation number), Wagtail's renditions and sessions (through `cached_db`, so a
Redis restart signs nobody out). Any number of processes and hosts then see one cache.

Without it, each process keeps a local-memory cache. That costs no SQL, but a publish clears the
page cache of the process that handled it only, so run ONE process without Redis; several
processes need Redis. Never the database cache: every read would be a query (issue 10 measured
149 queries for the home page with it).
"""

# Django's RedisCache, answering as an empty cache while Redis is unreachable (see the module).
REDIS_BACKEND = "config.cache_backends.ResilientRedisCache"
LOCMEM_BACKEND = "django.core.cache.backends.locmem.LocMemCache"
# Page cache entries and site root paths are small; renditions are one row per image size.
DEFAULT_TIMEOUT = 60 * 60
RENDITIONS_TIMEOUT = 60 * 60 * 24


def caches(redis_url: str = "", *, location: str = "praxis") -> dict:
    """Django's CACHES for Redis at `redis_url`, or per-process local memory without it.

    `location` names the local-memory caches, so a test can have fresh ones of its own.
    """
    if redis_url:
        return {
            "default": {
                "BACKEND": REDIS_BACKEND,
                "LOCATION": redis_url,
                "KEY_PREFIX": location,
                "TIMEOUT": DEFAULT_TIMEOUT,
            },
            "renditions": {
                "BACKEND": REDIS_BACKEND,
                "LOCATION": redis_url,
                "KEY_PREFIX": f"{location}-renditions",
                "TIMEOUT": RENDITIONS_TIMEOUT,
            },
        }
    return {
        "default": {
            "BACKEND": LOCMEM_BACKEND,
            "LOCATION": f"{location}-default",
            "TIMEOUT": DEFAULT_TIMEOUT,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "renditions": {
            "BACKEND": LOCMEM_BACKEND,
            "LOCATION": f"{location}-renditions",
            "TIMEOUT": RENDITIONS_TIMEOUT,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }


# The session row stays in the database; the cache only saves reading it on every request.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
