"""Production's caches: Redis with REDIS_URL, per-process local memory without; never the database."""

import json
import os
import subprocess
import sys

from tests.test_settings import REQUIRED, ROOT

SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'caches': {k: v['BACKEND'] for k, v in settings.CACHES.items()}, "
    "'location': settings.CACHES['default'].get('LOCATION'), 'sessions': settings.SESSION_ENGINE}))"
)


def production_caches(**env) -> dict:
    clean_env = {k: v for k, v in os.environ.items() if k not in {*REQUIRED, "REDIS_URL"}}
    clean_env.update(REQUIRED, **env, DJANGO_SETTINGS_MODULE="config.settings.production")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW], cwd=ROOT, env=clean_env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_each_process_keeps_a_local_memory_cache():
    loaded = production_caches()
    assert loaded["caches"] == {
        "default": "django.core.cache.backends.locmem.LocMemCache",
        "renditions": "django.core.cache.backends.locmem.LocMemCache",
    }
    assert loaded["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_with_redis_everything_shared_goes_to_redis():
    loaded = production_caches(REDIS_URL="redis://cache.example:6379/0")
    assert loaded["caches"] == {
        "default": "config.cache_backends.ResilientRedisCache",
        "renditions": "config.cache_backends.ResilientRedisCache",
    }
    assert loaded["location"] == "redis://cache.example:6379/0"
    assert loaded["sessions"] == "django.contrib.sessions.backends.cached_db"
