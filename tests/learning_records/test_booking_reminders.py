"""Reminders two days before a booked cohort or event starts, sent by `run_booking_jobs`: once,
however often it runs, and by one runner when two run at once."""

import datetime
import io

import icalendar
import pytest

from django.core.management import call_command

from cms.ical import LONDON
from learning_records.bookings import jobs, services
from learning_records.bookings.models import Booking
from tests.cms.factories import CourseCohortFactory, EventIndexPageFactory, EventPageFactory
from tests.concurrency import at_once, needs_row_locks
from tests.learning_records.booking_fixtures import BOOKED_AT
from tests.members.factories import UserFactory

START = datetime.datetime(2027, 6, 20, 9, 30, tzinfo=LONDON)
BOOKED = datetime.datetime(2027, 6, 1, 9, 0, tzinfo=LONDON)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def event(home):
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="Dementia Matters",
        members_book_here=True,
        audiences=[],
        start=START,
        end=START + 6 * HOUR,
    )


def reminders(mailoutbox) -> list:
    return [email for email in mailoutbox if email.subject.startswith("Reminder: ")]


def run_at(now, commit):
    with commit():
        return jobs.run(now=now)


@pytest.mark.django_db
def test_an_event_reminder_goes_48_hours_before_with_its_calendar_entry(event, mailoutbox, commit):
    booking = services.book(member=UserFactory(first_name="Sam"), event=event, now=BOOKED)

    assert run_at(START - 48 * HOUR - datetime.timedelta(minutes=1), commit).reminders_sent == 0
    assert run_at(START - 48 * HOUR, commit).reminders_sent == 1

    (email,) = reminders(mailoutbox)
    assert email.to == [booking.member.email]
    assert email.subject == "Reminder: Dementia Matters starts soon"
    assert "Dear Sam," in email.body
    assert "starts on Sunday 20 June." in email.body
    ((_name, content, _type),) = email.attachments
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert (str(entry["uid"]), entry.decoded("dtstart")) == (f"event-{event.pk}@localhost", START)
    booking.refresh_from_db()
    assert booking.reminder_sent_at == START - 48 * HOUR


@pytest.mark.django_db
def test_running_again_sends_no_second_reminder(event, mailoutbox, commit):
    services.book(member=UserFactory(), event=event, now=BOOKED)
    for minutes in (0, 15, 30, 24 * 60):
        run_at(START - 48 * HOUR + datetime.timedelta(minutes=minutes), commit)
    assert len(reminders(mailoutbox)) == 1


@pytest.mark.django_db
def test_a_cohort_is_reminded_two_days_before_its_first_session_day(taught_course, mailoutbox, commit):
    # The cohort's dates start before its first classroom day: the session day decides.
    cohort = CourseCohortFactory(
        course=taught_course,
        start_date=datetime.date(2027, 2, 22),
        end_date=datetime.date(2027, 5, 4),
        session_dates=["2027-03-02", "2027-03-09"],
    )
    services.book(member=UserFactory(), cohort=cohort, now=BOOKED_AT)
    due = datetime.datetime(2027, 2, 28, 0, 0, tzinfo=LONDON)

    assert run_at(datetime.datetime(2027, 2, 20, 12, 0, tzinfo=LONDON), commit).reminders_sent == 0
    assert run_at(due - datetime.timedelta(minutes=1), commit).reminders_sent == 0
    assert run_at(due, commit).reminders_sent == 1
    (email,) = reminders(mailoutbox)
    assert "starts on Tuesday 2 March." in email.body
    ((_name, content, _type),) = email.attachments
    days = [e.decoded("dtstart") for e in icalendar.Calendar.from_ical(content).walk("VEVENT")]
    assert days == [datetime.date(2027, 3, 2), datetime.date(2027, 3, 9)]


@pytest.mark.django_db
def test_a_cohort_without_session_days_is_reminded_two_days_before_its_start(
    taught_course, mailoutbox, commit
):
    cohort = CourseCohortFactory(
        course=taught_course, start_date=datetime.date(2027, 3, 1), end_date=datetime.date(2027, 3, 5)
    )
    services.book(member=UserFactory(), cohort=cohort, now=BOOKED_AT)
    assert run_at(datetime.datetime(2027, 2, 26, 23, 59, tzinfo=LONDON), commit).reminders_sent == 0
    assert run_at(datetime.datetime(2027, 2, 27, 0, 1, tzinfo=LONDON), commit).reminders_sent == 1


@pytest.mark.django_db
def test_no_reminder_for_a_place_not_confirmed_or_confirmed_after_it_was_due(event, mailoutbox, commit):
    event.capacity = 2
    event.save()
    cancelled = services.book(member=UserFactory(), event=event, now=BOOKED)
    services.cancel(cancelled, now=BOOKED)
    services.book(member=UserFactory(), event=event, now=BOOKED)  # confirmed: the one reminded
    late = services.book(member=UserFactory(), event=event, now=START - 24 * HOUR)  # just confirmed
    services.book(member=UserFactory(), event=event, now=START - 24 * HOUR)  # waiting

    run_at(START - 23 * HOUR, commit)

    assert len(reminders(mailoutbox)) == 1
    assert late.member.email not in reminders(mailoutbox)[0].to
    run_at(START + HOUR, commit)  # started: too late for anyone
    assert len(reminders(mailoutbox)) == 1


@pytest.mark.django_db
def test_the_command_reports_what_it_did(event, mailoutbox, commit):
    services.book(member=UserFactory(), event=event, now=BOOKED)
    out = io.StringIO()
    with commit():
        call_command("run_booking_jobs", stdout=out)  # now: long before the event
    assert out.getvalue().strip() == "Offers expired: 0; places offered: 0; reminders sent: 0."
    assert mailoutbox == [] or all(not e.subject.startswith("Reminder") for e in mailoutbox)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runners_at_once_send_each_reminder_and_each_offer_once(event, mailoutbox):
    needs_row_locks()
    event.capacity = 3
    event.save()
    members = [UserFactory() for _ in range(6)]
    booked = [services.book(member=member, event=event, now=BOOKED) for member in members]
    services.cancel(booked[0], now=BOOKED)  # the first waiting (booked[3]) is offered the place
    sent_before = len(mailoutbox)
    now = START - 47 * HOUR  # the offer has expired and two confirmed places are due reminders

    results = at_once(lambda _: jobs.run(now=now), [1, 2, 3])

    assert sum(r.reminders_sent for r in results) == 2
    new = mailoutbox[sent_before:]
    assert sorted(e.subject.split(":")[0] for e in new) == [
        "A place is free for you",
        "Reminder",
        "Reminder",
        "The offer expired",
    ]
    assert Booking.objects.filter(reminder_sent_at=now).count() == 2
