"""Booking emails (django-tasks, immediate in tests), sent once the change is committed, each
with the calendar file of what was booked attached."""

import datetime

import icalendar
import pytest

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cms.ical import LONDON
from learning_records.bookings import jobs, services
from learning_records.bookings.models import Booking
from tests.cms.factories import CourseCohortFactory, EventIndexPageFactory, EventPageFactory
from tests.learning_records.booking_fixtures import BOOKED_AT, SESSION_DAYS, practitioner
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

# Summer time, so the UK time in an email differs from UTC by an hour.
JUNE = datetime.datetime(2027, 6, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the block, then what it queued for after the commit (the emails)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def summer_seminar(home):
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="The Politics of Risk in Child Protection",
        members_book_here=True,
        capacity=1,
        audiences=[],
        start=datetime.datetime(2027, 6, 20, 9, 30, tzinfo=LONDON),
        end=datetime.datetime(2027, 6, 20, 16, 0, tzinfo=LONDON),
    )


def attached_calendar(email) -> icalendar.Calendar:
    ((filename, content, mimetype),) = email.attachments
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


def vevents(email) -> list:
    return attached_calendar(email).walk("VEVENT")


def offered_and_waiting(event, waiting: int) -> list[Booking]:
    """The one place on `event` cancelled: the first of `waiting` people in line is offered it."""
    leaving = services.book(member=UserFactory(), event=event, now=JUNE)
    line = [services.book(member=UserFactory(), event=event, now=JUNE) for _ in range(waiting)]
    services.cancel(leaving, now=JUNE)
    return line


def html_part(email) -> str:
    ((html, mimetype),) = email.alternatives
    assert mimetype == "text/html"
    return html


def test_a_confirmed_place_on_an_event_emails_its_calendar_entry(summer_seminar, mailoutbox, commit):
    member = UserFactory(first_name="Amara")
    with commit():
        services.book(member=member, event=summer_seminar, now=JUNE)

    (email,) = mailoutbox
    assert email.to == [member.email]
    assert email.subject == "Your place is confirmed: The Politics of Risk in Child Protection"
    assert "Dear Amara," in email.body
    assert "Sunday 20 June 2027, 9.30 a.m. to 4.00 p.m. (UK time)" in email.body
    assert "http://testserver/my/bookings/" in email.body
    assert '<html lang="en-GB">' in html_part(email)
    assert '<a href="http://testserver/my/bookings/"' in html_part(email)
    (entry,) = vevents(email)
    assert str(entry["uid"]) == f"event-{summer_seminar.pk}@localhost"
    assert str(entry["summary"]) == "The Politics of Risk in Child Protection"
    assert entry.decoded("dtstart") == summer_seminar.start
    assert entry.decoded("dtstart").tzinfo.key == "Europe/London"
    assert entry.decoded("dtend") == summer_seminar.end
    assert str(entry["status"]) == "CONFIRMED"
    assert attached_calendar(email).walk("VTIMEZONE")[0]["tzid"] == "Europe/London"


def test_the_entry_keeps_the_uid_of_the_events_own_download(client, summer_seminar, mailoutbox, commit):
    with commit():
        services.book(member=UserFactory(), event=summer_seminar, now=JUNE)
    download = icalendar.Calendar.from_ical(client.get(f"{summer_seminar.url}calendar/").content)
    assert [str(e["uid"]) for e in download.walk("VEVENT")] == [str(e["uid"]) for e in vevents(mailoutbox[0])]


def test_a_cohort_with_session_days_has_an_entry_for_each_day(taught_cohort, mailoutbox, commit):
    with commit():
        services.book(member=UserFactory(), cohort=taught_cohort, now=BOOKED_AT)

    (email,) = mailoutbox
    assert email.subject == "Your place is confirmed: Systemic practice: Spring 2027"
    assert "- Tuesday 2 March 2027" in email.body
    entries = vevents(email)
    assert [e.decoded("dtstart") for e in entries] == SESSION_DAYS
    assert all(e.decoded("dtend") - e.decoded("dtstart") == datetime.timedelta(days=1) for e in entries)
    assert str(entries[0]["uid"]) == f"cohort-{taught_cohort.pk}-20270302@localhost"
    assert len({str(e["uid"]) for e in entries}) == 10
    assert str(entries[0]["summary"]) == "Systemic practice: Spring 2027 (day 1)"
    assert attached_calendar(email).walk("VTIMEZONE") == []  # whole days have no time zone


def test_a_cohort_without_session_days_is_one_entry_over_its_dates(taught_course, mailoutbox, commit):
    cohort = CourseCohortFactory(
        course=taught_course,
        name="Autumn 2027",
        start_date=datetime.date(2027, 9, 6),
        end_date=datetime.date(2027, 12, 10),
    )
    with commit():
        services.book(member=UserFactory(), cohort=cohort, now=BOOKED_AT)

    (entry,) = vevents(mailoutbox[0])
    assert str(entry["uid"]) == f"cohort-{cohort.pk}@localhost"
    assert entry.decoded("dtstart") == datetime.date(2027, 9, 6)
    assert entry.decoded("dtend") == datetime.date(2027, 12, 11)  # the day after the last, as RFC 5545 says
    assert "6 September 2027 to 10 December 2027" in mailoutbox[0].body


