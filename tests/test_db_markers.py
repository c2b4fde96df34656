"""The collection check that keeps transactional tests from breaking the tests after them."""

import pytest

from tests.db_markers import flushes_without_snapshot

SAFE = pytest.mark.django_db(transaction=True, serialized_rollback=True).mark
TRANSACTIONAL = pytest.mark.django_db(transaction=True).mark


@pytest.mark.parametrize(
    ("marker", "fixtures", "unsafe"),
    [
        (None, [], False),
        (None, ["db"], False),
        (pytest.mark.django_db.mark, ["db"], False),
        (SAFE, ["live_server"], False),
        (TRANSACTIONAL, [], True),
        (pytest.mark.django_db(True).mark, [], True),  # transaction given by position
        (pytest.mark.django_db(reset_sequences=True).mark, [], True),
        (None, ["transactional_db"], True),
        (pytest.mark.django_db.mark, ["live_server"], True),
    ],
    ids=[
        "no-database",
        "db-fixture",
        "plain-marker",
        "serialized-live-server",
        "transaction",
        "transaction-positional",
        "reset-sequences",
        "transactional-db-fixture",
        "live-server-without-snapshot",
    ],
)
def test_flushes_without_snapshot(marker, fixtures, unsafe):
    assert flushes_without_snapshot(marker, fixtures) is unsafe
