"""The bookings demo puts people on the running systemic practice cohort and takes its register
for the days gone by, once however often it runs."""

import datetime
import io

import pytest

from django.utils import timezone

from learning_records.bookings import demo, register
from learning_records.bookings.models import Attendance, Booking
from members import demo as members
from tests.cms.factories import CourseCohortFactory, CourseIndexPageFactory, CoursePageFactory
from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


@pytest.fixture
def running(home):
    for name in members.LOCAL_AUTHORITIES:
        OrganisationFactory(name=name)
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home),
        slug=demo.COURSE_SLUG,
        members_book_here=True,
        audiences=[],
    )
    today = timezone.localdate()
    days = [today + datetime.timedelta(weeks=n) for n in (-4, -2, 0, 2)]
    return CourseCohortFactory(
        course=course,
        start_date=days[0],
        end_date=days[-1],
        application_deadline=days[0] - datetime.timedelta(weeks=4),
        session_dates=[day.isoformat() for day in days],
    )


def test_it_skips_with_a_message_without_a_running_cohort(db):
    assert "Registers skipped" in run()


def test_it_books_the_participants_and_takes_the_past_registers_once(running):
    UserFactory(email=members.PRACTITIONER_EMAIL, last_name="Shah")

    assert "12 people on" in run() and "2 of 4 session days taken" in run()

    assert Booking.objects.filter(cohort=running, status=Booking.Status.CONFIRMED).count() == 12
    assert Attendance.objects.count() == 24
    first, second = running.session_days[:2]
    marks = {line.booking.member.last_name: line.mark for line in register.register_for_day(running, second)}
    assert (marks["Lloyd"], marks["Grant"], marks["Shah"]) == ("absent", "absent", "present")
    assert not register.register_for_day(running, running.session_days[2])[0].mark
    assert {a.recorded_by for a in Attendance.objects.filter(date=first)} == {None}
