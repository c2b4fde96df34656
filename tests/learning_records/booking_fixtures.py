"""A bookable course (places per authority and audience) and a bookable seminar, for booking tests."""

import pytest

from cms.models import CoursePlaceAllocation
from tests.cms.factories import (
    CourseCohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
)
from tests.members.factories import OrganisationFactory, UserFactory


@pytest.fixture
def north(db):
    return OrganisationFactory(name="Northshire Council")


@pytest.fixture
def west(db):
    return OrganisationFactory(name="Westborough Council")


@pytest.fixture
def course(home, north, west):
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(
        parent=index, members_book_here=True, audiences=["practitioners", "frontline_managers"]
    )
    CoursePlaceAllocation.objects.bulk_create(
        [
            CoursePlaceAllocation(
                course=course, organisation=north, audience="practitioners", places=3, sort_order=0
            ),
            CoursePlaceAllocation(
                course=course, organisation=north, audience="frontline_managers", places=1, sort_order=1
            ),
            CoursePlaceAllocation(course=course, organisation=west, audience="", places=2, sort_order=2),
        ]
    )
    return course


@pytest.fixture
def cohort(course):
    return CourseCohortFactory(course=course, name="Spring 2027")


@pytest.fixture
def seminar(home):
    index = EventIndexPageFactory(parent=home)
    return EventPageFactory(parent=index, members_book_here=True, capacity=2, audiences=["practitioners"])


def practitioner(organisation, **fields):
    return UserFactory(role="practitioner", organisation=organisation, **fields)
