"""Shared pytest fixtures. App-specific fixtures live in tests/<app>/conftest.py."""

import pytest

from django.core.cache import caches

from tests.cms.factories import home_page
from tests.db_markers import flushes_without_snapshot


def pytest_collection_modifyitems(config, items):
    unsafe = [
        item.nodeid
        for item in items
        if flushes_without_snapshot(item.get_closest_marker("django_db"), getattr(item, "fixturenames", ()))
    ]
    if unsafe:
        raise pytest.UsageError(
            "These tests commit to the database but would not restore the migrated data after "
            "them, which breaks later tests (see tests/db_markers.py). Mark them "
            "@pytest.mark.django_db(transaction=True, serialized_rollback=True), or use the "
            "plain db fixture:\n  " + "\n  ".join(unsafe)
        )


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: the page cache, menus and site settings are cached
    per generation (cms/cache.py), and a row made in one test must not be seen in another."""
    for backend in caches.all(initialized_only=True):
        backend.clear()


@pytest.fixture
def home(db):
    """The site's home page (created by a data migration)."""
    return home_page()
