"""Run one function for several arguments at the same moment, each in its own thread and its own
database connection: what tests of row locks on PostgreSQL need."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from django.db import connection


def needs_row_locks() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs row locks across connections: SQLite serialises all writers with a file lock instead."
        )


def at_once(function, arguments: list, *, refused=()) -> list:
    """function(argument) for each argument, all released together; an exception of a type in
    `refused` is returned as the result instead of raised. Results in argument order."""
    start = threading.Barrier(len(arguments))

    def run(argument):
        try:
            start.wait(timeout=30)
            return function(argument)
        except refused as error:
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        return list(pool.map(run, arguments))
