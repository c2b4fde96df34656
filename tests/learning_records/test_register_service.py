"""Session days on a cohort, taking the register, and who reaches the attendance threshold."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from cms.fields import DateListFormField
from learning_records.bookings import register, services
from learning_records.bookings.models import Attendance, Booking
from tests.learning_records.booking_fixtures import BOOKED_AT, SESSION_DAYS, book_confirmed
from tests.members.factories import UserFactory

PRESENT, ABSENT, LATE, LEFT_EARLY = "present", "absent", "late", "left_early"


def test_session_days_are_typed_one_per_line_in_any_usual_form():
    field = DateListFormField(required=False)
    assert field.clean("2 March 2027\n2027-03-16\n\n  9/3/2027  ") == [
        "2027-03-02",
        "2027-03-09",
        "2027-03-16",
    ]
    assert field.prepare_value(["2027-03-02", "2027-03-09"]) == "2 March 2027\n9 March 2027"


def test_a_line_that_is_not_a_date_is_named_in_the_error():
    with pytest.raises(ValidationError) as error:
        DateListFormField().clean("2 March 2027\nTuesday\n31/2/2027")
    assert error.value.messages == [
        "Not a date: “Tuesday”, “31/2/2027”. Write one date per line, for example 2 March 2027."
    ]


def test_a_day_listed_twice_is_refused():
    with pytest.raises(ValidationError, match="2 March 2027 is listed twice"):
        DateListFormField().clean("2 March 2027\n2027-03-02")


def test_session_days_must_fall_within_the_cohort(taught_cohort):
    taught_cohort.session_dates = ["2027-03-02", "2027-12-01"]
    with pytest.raises(ValidationError) as error:
        taught_cohort.clean()
    assert error.value.message_dict == {
        "session_dates": ["Every session day must fall within the cohort's dates: 1 December 2027 does not."]
    }


@pytest.fixture
def people(db):
    return [UserFactory(first_name="Ann", last_name=name) for name in ("Cole", "Ahmed", "Brown")]


@pytest.fixture
def bookings(taught_cohort, people):
    return book_confirmed(taught_cohort, people)


def marks_for(cohort, day):
    return {line.booking.member.last_name: line.mark for line in register.register_for_day(cohort, day)}


def test_the_register_lists_confirmed_bookings_by_surname_unmarked(taught_cohort, bookings):
    services.cancel(bookings[0], now=BOOKED_AT)
    assert marks_for(taught_cohort, SESSION_DAYS[0]) == {"Ahmed": "", "Brown": ""}
    assert [
        line.booking.member.last_name for line in register.register_for_day(taught_cohort, SESSION_DAYS[0])
    ] == [
        "Ahmed",
        "Brown",
    ]


def test_taking_the_register_records_changes_and_clears_marks(taught_cohort, bookings, people):
    staff = UserFactory()
    cole, ahmed, brown = bookings
    day = SESSION_DAYS[0]
    assert register.take_register(taught_cohort, day, {cole.pk: PRESENT, ahmed.pk: LATE}, by=staff) == 2
    assert marks_for(taught_cohort, day) == {"Ahmed": LATE, "Brown": "", "Cole": PRESENT}
    changed = register.take_register(
        taught_cohort, day, {cole.pk: ABSENT, ahmed.pk: "", brown.pk: PRESENT}, by=staff
    )
    assert changed == 3
    assert marks_for(taught_cohort, day) == {"Ahmed": "", "Brown": PRESENT, "Cole": ABSENT}
    assert Attendance.objects.get(booking=cole, date=day).recorded_by == staff
    assert marks_for(taught_cohort, SESSION_DAYS[1]) == {"Ahmed": "", "Brown": "", "Cole": ""}


def test_marks_for_people_not_on_the_register_and_unknown_marks_are_ignored(taught_cohort, bookings, seminar):
    outsider = services.book(member=UserFactory(role="practitioner"), event=seminar)
    cancelled = bookings[0]
    services.cancel(cancelled, now=BOOKED_AT)
    register.take_register(
        taught_cohort,
        SESSION_DAYS[0],
        {outsider.pk: PRESENT, cancelled.pk: PRESENT, bookings[1].pk: "asleep", bookings[2].pk: PRESENT},
        by=None,
    )
    assert list(Attendance.objects.values_list("booking_id", "mark")) == [(bookings[2].pk, PRESENT)]


def test_a_register_is_only_taken_on_a_session_day(taught_cohort, bookings):
    with pytest.raises(register.NotASessionDay):
        register.take_register(taught_cohort, SESSION_DAYS[0] + datetime.timedelta(days=1), {}, by=None)


def attend(cohort, booking, marks):
    for day, mark in zip(SESSION_DAYS, marks, strict=False):
        register.take_register(cohort, day, {booking.pk: mark}, by=None)


@pytest.mark.parametrize(
    ("marks", "attended", "met"),
    [
        ([PRESENT] * 10, 10, True),
        ([PRESENT] * 9 + [ABSENT], 9, True),  # exactly 90%
        ([PRESENT] * 8 + [ABSENT] * 2, 8, False),  # 80%: below the threshold
        ([LATE, LEFT_EARLY] + [PRESENT] * 7 + [ABSENT], 9, True),  # late and left early count
        ([PRESENT] * 9, 9, True),  # a day not yet marked is not a day attended, but 9 of 10 is enough
        ([PRESENT] * 8, 8, False),
    ],
)
def test_the_threshold_at_ninety_percent(taught_cohort, bookings, marks, attended, met):
    attend(taught_cohort, bookings[0], marks)
    summary = next(s for s in register.summaries(taught_cohort) if s.booking == bookings[0])
    assert (summary.attended, summary.total_days, summary.met) == (attended, 10, met)


@pytest.mark.parametrize(("absences", "met"), [(2, True), (3, False)])
def test_exactly_two_days_missed_is_allowed(taught_cohort, bookings, absences, met):
    course = taught_cohort.course
    course.attendance_threshold_percent = 50
    course.save()
    attend(taught_cohort, bookings[0], [ABSENT] * absences + [PRESENT] * (10 - absences))
    summary = next(s for s in register.summaries(taught_cohort) if s.booking == bookings[0])
    assert (summary.absent, summary.met) == (absences, met)


def test_a_day_removed_from_the_cohort_stops_counting_and_keeps_its_marks(taught_cohort, bookings):
    attend(taught_cohort, bookings[0], [PRESENT] * 9 + [ABSENT])
    taught_cohort.session_dates = taught_cohort.session_dates[:9]
    taught_cohort.save()
    summary = next(s for s in register.summaries(taught_cohort) if s.booking == bookings[0])
    assert (summary.attended, summary.absent, summary.total_days, summary.percent) == (9, 0, 9, 100)
    assert Attendance.objects.filter(booking=bookings[0]).count() == 10


def test_register_reads_are_constant_in_people_and_days(taught_cohort, django_assert_max_num_queries):
    members = UserFactory.create_batch(30)
    booked = book_confirmed(taught_cohort, members)
    for day in SESSION_DAYS:
        register.take_register(taught_cohort, day, {booking.pk: PRESENT for booking in booked}, by=None)
    with django_assert_max_num_queries(2):
        lines = register.register_for_day(taught_cohort, SESSION_DAYS[3])
        [line.booking.member.get_full_name() for line in lines]
    assert len(lines) == 30
    with django_assert_max_num_queries(2):  # the course (cached on the cohort after) and the people
        summaries = register.summaries(taught_cohort)
        [(s.booking.member.email, s.met) for s in summaries]
    assert all(s.met for s in summaries) and len(summaries) == 30
    assert Booking.objects.filter(cohort=taught_cohort).count() == 30
