"""The topic filter's choices come from the cache until content changes (search/views.py)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms import factories as f
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_cache")]


def topics(client) -> tuple[list[str], list[str]]:
    """The topic options on the search page, and the queries that read the taggings."""
    with CaptureQueriesContext(connection) as queries:
        soup = parse(client.get("/search/", {"q": "practice"}))
    options = [option["value"] for option in soup.find("select", attrs={"name": "tag"})("option")]
    return options, [query["sql"] for query in queries.captured_queries if "pagetag" in query["sql"]]


def test_topics_are_read_once_then_kept_until_a_page_changes(client, home):
    course_index = f.CourseIndexPageFactory(parent=home)
    course = f.CoursePageFactory(parent=course_index, title="Systemic practice")
    course.tags.add("family work")
    course.save()

    options, reads = topics(client)
    assert options == ["", "family-work"]
    assert len(reads) == 1
    options, reads = topics(client)
    assert options == ["", "family-work"]
    assert reads == []

    other = f.CoursePageFactory(parent=course_index, title="Court skills")
    other.tags.add("court skills")
    other.save()
    options, reads = topics(client)
    assert options == ["", "court-skills", "family-work"]
    assert len(reads) == 1
