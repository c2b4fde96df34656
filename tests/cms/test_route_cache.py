"""The pages a URL routes to are kept for a generation of content (cms/routing.py): a page seen
before is found without a query, and a publish, unpublish, move or new restriction is seen at once."""

import pytest

from wagtail.models import PageViewRestriction

from tests.cms import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_cache", "furnished_site")]


@pytest.fixture
def course(course_index):
    return f.CoursePageFactory(parent=course_index, title="Systemic practice")


def test_a_page_seen_before_is_routed_and_built_without_a_query(client, course, django_assert_num_queries):
    first = client.get(course.url)
    with django_assert_num_queries(0):
        second = client.get(course.url)
    assert second.status_code == 200 and second.content == first.content


def test_an_unpublished_page_is_gone_at_once(client, course):
    assert client.get(course.url).status_code == 200
    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_a_moved_page_answers_at_its_new_address_and_the_old_one_redirects(client, home, course):
    old_url = course.url
    assert client.get(old_url).status_code == 200
    section = f.CourseIndexPageFactory(parent=home, title="More courses", slug="more-courses")
    course.move(section, pos="last-child")
    course.refresh_from_db()
    old = client.get(old_url)  # Wagtail's redirect made on the move, not the route kept from before
    assert old.status_code == 301 and old["Location"] == course.url
    assert client.get(course.url).status_code == 200


def test_a_page_made_private_after_it_was_routed_asks_for_a_login(client, course):
    assert client.get(course.url).status_code == 200
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(course.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
