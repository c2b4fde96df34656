"""The member's private calendar feed: a secret URL (no login) with their confirmed places and
programme days, shown on My bookings, reset with a confirmation step; never cached."""

import datetime
from decimal import Decimal

import icalendar
import pytest

from django.urls import reverse
from django.utils import timezone

from learning_records.bookings import calendar, services
from learning_records.bookings.models import CalendarFeed
from learning_records.programme import services as programme
from tests.cms.factories import CourseCohortFactory, EventIndexPageFactory, EventPageFactory
from tests.learning_records.booking_fixtures import BOOKED_AT, SESSION_DAYS
from tests.learning_records.programme_factories import days_ago
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def feed_path(member) -> str:
    return reverse("bookings:calendar_feed", args=[calendar.feed_for(member).secret])


def entries(response) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.fixture
def events(home):
    index = EventIndexPageFactory(parent=home)
    return [
        EventPageFactory(parent=index, title=f"Seminar {n}", members_book_here=True, audiences=[])
        for n in range(3)
    ]


def test_the_feed_holds_confirmed_places_and_programme_days_without_a_login(
    client, taught_cohort, events, enrolment
):
    member = enrolment.aspirant
    services.book(member=member, cohort=taught_cohort, now=BOOKED_AT)
    services.book(member=member, event=events[0])
    waiting_for = events[1]
    waiting_for.capacity = 1
    waiting_for.save()
    services.book(member=UserFactory(), event=waiting_for)
    services.book(member=member, event=waiting_for)  # waiting: not in the calendar
    services.cancel(services.book(member=member, event=events[2]))  # cancelled: not either
    services.book(member=UserFactory(), event=events[2])  # someone else's
    day = programme.log_day(
        enrolment=enrolment, activity_type="seminar", date=days_ago(10), days=Decimal("1")
    )

    response = client.get(feed_path(member))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    found = entries(response)
    cohort_uids = {f"cohort-{taught_cohort.pk}-{d:%Y%m%d}@localhost" for d in SESSION_DAYS}
    assert set(found) == cohort_uids | {
        f"event-{events[0].pk}@localhost",
        f"programme-day-{day.pk}@localhost",
    }
    event_entry = found[f"event-{events[0].pk}@localhost"]
    assert event_entry.decoded("dtstart") == events[0].start.replace(microsecond=0)
    programme_day = found[f"programme-day-{day.pk}@localhost"]
    assert (str(programme_day["summary"]), programme_day.decoded("dtstart")) == (
        "Programme: Seminar",
        day.date,
    )


def test_a_wrong_secret_answers_404(client, member):
    calendar.feed_for(member)
    assert client.get(reverse("bookings:calendar_feed", args=["not-the-secret"])).status_code == 404
    assert client.get("/my/bookings/calendar/.ics").status_code == 404


def test_a_reset_link_stops_working_and_the_new_one_works(client, member):
    old = feed_path(member)
    client.force_login(member)

    confirm = client.get(reverse("bookings:reset_calendar_feed"))
    assert confirm.status_code == 200
    assert b"Reset your calendar link?" in confirm.content
    assert client.get(old).status_code == 200  # asking is not resetting

    response = client.post(reverse("bookings:reset_calendar_feed"), follow=True)

    new = feed_path(member)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert b"the old one no longer works" in response.content
    assert f"http://testserver{new}".encode() in response.content


def test_resetting_needs_a_login(client):
    response = client.post(reverse("bookings:reset_calendar_feed"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "login" in response["Location"]


def test_my_bookings_shows_my_own_link_with_instructions(client, member, other_member):
    client.force_login(member)
    page = client.get(reverse("bookings:list")).content.decode()
    mine = f"http://testserver{feed_path(member)}"
    assert f'value="{mine}"' in page
    assert f'href="webcal://testserver{feed_path(member)}"' in page
    assert '<label class="field__label" for="feed-url">Your calendar link</label>' in page
    assert "Add Subscribed Calendar" in page
    assert feed_path(other_member) not in page
    assert CalendarFeed.objects.filter(member=member).count() == 1
    client.get(reverse("bookings:list"))
    assert CalendarFeed.objects.filter(member=member).count() == 1  # the same link every visit


def test_an_inactive_members_feed_answers_404(client, member):
    path = feed_path(member)
    member.is_active = False
    member.save()
    assert client.get(path).status_code == 404


def test_the_feed_is_never_kept_by_the_page_cache(client, settings, member, events):
    settings.PRAXIS_PAGE_CACHE = True
    services.book(member=member, event=events[0])
    old = feed_path(member)
    assert client.get(old).status_code == 200
    calendar.reset_feed(member)
    assert client.get(old).status_code == 404
    services.book(member=member, event=events[1])
    assert len(entries(client.get(feed_path(member)))) == 2


def test_the_feed_takes_the_same_queries_for_one_booking_or_many(
    client, django_assert_max_num_queries, home, enrolment
):
    member = enrolment.aspirant
    index = EventIndexPageFactory(parent=home)

    def book(first: int, count: int):
        for n in range(first, first + count):
            event = EventPageFactory(
                parent=index,
                members_book_here=True,
                audiences=[],
                start=timezone.now() + datetime.timedelta(days=5 + n),
            )
            services.book(member=member, event=event)
            cohort = CourseCohortFactory(
                course__parent=home, course__members_book_here=True, course__audiences=[]
            )
            services.book(member=member, cohort=cohort)
            programme.log_day(
                enrolment=enrolment, activity_type="seminar", date=days_ago(10 + n), days=Decimal("1")
            )

    path = feed_path(member)
    book(0, 1)
    client.get(path)  # the site's root paths, cached from here on as in any running site
    with django_assert_max_num_queries(4) as one:
        assert len(entries(client.get(path))) == 3
    book(1, 14)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(entries(client.get(path))) == 45
