"""Pages of search results count the results in the query that fetches them (search/pagination.py).

A query "of the search index" is one that reads Wagtail's index tables (`wagtailsearch_…`, on
PostgreSQL the index entries, on SQLite its full-text table too); counting them tells one query
from Django's Paginator's two (a count, then the page).
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms import factories as f
from tests.html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def court_pages(home):
    for number in range(23):
        f.StandardPageFactory(parent=home, title=f"Court skills {number:02d}", intro="Court skills.")


def search(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", params)
    assert response.status_code == 200
    index_queries = [query["sql"] for query in queries.captured_queries if "wagtailsearch_" in query["sql"]]
    return parse(response), index_queries


def titles(soup) -> list[str]:
    return [text(item.find("h3")) for item in soup.select("main .search-result")]


@pytest.mark.parametrize("params", [{}, {"page": "1"}, {"page": ""}, {"page": "2"}, {"page": "3"}])
def test_a_page_of_results_and_their_number_come_from_one_query(client, court_pages, params):
    soup, index_queries = search(client, q="court", **params)
    assert len(index_queries) == 1, index_queries
    assert text(soup.select_one(".results-count")) == "23 results"
    assert len(titles(soup)) == {"2": 10, "3": 3}.get(params.get("page"), 10)


def test_no_results_is_one_query(client, court_pages):
    soup, index_queries = search(client, q="zebra")
    assert len(index_queries) == 1, index_queries
    assert text(soup.select_one(".results-count")) == "No results"
    assert soup.select_one(".empty-state")


def test_the_pages_together_hold_every_result_once(client, court_pages):
    pages = [titles(search(client, q="court", page=number)[0]) for number in (1, 2, 3)]
    found = [title for page in pages for title in page]
    assert sorted(found) == [f"Court skills {number:02d}" for number in range(23)]


@pytest.mark.parametrize(
    "page, shown",
    [
        ("4", "3"),  # past the end: the last page
        ("99", "3"),
        ("0", "3"),  # below the first: the last page, as Django's Paginator.get_page answers
        ("two", "1"),  # not a number: the first page
        ("1.5", "1"),
    ],
)
def test_a_page_out_of_range_answers_as_django_paginator_does(client, court_pages, page, shown):
    soup, _queries = search(client, q="court", page=page)
    assert text(soup.select_one(".results-count")) == "23 results"
    assert soup.select_one("main ol.item-list")["start"] == str((int(shown) - 1) * 10 + 1)
    assert len(titles(soup)) == (3 if shown == "3" else 10)
