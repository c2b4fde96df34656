"""The bookings demo puts people on the running systemic practice cohort and takes its register
for the days gone by, and issues the finished cohort's certificates, once however often it runs."""

import datetime
import io
from decimal import Decimal

import pytest

from django.utils import timezone

from learning_records.bookings import demo, register
from learning_records.bookings.models import Attendance, Booking
from learning_records.certificates.models import Certificate
from learning_records.cpd.models import CPDRecord
from members import demo as members
from tests.cms.factories import CourseCohortFactory, CourseIndexPageFactory, CoursePageFactory
from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


@pytest.fixture
def systemic(home):
    for name in members.LOCAL_AUTHORITIES:
        OrganisationFactory(name=name)
    return CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home),
        slug=demo.COURSE_SLUG,
        members_book_here=True,
        audiences=[],
        cpd_hours=Decimal("60"),
    )


def cohort_of(course, weeks):
    today = timezone.localdate()
    days = [today + datetime.timedelta(weeks=n) for n in weeks]
    return CourseCohortFactory(
        course=course,
        start_date=days[0],
        end_date=days[-1],
        application_deadline=days[0] - datetime.timedelta(weeks=4),
        session_dates=[day.isoformat() for day in days],
    )


@pytest.fixture
def running(systemic):
    return cohort_of(systemic, (-4, -2, 0, 2))


@pytest.fixture
def finished(systemic):
    """Six session days, the last of them a month ago."""
    return cohort_of(systemic, (-30, -26, -22, -16, -10, -4))


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


def test_the_finished_cohorts_certificates_and_cpd_drafts_are_issued_once(
    finished, django_capture_on_commit_callbacks
):
    UserFactory(email=members.PRACTITIONER_EMAIL, first_name="Priya", last_name="Shah")
    with django_capture_on_commit_callbacks(execute=True):
        first = run()
    # Of six days, Grant missed three, Lloyd and Nolan one each (83%): the other nine reached 90%.
    assert "6 of 6 session days taken" in first
    assert "Issued 9 attendance certificates; 0 had one already; 3 have not reached the threshold." in first
    shah = Certificate.objects.get(recipient__email=members.PRACTITIONER_EMAIL)
    assert shah.is_ready and shah.kind == "course_attendance"
    draft = CPDRecord.objects.get(member__email=members.PRACTITIONER_EMAIL)
    assert draft.provider_confirmed and draft.hours == Decimal("60.0")
    with django_capture_on_commit_callbacks(execute=True):
        again = run()
    assert "Issued 0 attendance certificates; 9 had one already" in again
    assert Certificate.objects.count() == 9 and CPDRecord.objects.count() == 12


def test_the_finished_cohorts_pdfs_are_rendered_even_without_a_worker(finished, settings):
    """Under production's task queue nothing runs the queued renders in a demo load: it renders them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    UserFactory(email=members.PRACTITIONER_EMAIL, first_name="Priya", last_name="Shah")
    run()
    assert Certificate.objects.count() == 9 and not Certificate.objects.being_prepared().exists()
