"""Searches stem words as English whatever the server's default, and PostgreSQL parses a search's
words once, not for every index entry (SEARCH_CONFIG; PostgreSQL only).

search/migrations/0003_search_index_stemmed_in_english.py rebuilds an index stemmed otherwise.
"""

import importlib

import pytest

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from tests.cms import factories as f
from tests.db_markers import requires_postgresql

pytestmark = [pytest.mark.django_db, requires_postgresql()]

migration = importlib.import_module("search.migrations.0003_search_index_stemmed_in_english")


def found(term: str) -> list[str]:
    return [page.title for page in Page.objects.live().public().search(term)]


def test_a_search_parses_its_words_once(home):
    f.StandardPageFactory(parent=home, title="Supervision for practitioners")
    with CaptureQueriesContext(connection) as queries:
        list(Page.objects.live().public().search("practitioners")[:10])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {queries.captured_queries[-1]['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # A constant query, made once while planning: to_tsquery(text) was called for every entry.
    assert "to_tsquery" not in plan, plan
    assert "'''practition'''::tsquery" in plan, plan


def test_pages_are_stemmed_as_english_whatever_the_servers_default(home):
    with connection.cursor() as cursor:
        cursor.execute("SET default_text_search_config = 'simple'")  # undone with the test's transaction
    f.StandardPageFactory(parent=home, title="Supervision for practitioners")
    assert found("practitioner") == ["Supervision for practitioners"]


def stem_index_in_simple() -> None:
    """What a server whose default language is not English made of the index."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailsearch_indexentry"
            " SET title = setweight(to_tsvector('simple', title_text), 'A'),"
            " body = to_tsvector('simple', body_text)"
        )


def migrate() -> None:
    with connection.schema_editor() as editor:
        migration.stem_in_english(apps, editor)


def test_the_migration_rebuilds_an_index_stemmed_in_another_language(home):
    f.StandardPageFactory(parent=home, title="Supervision for practitioners")
    stem_index_in_simple()
    assert found("practitioner") == []
    migrate()
    assert found("practitioner") == ["Supervision for practitioners"]


def test_the_migration_leaves_an_index_stemmed_in_english_as_it_is(home):
    f.StandardPageFactory(parent=home, title="Supervision for practitioners")
    with CaptureQueriesContext(connection) as queries:
        migrate()
    made = [query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]]
    assert len(made) == 1, made  # it looked, and rebuilt nothing
    assert found("practitioner") == ["Supervision for practitioners"]
