"""Certificates end to end in Chromium: download, verify from the URL printed in the PDF,
revoke in the admin, and the pages pass axe-core.

Uses the example attendance kind until the CPD statement kind lands; the journey is the same.
"""

import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from learning_records.certificates import register_kind, unregister_kind
from learning_records.services.certificates import issue_certificate
from tests.browser.conftest import assert_accessible
from tests.learning_records.certificate_kinds import ExampleAttendanceKind
from tests.learning_records.pdf_tools import pdf_text
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def certificate(live_server, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the URL printed in the PDF and its QR code
    kind = register_kind(ExampleAttendanceKind())
    member = UserFactory(first_name="Priya", last_name="Shah")
    params = {
        "course": "Systemic practice",
        "days_required": 13,
        "days_attended": 14,
        "sessions": [["12 January 2026", "Introducing systemic ideas", "6"]],
        "standards": ["4.1"],
    }
    yield issue_certificate(kind=kind, recipient=member, params=params)
    unregister_kind(kind.code)


def test_member_downloads_verifies_and_staff_revoke(page, login, certificate):
    login(certificate.recipient)
    page.goto("/my/certificates/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My certificates")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name=f"PDF of {certificate.serial}").click()
    pdf = Path(download.value.path()).read_bytes()
    assert hashlib.sha256(pdf).hexdigest() == certificate.sha256

    printed_url = re.search(r"Verify at (\S+/verify/[0-9A-Z-]+/)", pdf_text(pdf)).group(1)
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
    page.get_by_label("Reason").fill("Issued in error: attendance was corrected.")
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.get_by_text(f"{certificate.serial} is revoked")).to_be_visible()

    page.goto(printed_url)
    expect(page.locator("#status-heading")).to_have_text("Revoked")
    expect(page.get_by_text("Issued in error: attendance was corrected.")).to_be_visible()
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
