"""The course list: filter by topic and audience, count, pagination, empty states."""

import pytest

from tests.cms import factories as f
from tests.html import assert_headings_in_order, parse, text

pytestmark = pytest.mark.django_db


def titles(soup) -> list[str]:
    return [text(h) for h in soup.select("main .card__title")]


@pytest.fixture
def courses(course_index):
    systemic = f.CoursePageFactory(
        parent=course_index, title="Systemic practice", audiences=["practitioners"]
    )
    systemic.tags.add("family work")
    systemic.save()
    leaders = f.CoursePageFactory(
        parent=course_index, title="Leading practice", audiences=["practice_leaders", "frontline_managers"]
    )
    leaders.tags.add("leadership")
    leaders.save()
    f.CoursePageFactory(parent=course_index, title="Draft course", live=False)
    return systemic, leaders


def test_lists_live_courses_alphabetically_with_a_count(client, course_index, courses):
    soup = parse(client.get(course_index.url))
    assert titles(soup) == ["Leading practice", "Systemic practice"]
    assert text(soup.find(id="results-count")) == "2 courses"
    assert not soup.find("a", string="Clear filters")
    assert_headings_in_order(soup)


def test_filter_form_is_a_get_form_with_labelled_fields(client, course_index, courses):
    form = parse(client.get(course_index.url)).select_one("form.filters")
    assert form["method"] == "get"
    for name in ("tag", "audience"):
        select = form.find("select", attrs={"name": name})
        assert form.find("label", attrs={"for": select["id"]})
    topics = [option["value"] for option in form.find("select", attrs={"name": "tag"}).find_all("option")]
    assert topics == ["", "family-work", "leadership"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"tag": "leadership"}, ["Leading practice"]),
        ({"tag": "family-work"}, ["Systemic practice"]),
        ({"audience": "frontline_managers"}, ["Leading practice"]),
        ({"audience": "practitioners"}, ["Systemic practice"]),
        ({"tag": "leadership", "audience": "practitioners"}, []),
        ({"audience": "students"}, []),
    ],
)
def test_filters(client, course_index, courses, query, expected):
    soup = parse(client.get(course_index.url, query))
    assert titles(soup) == expected
    assert soup.find("a", string="Clear filters")["href"] == course_index.url
    if expected:
        assert text(soup.find(id="results-count")) == "1 course matches these filters"
    else:
        assert text(soup.find(id="results-count")) == "No courses match these filters"
        assert "Nothing matches these filters" in text(soup.select_one(".empty-state"))


def test_an_unknown_topic_is_reported_on_the_field_and_ignored(client, course_index, courses):
    soup = parse(client.get(course_index.url, {"tag": "no-such-topic"}))
    assert "Select a valid choice" in text(soup.select_one(".field--error"))
    assert titles(soup) == ["Leading practice", "Systemic practice"]


def test_pagination_keeps_the_filters(client, course_index):
    for number in range(14):
        course = f.CoursePageFactory(
            parent=course_index, title=f"Course {number:02d}", audiences=["students"]
        )
    course.tags.add("leadership")
    course.save()
    first = parse(client.get(course_index.url, {"audience": "students"}))
    assert len(titles(first)) == 12
    assert text(first.select_one(".pagination__status")) == "Page 1 of 2"
    next_link = first.find("a", rel="next")["href"]
    assert "audience=students" in next_link and "page=2" in next_link
    second = parse(client.get(course_index.url + next_link))
    assert titles(second) == ["Course 12", "Course 13"]


def test_empty_course_list(client, course_index):
    soup = parse(client.get(course_index.url))
    assert text(soup.find(id="results-count")) == "No courses"
    assert "No courses are listed yet" in text(soup.select_one(".empty-state"))
