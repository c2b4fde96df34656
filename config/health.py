"""/healthz for load balancers and monitoring: database, cache and both storages, never cached.

The answer names failing checks and nothing else: no exception text, host names or versions,
as anyone can call it. The reasons go to the server log.
"""

import logging
import os
import uuid
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("praxis.health")


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def check_cache() -> None:
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def check_storage(alias: str) -> None:
    storage = storages[alias]
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        # One HEAD request: the bucket exists and these credentials may use it.
        storage.connection.meta.client.head_bucket(Bucket=bucket)
        return
    # A local folder appears on the first upload, so the nearest existing folder must be writable.
    folder = Path(storage.location)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        raise PermissionError("the storage folder is not writable")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "media_storage": lambda: check_storage("default"),
    "private_storage": lambda: check_storage("private"),
}


@never_cache
@require_safe
def healthz(request):
    failing = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            failing.append(name)
    if failing:
        return JsonResponse({"status": "error", "failing": failing}, status=503)
    return JsonResponse({"status": "ok"})
