"""Tests: fast hashing, in-memory email, local-memory cache, plain static files, immediate tasks.

The database comes from DATABASE_URL like everywhere else (the test runner makes its own test
database from it); without it, SQLite.
"""

import tempfile

from .base import *  # noqa: F403
from .cache import caches

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The production builder without REDIS_URL: per-process local memory (config/settings/cache.py).
CACHES = caches(location="praxis-test")
# Off, so a page cached by one test is never served to another; tests of the cache switch it on.
PRAXIS_PAGE_CACHE = False
# Local folders whatever the environment says; tests/config/test_object_storage.py covers S3.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "learning_records.common.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="praxis-test-media-"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="praxis-test-private-"))  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files straight from the app folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Accounts and CPD: tests that check throttling switch axes on for themselves; evidence files go
# to a throwaway folder.
AXES_ENABLED = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
