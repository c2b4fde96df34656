"""Keep every test that commits to the database restoring what the migrations made.

A transactional test ends by flushing the database. With `serialized_rollback=True` the flush
skips post_migrate and the snapshot of the migrated database is loaded back; without it,
post_migrate re-creates content types with new ids, and the next test that restores the
snapshot (content type 1 is wagtailcore.page) fails on a duplicate key. Which test runs next
depends on the order, and with pytest-xdist on the worker, so the failure comes and goes.
"""


def _django_db(transaction=False, reset_sequences=False, databases=None, serialized_rollback=False, **_):
    return bool(transaction or reset_sequences), bool(serialized_rollback)


def flushes_without_snapshot(marker, fixturenames) -> bool:
    """Whether a test (its django_db marker, or None, and its fixtures) would flush unsafely."""
    transactional, serialized = _django_db(*marker.args, **marker.kwargs) if marker else (False, False)
    transactional = transactional or bool({"transactional_db", "live_server"} & set(fixturenames))
    return transactional and not serialized


def requires_postgresql():
    """A skip marker for tests of PostgreSQL's own behaviour (query plans, row locks)."""
    import pytest

    from django.db import connection

    return pytest.mark.skipif(
        connection.vendor != "postgresql", reason="Needs PostgreSQL; set DATABASE_URL to run this."
    )
