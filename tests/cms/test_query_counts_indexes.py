"""Index pages, uncached, within 10 queries, and no more with 200 children than with 10.

Under the production cache configuration (tests/cms/query_counts.py): before each measured
request every cache is emptied except Wagtail's site root paths, which a running deployment
always has warm; renditions are not warmed, so a missing prefetch shows as a query per image.
The site has its settings, logo, footer links and menu (`furnished_site`), as a real one does.
"""

import datetime

import pytest

from django.utils import timezone

from tests.cms import factories as f
from tests.cms.query_counts import MAX_QUERIES, assert_uncached_within, count_uncached, uncached_get
from tests.cms.related_factories import ImageFactory, PdfDocumentFactory
from tests.members.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_cache", "furnished_site")]
SMALL, LARGE = 10, 200


def assert_constant_queries(client, url, add_children, django_assert_max_num_queries):
    add_children(0, SMALL)
    small = count_uncached(client, url)
    add_children(SMALL, LARGE)
    uncached_get(client, url)  # makes the renditions of any image new on the first page
    # Within 10, and within what 10 children took: fails on either.
    assert_uncached_within(client, url, django_assert_max_num_queries, limit=min(small, MAX_QUERIES))


@pytest.fixture
def image(db):
    return ImageFactory()


def tagged(page, *tags):
    page.tags.add(*tags)
    page.save()
    return page


def test_course_index(client, course_index, image, django_assert_max_num_queries):
    def add(start, stop):
        for n in range(start, stop):
            course = tagged(
                f.CoursePageFactory(parent=course_index, listing_image=image), "systemic", f"t{n % 5}"
            )
            f.CourseCohortFactory(course=course)
            f.CourseCohortFactory(course=course, name="Autumn")

    assert_constant_queries(client, course_index.url, add, django_assert_max_num_queries)


def test_event_index(client, event_index, image, django_assert_max_num_queries):
    now = timezone.now()

    def add(start, stop):
        for n in range(start, stop):
            for days in (n + 1, -(n + 1)):
                begin = now + datetime.timedelta(days=days)
                event = f.EventPageFactory(
                    parent=event_index,
                    listing_image=image,
                    start=begin,
                    end=begin + datetime.timedelta(hours=2),
                )
                tagged(event, "safeguarding", f"t{n % 5}")

    assert_constant_queries(client, event_index.url, add, django_assert_max_num_queries)


def test_research_index(client, research_index, image, django_assert_max_num_queries):
    document = PdfDocumentFactory()

    def add(start, stop):
        for n in range(start, stop):
            output = f.ResearchOutputPageFactory(
                parent=research_index,
                listing_image=image,
                document=document,
                publication_date=datetime.date(2015 + n % 10, 1, 1),
            )
            tagged(output, "evaluation", f"t{n % 5}")
            f.ResearchAuthorFactory(page=output, person=f.PersonFactory(), family_name="")
            f.ResearchAuthorFactory(page=output)

    assert_constant_queries(client, research_index.url, add, django_assert_max_num_queries)


def test_person_index(client, person_index, image, django_assert_max_num_queries):
    organisations = [OrganisationFactory() for _ in range(3)]

    def add(start, stop):
        for n in range(start, stop):
            person = f.PersonFactory(
                photo=image, organisation=organisations[n % 3], email=f"p{n}@example.org"
            )
            person.areas_of_interest.add("older people", f"t{n % 5}")
            person.save()

    assert_constant_queries(client, person_index.url, add, django_assert_max_num_queries)


def test_change_project_index(client, change_project_index, image, django_assert_max_num_queries):
    def add(start, stop):
        for _ in range(start, stop):
            f.ChangeProjectPageFactory(parent=change_project_index, listing_image=image)

    assert_constant_queries(client, change_project_index.url, add, django_assert_max_num_queries)


def test_case_study_index(client, case_study_index, image, django_assert_max_num_queries):
    lead = OrganisationFactory()

    def add(start, stop):
        for _ in range(start, stop):
            f.CaseStudyPageFactory(parent=case_study_index, listing_image=image, lead_organisation=lead)

    assert_constant_queries(client, case_study_index.url, add, django_assert_max_num_queries)


def test_programme_index(client, programme_index, image, django_assert_max_num_queries):
    def add(start, stop):
        for _ in range(start, stop):
            f.ProgrammePageFactory(parent=programme_index, listing_image=image)

    assert_constant_queries(client, programme_index.url, add, django_assert_max_num_queries)
