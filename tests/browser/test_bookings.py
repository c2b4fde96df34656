"""Booking in a real browser: a member books the last place, a second joins the waiting list,
the first cancels and the second takes up the offered place; axe-core checks each page."""

import pytest

from learning_records.bookings.models import Booking
from tests.browser.conftest import assert_accessible
from tests.learning_records.booking_fixtures import north, practitioner, seminar  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in_as(page, login, member):
    page.context.clear_cookies()
    login(member)


def test_book_cancel_and_the_next_in_line_takes_the_place(page, login, seminar, north):  # noqa: F811
    seminar.capacity = 1
    seminar.save_revision().publish()
    first, second = practitioner(north, first_name="Asha"), practitioner(north, first_name="Ben")

    sign_in_as(page, login, first)
    page.goto(seminar.url)
    page.get_by_role("link", name=f"Book a place at {seminar.title}").click()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my place").click()
    page.wait_for_url("**/my/bookings/")
    assert f"Your place on {seminar.title} is confirmed." in page.locator("body").inner_text()
    assert_accessible(page)

    sign_in_as(page, login, second)
    page.goto(seminar.url)
    page.get_by_role("link", name=f"Book a place at {seminar.title}").click()
    page.get_by_role("button", name="Join the waiting list").click()
    page.wait_for_url("**/my/bookings/")
    assert "number 1 in line" in page.locator("body").inner_text()

    sign_in_as(page, login, first)
    page.goto("/my/bookings/")
    page.get_by_role("link", name=f"Cancel {seminar.title}").click()
    assert_accessible(page)
    page.get_by_role("button", name="Cancel the booking").click()
    page.wait_for_url("**/my/bookings/")
    assert "You have no upcoming bookings." in page.locator("body").inner_text()

    sign_in_as(page, login, second)
    page.goto("/my/bookings/")
    assert "Places offered to you" in page.locator("body").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Accept the place").click()
    page.wait_for_url("**/my/bookings/")
    assert f"Your place on {seminar.title} is confirmed." in page.locator("body").inner_text()
    assert Booking.objects.get(member=second).status == Booking.Status.CONFIRMED
    assert Booking.objects.get(member=first).status == Booking.Status.CANCELLED
