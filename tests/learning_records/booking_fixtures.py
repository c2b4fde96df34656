"""A bookable course (places per authority and audience) and a bookable seminar, for booking tests."""

import datetime
from decimal import Decimal

import pytest

from django.utils import timezone

from cms.models import CoursePlaceAllocation
from learning_records.bookings import services
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


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs the block, then what it queued for after the commit (the emails)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def practitioner(organisation, **fields):
    return UserFactory(**{"role": "practitioner", "organisation": organisation, **fields})


# A cohort of ten weekly session days, booked well before it starts.
SESSION_DAYS = [datetime.date(2027, 3, 2) + datetime.timedelta(weeks=week) for week in range(10)]
BOOKED_AT = timezone.make_aware(datetime.datetime(2027, 1, 4, 10, 0))


@pytest.fixture
def taught_course(home):
    return CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home),
        title="Systemic practice",
        members_book_here=True,
        audiences=[],
        attendance_threshold_percent=90,
        max_days_missed=2,
        cpd_hours=Decimal("90.0"),
    )


@pytest.fixture
def taught_cohort(taught_course):
    return CourseCohortFactory(
        course=taught_course,
        name="Spring 2027",
        start_date=SESSION_DAYS[0],
        end_date=SESSION_DAYS[-1],
        session_dates=[day.isoformat() for day in SESSION_DAYS],
    )


def book_confirmed(cohort, members) -> list:
    """Confirmed bookings of `members` on `cohort` (which has room for them), made by the service."""
    return [services.book(member=member, cohort=cohort, now=BOOKED_AT) for member in members]


# A cohort of ten weekly session days that finished three weeks ago (so certificates can be issued).
FINISHED_DAYS = [timezone.localdate() - datetime.timedelta(weeks=12 - week) for week in range(10)]
FINISHED_BOOKED_AT = timezone.make_aware(
    datetime.datetime.combine(FINISHED_DAYS[0] - datetime.timedelta(days=30), datetime.time(10))
)


@pytest.fixture
def finished_cohort(taught_course):
    return CourseCohortFactory(
        course=taught_course,
        name="Autumn 2026",
        start_date=FINISHED_DAYS[0],
        end_date=FINISHED_DAYS[-1],
        session_dates=[day.isoformat() for day in FINISHED_DAYS],
    )


def attend(cohort, booking, *, days: int, by=None, mark="present"):
    """Mark `booking` present (or `mark`) on the first `days` session days and absent on the rest."""
    from learning_records.bookings import register

    for index, day in enumerate(cohort.session_days):
        register.take_register(cohort, day, {booking.pk: mark if index < days else "absent"}, by=by)
