"""The ranked page of results: in order of relevance, page after page, read as ids alone."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import views
from tests.cms import factories as f
from tests.db_markers import requires_postgresql
from tests.html import parse, text

pytestmark = pytest.mark.django_db


def titles(client, **params) -> list[str]:
    soup = parse(client.get("/search/", params))
    return [text(item.find("h3")) for item in soup.select("main .search-result")]


@pytest.fixture
def genogram_pages(home):
    """Eleven pages that mention genograms in their introduction, and one about them by title."""
    for n in range(11):
        f.StandardPageFactory(parent=home, title=f"Family work {n:02d}", intro="Drawing a genogram together.")
    f.StandardPageFactory(parent=home, title="Genogram", intro="Drawing one together.")


def test_a_match_in_the_title_comes_first(client, genogram_pages):
    assert titles(client, q="genogram")[0] == "Genogram"


def test_the_second_page_goes_on_where_the_first_stopped(client, genogram_pages):
    first, second = titles(client, q="genogram"), titles(client, q="genogram", page=2)
    assert len(first) == 10 and len(second) == 2
    assert sorted(first + second) == sorted(["Genogram"] + [f"Family work {n:02d}" for n in range(11)])


@requires_postgresql()
def test_the_ranked_query_reads_ids_not_search_vectors(client, genogram_pages):
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "genogram"})
    (ranked,) = [query["sql"] for query in queries.captured_queries if "ts_rank" in query["sql"]]
    selected = ranked.split(" FROM ", 1)[0]
    # Each match's `title || body` was made again for the select list and carried through the sort.
    assert '"wagtailcore_page"."id"' in selected and "," not in selected, selected


def test_a_result_whose_page_went_meanwhile_is_left_out(client, home, monkeypatch):
    page = f.StandardPageFactory(parent=home, title="Genogram")
    monkeypatch.setattr(views, "ranked_ids", lambda results: [page.pk, page.pk + 1000])
    assert titles(client, q="genogram") == ["Genogram"]
