"""Taking a register on a phone: programme staff sign in to the admin at 390 px wide, open a
session day's register, mark everyone present in one tap, change one person to late and save;
the page never scrolls sideways, and axe-core checks the day register and the overview."""

import pytest

from django.contrib.auth.models import Group

from learning_records.bookings import register
from tests.browser.conftest import assert_accessible
from tests.learning_records.booking_fixtures import (  # noqa: F401
    SESSION_DAYS,
    book_confirmed,
    north,
    taught_cohort,
    taught_course,
)
from tests.members.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
NAMES = [("Ann", "Cole"), ("Bo", "Ahmed"), ("Cy", "Brown"), ("Dee", "Evans")]


def assert_no_sideways_scroll(page):
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide at {PHONE['width']}px"


def wait_for_message(page, text):
    """Wait for the admin's message to finish fading in, so axe-core sees its real colours."""
    page.wait_for_selector(f"text={text}")
    page.wait_for_function("getComputedStyle(document.querySelector('.messages > ul')).opacity === '1'")


def test_staff_take_a_register_on_a_phone(page, taught_cohort, north):  # noqa: F811
    staff = UserFactory(email="morgan@example.org", first_name="Morgan", last_name="Price")
    staff.groups.add(Group.objects.get(name="Programme staff"))
    people = [UserFactory(first_name=f, last_name=s, organisation=north) for f, s in NAMES]
    book_confirmed(taught_cohort, people)
    page.set_viewport_size(PHONE)

    page.goto("/admin/login/")
    page.get_by_label("Email").fill(staff.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto("/admin/registers/")
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name="Systemic practice: Spring 2027").click()
    page.get_by_role("link", name="Take the register for Tuesday 2 March").click()
    assert page.locator("h1").inner_text().strip() == "Register for Tuesday 2 March 2027"
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("button", name="Everyone present").click()
    wait_for_message(page, "Register for Tuesday 2 March 2027 saved: 4 present.")
    brown = page.get_by_role("group", name="Cy Brown")
    assert brown.get_by_label("Present").is_checked()
    brown.get_by_label("Late").check()
    page.get_by_role("button", name="Save the register").click()

    wait_for_message(page, "Register for Tuesday 2 March 2027 saved: 3 present, 1 late.")
    assert page.get_by_role("group", name="Cy Brown").get_by_label("Late").is_checked()
    assert page.get_by_role("group", name="Ann Cole").get_by_label("Present").is_checked()
    marks = {
        line.booking.member.last_name: line.mark
        for line in register.register_for_day(taught_cohort, SESSION_DAYS[0])
    }
    assert marks == {"Ahmed": "present", "Brown": "late", "Cole": "present", "Evans": "present"}
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("link", name="Next: Tuesday 9 March 2027").click()
    assert page.locator("h1").inner_text().strip() == "Register for Tuesday 9 March 2027"

    page.get_by_role("link", name="Register overview").click()
    rule = page.get_by_text("A certificate needs 90% of the 10 days and no more than 2 days missed.")
    rule.wait_for()
    assert page.get_by_role("region", name="Systemic practice, Spring 2027: one row per person").is_visible()
    assert_no_sideways_scroll(page)
    assert_accessible(page)
