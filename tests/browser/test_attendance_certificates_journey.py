"""After the last session day: programme staff issue the certificates of attendance from the
register on a phone (a confirmation step, then one tap), and the practitioner who attended finds
the certificate to download and a provider-confirmed CPD record drafted for them, whose dates,
hours and provider they cannot change; they add what they learnt and submit it."""

import re

import pytest

from django.contrib.auth.models import Group

from learning_records.bookings import services
from learning_records.certificates.models import Certificate
from learning_records.cpd.models import CPDRecord
from tests.browser.conftest import assert_accessible
from tests.learning_records.booking_fixtures import (  # noqa: F401
    FINISHED_BOOKED_AT,
    attend,
    finished_cohort,
    taught_course,
)
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}


def assert_no_sideways_scroll(page):
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide at {PHONE['width']}px"


def test_staff_issue_certificates_and_the_attendee_completes_their_cpd(page, login, finished_cohort):  # noqa: F811
    staff = UserFactory(email="morgan@example.org", first_name="Morgan", last_name="Price")
    staff.groups.add(Group.objects.get(name="Programme staff"))
    ann = UserFactory(first_name="Ann", last_name="Ahmed")
    bo = UserFactory(first_name="Bo", last_name="Brown")
    ann_place, bo_place = (
        services.book(member=m, cohort=finished_cohort, now=FINISHED_BOOKED_AT) for m in (ann, bo)
    )
    attend(finished_cohort, ann_place, days=10, by=staff)
    attend(finished_cohort, bo_place, days=5, by=staff)

    login(staff)
    page.set_viewport_size(PHONE)
    page.goto(f"/admin/registers/{finished_cohort.pk}/")
    page.get_by_role("link", name="Issue attendance certificates").click()
    assert page.locator("h1").inner_text().strip() == "Issue attendance certificates"
    assert "Ann Ahmed: 10 of 10 days (100%)" in page.locator("main").inner_text()
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="Issue 1 certificate").click()
    page.wait_for_selector("text=Issued 1 attendance certificate; 0 had one already; 1 has not reached")
    page.wait_for_function("getComputedStyle(document.querySelector('.messages > ul')).opacity === '1'")
    assert_accessible(page)
    certificate = Certificate.objects.get(recipient=ann)
    assert certificate.is_ready  # the worker (immediate here) rendered it once the issue committed

    login(ann)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/my/certificates/")
    assert certificate.serial in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name=f"PDF of {certificate.serial}").click()
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"  # noqa: SIM115

    record = CPDRecord.objects.get(member=ann)
    page.goto(f"/my/records/{record.pk}/edit/")
    assert (
        "confirmed the dates and hours of this record from its register" in page.locator("main").inner_text()
    )
    assert page.get_by_label("Hours").is_disabled() and page.get_by_label("Provider").is_disabled()
    assert_accessible(page)
    page.locator("#id_learning").fill("Circular questions open up a family's own explanations.")
    page.get_by_label("The impact on my practice and the people I work with").fill(
        "I draw genograms with families."
    )
    page.get_by_role("button", name="Submit record").click()
    page.wait_for_url(re.compile(rf"/my/records/{record.pk}/$"))
    assert "Record submitted" in page.locator(".messages").inner_text()
    record.refresh_from_db()
    assert record.is_submitted and record.hours == finished_cohort.course.cpd_hours  # 10 of 10 days
