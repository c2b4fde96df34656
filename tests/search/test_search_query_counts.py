"""A page of search results, uncached, within 10 queries, and no more with 200 matches than 4.

The small case is smaller than a page of results (10), so a query per result would show. Under
the production cache configuration (tests/cms/query_counts.py): every cache is emptied before
each measured request except Wagtail's site root paths, which a running deployment has warm.
"""

import pytest

from tests.cms import factories as f
from tests.cms.query_counts import MAX_QUERIES, assert_uncached_within, count_uncached, uncached_get

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_cache", "furnished_site")]


def test_search_results_queries_do_not_grow_with_matches(client, home, django_assert_max_num_queries):
    courses = f.CourseIndexPageFactory(parent=home)
    events = f.EventIndexPageFactory(parent=home)

    def add(start, stop):
        # Three page types, so a page of results needs each type's specific fields.
        for n in range(start, stop):
            kind = n % 3
            if kind == 0:
                f.StandardPageFactory(parent=home, title=f"Supervision guide {n}")
            elif kind == 1:
                f.CoursePageFactory(parent=courses, title=f"Supervision course {n}")
            else:
                f.EventPageFactory(parent=events, title=f"Supervision seminar {n}")

    add(0, 4)
    query = {"q": "supervision"}
    small = count_uncached(client, "/search/", query)
    assert uncached_get(client, "/search/", query).content.count(b'class="search-result"') == 4
    add(4, 200)
    response = assert_uncached_within(
        client, "/search/", django_assert_max_num_queries, query, limit=min(small, MAX_QUERIES)
    )
    assert response.content.count(b'class="search-result"') == 10


def test_results_seen_before_are_shown_without_reading_their_specific_pages(client, home):
    """Each result's HTML is a shared fragment: a repeated search reads no page type's fields, and
    a publish shows the change at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    courses = f.CourseIndexPageFactory(parent=home)
    course = f.CoursePageFactory(parent=courses, title="Supervision course", listing_summary="Old summary")
    f.StandardPageFactory(parent=home, title="Supervision guide")
    query = {"q": "supervision"}
    client.get("/search/", query)  # fills the fragments (and the topics)
    with CaptureQueriesContext(connection) as again:
        page = client.get("/search/", query).content.decode()
    assert "Old summary" in page and page.count('class="search-result"') == 2
    assert not [q for q in again.captured_queries if "cms_coursepage" in q["sql"]], "read the course again"

    course.listing_summary = "New summary"
    course.save_revision().publish()
    page = client.get("/search/", query).content.decode()
    assert "New summary" in page and "Old summary" not in page
