"""The home page, uncached, within 10 queries, and no more with 200 of everything than with 1.

Under the production cache configuration (tests/cms/query_counts.py): every cache is emptied
before each measured request except Wagtail's site root paths, which a running deployment
always has warm; renditions are not warmed, so a missing prefetch shows as a query per image.
"""

import datetime

import pytest

from django.utils import timezone

from home.models import HomePageFeaturedCourse
from tests.cms import factories as f
from tests.cms.query_counts import MAX_QUERIES, assert_uncached_within, count_uncached, uncached_get
from tests.cms.related_factories import ImageFactory
from tests.members.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_cache", "furnished_site")]


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

    # One of everything, then past every section's cap (six featured courses, the latest events,
    # research and partners): a query per item would show between the two.
    add(0, 1)
    uncached_get(client, "/")  # makes the renditions, as the first visitor would
    small = count_uncached(client, "/")
    add(1, 200)
    uncached_get(client, "/")
    assert_uncached_within(client, "/", django_assert_max_num_queries, limit=min(small, MAX_QUERIES))
