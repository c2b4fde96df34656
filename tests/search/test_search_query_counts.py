"""A page of search results runs the same number of queries with 4 matches as with 200.

The small case is smaller than a page of results (10), so a query per result would show.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


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
    client.get("/search/", {"q": "supervision"})
    with CaptureQueriesContext(connection) as small:
        response = client.get("/search/", {"q": "supervision"})
    small_count = len(small)  # before the next request clears the connection's query log
    assert response.status_code == 200 and response.content.count(b'class="search-result"') == 4
    add(4, 200)
    with django_assert_max_num_queries(small_count):
        response = client.get("/search/", {"q": "supervision"})
    assert response.content.count(b'class="search-result"') == 10
