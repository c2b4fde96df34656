"""The shared benchmark helpers' arithmetic and table layout (no timings are asserted)."""

import importlib.util
from pathlib import Path

import pytest

from wagtail.models import Page

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "_harness.py"
spec = importlib.util.spec_from_file_location("bench_harness", HARNESS)
harness = importlib.util.module_from_spec(spec)
spec.loader.exec_module(harness)


@pytest.mark.parametrize(
    ("samples", "percent", "expected"),
    [
        ([5.0], 95, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.0),
        ([float(n) for n in range(1, 101)], 95, 95.0),
        ([float(n) for n in range(50, 0, -1)], 95, 48.0),  # unsorted input; rank is ceil(47.5)
        ([3.0, 1.0, 2.0], 100, 3.0),
    ],
)
def test_percentile_is_nearest_rank(samples, percent, expected):
    assert harness.percentile(samples, percent) == expected


def test_print_table_aligns_text_left_and_numbers_right(capsys):
    harness.print_table(["Page", "Median ms", "Queries"], [["Home", 14.94, 15], ["Event index", 132.0, 9]])
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "Page         Median ms  Queries",
        "-----------  ---------  -------",
        "Home              14.9       15",
        "Event index      132.0        9",
    ]


def test_time_requests_counts_queries_and_refuses_errors(client, db):
    timing = harness.time_requests(client, "/search/", requests=3, warmup=1, data={"q": "court"})
    assert timing.requests == 3 and timing.queries > 0
    assert 0 < timing.median_ms <= timing.p95_ms
    with pytest.raises(RuntimeError, match="answered 404"):
        harness.time_requests(client, "/no-such-page/", requests=1, warmup=0)


def test_time_spread_reports_the_most_queries_any_target_needed(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = ["/", "/search/?q=practice"]
    timing = harness.time_spread([(client, url) for url in urls], requests=4, warmup=2)
    counts = []
    for url in urls:  # warm now, as the harness's were
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] != counts[1]
    assert timing.requests == 4
    assert timing.queries == max(counts)


@pytest.mark.django_db
def test_analyse_database_gathers_planner_statistics():
    """The search benchmark's nested-loop plan came from a database nobody had analysed."""
    from django.db import connection

    from tests.cms.factories import StandardPageFactory

    home = Page.objects.get(depth=2)
    for n in range(3):
        StandardPageFactory(parent=home, title=f"Page {n}")

    def page_statistics():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # -1 until the table is first analysed (PostgreSQL 14 and later).
                cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'")
                (rows,) = cursor.fetchone()
                return rows if rows >= 0 else None
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone() is None:
                return None
            # One row per index; each stat starts with the table's row count.
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'wagtailcore_page' LIMIT 1")
            row = cursor.fetchone()
            return int(row[0].split()[0]) if row else None

    harness.analyse_database()
    assert page_statistics() == Page.objects.count()
