"""Certificates end to end in Chromium with the real CPD statement: a member with a complete
year asks for it on the year page, downloads it, verifies it from the URL printed in the PDF;
staff revoke it in the admin; and the pages pass axe-core.
"""

import datetime
import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group
from django.urls import reverse

from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate
from learning_records.cpd import rules
from tests.browser.conftest import assert_accessible
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.pdf_tools import pdf_text
from tests.learning_records.years import settled_year
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

YEAR = settled_year()
YEAR_NAME = rules.year_name(YEAR)


@pytest.fixture
def member_with_complete_year(live_server, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the URL printed in the PDF and its QR code
    member = UserFactory(first_name="Priya", last_name="Shah", swe_registration_number="SW246810")
    first_day = rules.year_bounds(YEAR)[0]
    CPDRecordFactory(
        member=member, title="Genograms with families", start_date=first_day + datetime.timedelta(days=10)
    )
    CPDRecordFactory(
        member=member,
        title="Supervision on risk",
        start_date=first_day + datetime.timedelta(days=40),
        with_peer=True,
    )
    return member


@pytest.fixture
def certificate(member_with_complete_year):
    return issue_certificate(
        kind="cpd_statement", recipient=member_with_complete_year, params={"year": YEAR_NAME}
    )


def test_member_gets_the_statement_verifies_it_and_staff_revoke(page, login, member_with_complete_year):
    member = login(member_with_complete_year)
    page.goto(reverse("records:year", args=[YEAR_NAME]))
    assert_accessible(page)
    page.get_by_role("button", name=f"Get a CPD statement for {YEAR_NAME}").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("My certificates")
    certificate = Certificate.objects.get(recipient=member)
    expect(page.get_by_text(f"Your CPD statement is ready (serial {certificate.serial})")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name=f"PDF of {certificate.serial}").click()
    pdf = Path(download.value.path()).read_bytes()
    assert hashlib.sha256(pdf).hexdigest() == certificate.sha256
    text = pdf_text(pdf)
    for printed in ("Priya Shah", "SW246810", "Genograms with families", "Supervision on risk"):
        assert printed in text

    printed_url = re.search(r"Verify at (\S+/verify/[0-9A-Z-]+/)", text).group(1)
    assert printed_url == certificate.verification_url
    page.goto(printed_url)
    expect(page.locator("#status-heading")).to_have_text("Valid")
    expect(page.get_by_text("Priya Shah", exact=True)).to_be_visible()
    assert_accessible(page)

    staff = UserFactory(first_name="Morgan", last_name="Price")
    staff.groups.add(Group.objects.get(name="Programme staff"))
    login(staff)
    page.goto("/admin/certificates/")
    page.get_by_role("button", name=f"More options for '{certificate}'").click()
    page.get_by_role("link", name="Revoke").click()
    page.get_by_label("Reason").fill("Issued in error: a record was dated in the wrong year.")
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.get_by_text(f"{certificate.serial} is revoked")).to_be_visible()

    page.goto(printed_url)
    expect(page.locator("#status-heading")).to_have_text("Revoked")
    expect(page.get_by_text("Issued in error: a record was dated in the wrong year.")).to_be_visible()
    assert_accessible(page)


def test_verification_form_and_not_found_are_accessible(page, certificate):
    page.goto("/verify/")
    assert_accessible(page)
    page.get_by_label("Verification code").fill("0000-0000-0000-0000")
    page.get_by_role("button", name="Check the certificate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificate not found")
    assert_accessible(page)
    page.get_by_label("Verification code").fill("oops")
    page.get_by_role("button", name="Check the certificate").click()
    expect(page.get_by_text("Enter the code as printed").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Verification code").fill(certificate.display_code.lower())
    page.get_by_role("button", name="Check the certificate").click()
    expect(page.locator("#status-heading")).to_have_text("Valid")


def test_empty_my_certificates_is_accessible(page, login):
    login(UserFactory())
    page.goto("/my/certificates/")
    expect(page.get_by_text("You have no certificates yet")).to_be_visible()
    assert_accessible(page)
