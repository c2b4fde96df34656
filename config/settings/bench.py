"""Benchmarks (benchmarks/*.py): production's caches, task queue and DEBUG off, with throwaway secrets.

The cache is what production builds (config/settings/cache.py: Redis with REDIS_URL, else local
memory), unlike the test settings' per-test caches. The page cache is off unless
PRAXIS_PAGE_CACHE says otherwise, so the in-process scripts time building pages, not reading
them back. Static files are served from the app folders, as the tests do, so no collectstatic.
"""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # building members fast
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PRAXIS_PAGE_CACHE = env_bool("PRAXIS_PAGE_CACHE", False)  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Throwaway folders unless given (benchmarks/serve.py shares them with the servers it starts).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="praxis-test-media-"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(  # noqa: F405
    os.environ.get("PRIVATE_MEDIA_ROOT") or tempfile.mkdtemp(prefix="praxis-bench-private-")
)
AXES_ENABLED = False
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))  # noqa: F405  (as production)
# As production: slow work (emails, bulk certificate PDFs) waits in the database for the worker,
# so a request is timed as a member or staff member waits for it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