def test_joining_the_waiting_list_says_so_and_gives_the_position(summer_seminar, mailoutbox, commit):
    services.book(member=UserFactory(), event=summer_seminar, now=JUNE)
    with commit():
        services.book(member=UserFactory(), event=summer_seminar, now=JUNE)
        services.book(member=UserFactory(), event=summer_seminar, now=JUNE + datetime.timedelta(minutes=1))

    first, second = mailoutbox
    assert first.subject == "You are on the waiting list: The Politics of Risk in Child Protection"
    assert "number 1 in line" in first.body
    assert "number 2 in line" in second.body
    assert "Until then you do not have a place." in first.body
    assert str(vevents(first)[0]["status"]) == "TENTATIVE"


def test_a_booking_that_is_rolled_back_sends_nothing(summer_seminar, mailoutbox, commit):
    with commit() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        services.book(member=UserFactory(), event=summer_seminar, now=JUNE)
        raise RuntimeError("the request failed after booking")
    assert callbacks == []
    assert mailoutbox == []
    assert not Booking.objects.exists()


def test_a_refused_booking_sends_nothing(summer_seminar, mailoutbox, commit):
    with commit(), pytest.raises(services.BookingRefused):
        services.book(member=UserFactory(), event=summer_seminar, now=summer_seminar.end)
    assert mailoutbox == []


def test_cancelling_confirms_it_and_offers_the_place_with_its_uk_expiry_time(
    summer_seminar, mailoutbox, commit
):
    leaving = services.book(member=UserFactory(), event=summer_seminar, now=JUNE)
    waiting = services.book(member=UserFactory(first_name="Jonah"), event=summer_seminar, now=JUNE)
    with commit():
        services.cancel(leaving, now=JUNE)

    cancelled, offered = mailoutbox
    assert cancelled.to == [leaving.member.email]
    assert cancelled.subject == "Cancelled: The Politics of Risk in Child Protection"
    assert str(vevents(cancelled)[0]["status"]) == "CANCELLED"
    assert str(vevents(cancelled)[0]["uid"]) == f"event-{summer_seminar.pk}@localhost"

    assert offered.to == [waiting.member.email]
    assert offered.subject == "A place is free for you: The Politics of Risk in Child Protection"
    # 48 hours after 9 a.m. UTC on 1 June is 10.00 a.m. in London, in summer time.
    assert "if you accept it by 10.00 a.m. on Thursday 3 June 2027 (UK time)" in offered.body
    assert "Accept or decline the place on My bookings:\nhttp://testserver/my/bookings/" in offered.body
    assert str(vevents(offered)[0]["status"]) == "TENTATIVE"


def test_leaving_the_waiting_list_is_confirmed_and_offers_nothing(summer_seminar, mailoutbox, commit):
    services.book(member=UserFactory(), event=summer_seminar, now=JUNE)
    waiting = services.book(member=UserFactory(), event=summer_seminar, now=JUNE)
    with commit():
        services.cancel(waiting, now=JUNE)
    (email,) = mailoutbox
    assert email.to == [waiting.member.email]
    assert email.subject.startswith("Cancelled: ")


def test_accepting_an_offer_confirms_the_place(summer_seminar, mailoutbox, commit):
    (waiting,) = offered_and_waiting(summer_seminar, 1)
    with commit():
        services.accept_offer(waiting, now=JUNE + datetime.timedelta(hours=1))
    (email,) = mailoutbox
    assert email.to == [waiting.member.email]
    assert email.subject.startswith("Your place is confirmed: ")
    assert str(vevents(email)[0]["status"]) == "CONFIRMED"


def test_declining_sends_the_offer_on_and_nothing_to_who_declined(summer_seminar, mailoutbox, commit):
    declining, next_in_line = offered_and_waiting(summer_seminar, 2)
    with commit():
        services.decline_offer(declining, now=JUNE)
    (email,) = mailoutbox
    assert email.to == [next_in_line.member.email]
    assert email.subject.startswith("A place is free for you: ")


def test_an_expired_offer_says_so_and_offers_the_place_to_the_next(summer_seminar, mailoutbox, commit):
    slow, next_in_line = offered_and_waiting(summer_seminar, 2)
    with commit():
        done = jobs.run(now=JUNE + datetime.timedelta(hours=49))

    assert (done.offers_expired, done.places_offered) == (1, 1)
    expired, offered = mailoutbox
    assert expired.to == [slow.member.email]
    assert expired.subject == "The offer expired: The Politics of Risk in Child Protection"
    assert "the place has gone to the next person waiting" in expired.body
    assert str(vevents(expired)[0]["status"]) == "CANCELLED"
    assert offered.to == [next_in_line.member.email]
    assert "by 11.00 a.m. on Saturday 5 June 2027 (UK time)" in offered.body


def test_an_offer_answered_before_its_email_goes_is_not_sent(summer_seminar, mailoutbox):
    from learning_records.bookings.tasks import email_booking

    (waiting,) = offered_and_waiting(summer_seminar, 1)
    services.accept_offer(waiting, now=JUNE)  # nothing was committed, so no email went yet
    assert email_booking.call(waiting.pk, "offered") is False
    assert email_booking.call(waiting.pk, "confirmed") is True
    assert [email.subject.split(":")[0] for email in mailoutbox] == ["Your place is confirmed"]


def test_deleting_an_account_with_a_booking_emails_the_next_in_line_only(
    client, summer_seminar, mailoutbox, commit
):
    from tests.members.factories import DEFAULT_PASSWORD

    leaving = services.book(member=UserFactory(), event=summer_seminar, now=timezone.now())
    waiting = services.book(member=practitioner(None), event=summer_seminar, now=timezone.now())
    client.force_login(leaving.member)
    with commit():
        response = client.post(
            reverse("members:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"}
        )
    assert response.status_code == 302
    assert [email.to for email in mailoutbox] == [[waiting.member.email]]
