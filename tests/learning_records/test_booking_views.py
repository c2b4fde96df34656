"""Members book from the course or event page in two clicks, see My bookings, cancel with a
confirmation step and answer an offer; every booking URL is 404 to anyone but its owner."""

import pytest

from django.urls import reverse

from learning_records.bookings import services
from learning_records.bookings.models import Booking
from tests.learning_records.booking_fixtures import practitioner

pytestmark = pytest.mark.django_db
Status = Booking.Status


def test_book_a_cohort_from_the_course_page_in_two_clicks(client, cohort, course, north):
    member = practitioner(north)
    client.force_login(member)
    book_url = reverse("bookings:book_cohort", args=[cohort.pk])

    page = client.get(course.url).content.decode()
    confirm = client.get(book_url)
    booked = client.post(book_url, follow=True)

    assert f'href="{book_url}"' in page
    assert "Confirm my place" in confirm.content.decode()
    assert booked.redirect_chain == [(reverse("bookings:list"), 302)]
    assert f"Your place on {course.title}: Spring 2027 is confirmed." in booked.content.decode()
    assert Booking.objects.get(member=member).status == Status.CONFIRMED


def test_a_full_event_offers_the_waiting_list_and_says_where_you_are(client, seminar, north):
    for _ in range(2):
        services.book(member=practitioner(north), event=seminar)
    member = practitioner(north)
    client.force_login(member)
    book_url = reverse("bookings:book_event", args=[seminar.pk])

    assert "Join the waiting list" in client.get(book_url).content.decode()
    response = client.post(book_url, follow=True)

    assert f"{seminar.title} is full, so you are number 1 on the waiting list." in response.content.decode()
    assert "number 1 in line" in response.content.decode()


def test_a_refusal_is_shown_and_books_nothing(client, cohort, north):
    client.force_login(practitioner(north, role="student"))
    url = reverse("bookings:book_cohort", args=[cohort.pk])

    shown = client.get(url).content.decode()
    posted = client.post(url).content.decode()

    assert "Confirm my place" not in shown
    assert "This is for frontline managers, practitioners only." in shown
    assert "This is for frontline managers, practitioners only." in posted
    assert not Booking.objects.exists()


def test_signing_in_comes_first(client, seminar):
    url = reverse("bookings:book_event", args=[seminar.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_cancel_asks_first_then_offers_the_place_on(client, seminar, north):
    member = practitioner(north)
    booking = services.book(member=member, event=seminar)
    services.book(member=practitioner(north), event=seminar)
    waiting = services.book(member=practitioner(north), event=seminar)
    client.force_login(member)
    url = reverse("bookings:cancel", args=[booking.pk])

    asked = client.get(url)
    assert "Cancel the booking" in asked.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == Status.CONFIRMED

    done = client.post(url, follow=True)
    assert f"Your place for {seminar.title} is cancelled." in done.content.decode()
    assert Booking.objects.get(pk=waiting.pk).status == Status.OFFERED


def test_the_next_in_line_accepts_the_offer_from_my_bookings(client, seminar, north):
    first = services.book(member=practitioner(north), event=seminar)
    services.book(member=practitioner(north), event=seminar)
    member = practitioner(north)
    waiting = services.book(member=member, event=seminar)
    services.cancel(first)
    client.force_login(member)

    listed = client.get(reverse("bookings:list")).content.decode()
    accepted = client.post(
        reverse("bookings:answer_offer", args=[waiting.pk]), {"answer": "accept"}, follow=True
    )

    assert "Places offered to you" in listed and "Accept the place" in listed
    assert f"Your place on {seminar.title} is confirmed." in accepted.content.decode()
    assert Booking.objects.get(pk=waiting.pk).status == Status.CONFIRMED


def test_another_members_booking_is_404_everywhere(client, seminar, north):
    booking = services.book(member=practitioner(north), event=seminar)
    client.force_login(practitioner(north))

    assert client.get(reverse("bookings:cancel", args=[booking.pk])).status_code == 404
    assert client.post(reverse("bookings:cancel", args=[booking.pk])).status_code == 404
    assert (
        client.post(reverse("bookings:answer_offer", args=[booking.pk]), {"answer": "decline"}).status_code
        == 404
    )
    assert Booking.objects.get(pk=booking.pk).status == Status.CONFIRMED
    assert booking.target_label() not in client.get(reverse("bookings:list")).content.decode()


def test_my_bookings_has_an_empty_state(client, north):
    client.force_login(practitioner(north))
    page = client.get(reverse("bookings:list")).content.decode()
    assert "You have no upcoming bookings." in page
