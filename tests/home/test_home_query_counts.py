"""The home page runs the same number of queries however much content there is."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePageFeaturedCourse
from tests.cms import factories as f
from tests.cms.related_factories import ImageFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cache(settings):
    # Renditions found in the cache would hide a missing prefetch; in production the cache is
    # the database, so each hit is a query anyway.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_home_page_queries_do_not_grow_with_content(client, home, django_assert_max_num_queries):
    courses = f.CourseIndexPageFactory(parent=home)
    events = f.EventIndexPageFactory(parent=home)
    research = f.ResearchIndexPageFactory(parent=home)
    image = ImageFactory()
    now = timezone.now()

    def add(start, stop):
        for n in range(start, stop):
            course = f.CoursePageFactory(parent=courses, listing_image=image)
            f.CourseCohortFactory(course=course)
            if n < 6:
                HomePageFeaturedCourse.objects.create(page=home, course=course, sort_order=n)
            begin = now + datetime.timedelta(days=n + 1)
            f.EventPageFactory(
                parent=events, listing_image=image, start=begin, end=begin + datetime.timedelta(hours=1)
            )
            output = f.ResearchOutputPageFactory(parent=research, listing_image=image)
            f.ResearchAuthorFactory(page=output)
            OrganisationFactory(logo=image)

    add(0, 10)
    client.get("/")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/").status_code == 200
    # Read the count now: the next request clears the connection's query log.
    small_count = len(small)
    add(10, 200)
    client.get("/")
    with django_assert_max_num_queries(small_count):
        assert client.get("/").status_code == 200
