"""A search for a selective term reads an index, not every index entry (PostgreSQL only).

The index holds 5,000 other entries, with planner statistics, as on a real site; the planner is
also told to avoid sequential scans (`enable_seqscan = off`), which it still chooses when no
index can answer the query: that is what this test catches. Without
search/migrations/0001_search_vector_index.py the plan filtered every index entry.

It used to pass alone and fail after other tests (or after itself, on a kept test database):
each test's index entries, rolled back, stayed in the GIN index's pending list until autovacuum
merged it, and the planner charges a search for reading the whole list, so with two runs' worth
of it (186 pages) a nested loop over the pages looked cheaper than the index. The index now
takes entries at once (search/migrations/0002_search_vector_index_without_pending_list.py),
which the second test holds to.

One thing it still depends on: while a transaction older than the test database's migrations is
open anywhere on the server (another run's long build, say), the planner cannot use
praxis_page_id_text, which PostgreSQL built with `indcheckxmin` (the migrations leave dead HOT
updates of the home page), and the plan reads every page.
"""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from cms.models import StandardPage
from tests.cms import factories as f
from tests.db_markers import requires_postgresql

pytestmark = [pytest.mark.django_db, requires_postgresql()]


FILLER = """
    INSERT INTO wagtailsearch_indexentry
        (content_type_id, object_id, title_norm, autocomplete, title, body, title_text, body_text)
    SELECT %s, (1000000 + n)::text, 1.0, ''::tsvector, to_tsvector('Court report ' || n),
        to_tsvector('Evidence for the family court, number ' || n), 'Court report', 'Evidence'
    FROM generate_series(1, 5000) AS n
"""


def add_filler_entries() -> None:
    with connection.cursor() as cursor:
        cursor.execute(FILLER, [ContentType.objects.get_for_model(StandardPage).pk])


def search_plan(term: str) -> str:
    add_filler_entries()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute("ANALYZE wagtailcore_page")
    with CaptureQueriesContext(connection) as queries:
        list(Page.objects.live().public().search(term)[:10])
    sql = queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_selective_search_uses_the_search_vector_index(home):
    for n in range(40):
        title = f"Supervision guide {n}" if n % 20 == 0 else f"Court skills {n}"
        f.StandardPageFactory(parent=home, title=title)
    plan = search_plan("supervision")
    assert "praxis_search_vector_gin" in plan, plan
    assert "Seq Scan on wagtailsearch_indexentry" not in plan, plan
    assert "Seq Scan on wagtailcore_page" not in plan, plan


def test_new_index_entries_go_straight_into_the_search_vector_index(home):
    add_filler_entries()
    with connection.cursor() as cursor:
        # The number of pending-list pages it had to merge: none, if entries never wait there.
        cursor.execute("SELECT gin_clean_pending_list('praxis_search_vector_gin'::regclass)")
        assert cursor.fetchone()[0] == 0
