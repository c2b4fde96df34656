"""The issuing service: rules, serials, the stored PDF, re-issue and revocation."""

import hashlib
import os
from unittest import mock

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import RestrictedError
from django.utils import timezone

from wagtail.models import ModelLogEntry

from learning_records.certificates import services as service
from learning_records.certificates.models import Certificate, CertificateSerialCounter
from learning_records.certificates.services import issue_certificate, reissue_certificate, revoke_certificate
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_refuses_with_what_is_missing(attendance_kind, attendance_params, member):
    params = {**attendance_params, "days_attended": 11}
    with pytest.raises(ValidationError) as refused:
        issue_certificate(kind=attendance_kind, recipient=member, params=params)
    assert refused.value.messages == [
        "You attended 11 of the days of Systemic practice; the certificate needs at least 13."
    ]
    assert not Certificate.objects.exists()
    assert not CertificateSerialCounter.objects.exists()


def test_refuses_a_member_without_a_name_and_lists_every_problem(attendance_kind, attendance_params):
    nameless = UserFactory(first_name="", last_name="")
    with pytest.raises(ValidationError) as refused:
        issue_certificate(
            kind=attendance_kind, recipient=nameless, params={**attendance_params, "days_attended": 1}
        )
    assert len(refused.value.messages) == 2
    assert "Add your first and last name to your profile" in refused.value.messages[0]
    assert "needs at least 13" in refused.value.messages[1]


def test_accepts_the_kind_by_code(attendance_kind, attendance_params, member):
    certificate = issue_certificate(kind="example_attendance", recipient=member, params=attendance_params)
    assert certificate.kind == "example_attendance"


def test_issues_with_serial_code_snapshot_pdf_and_badge(certificate, member):
    year = timezone.localdate().year
    assert certificate.serial == f"PRX-{year}-000001"
    assert (certificate.serial_year, certificate.serial_number) == (year, 1)
    assert len(certificate.verification_code) == 16
    assert certificate.display_code.count("-") == 3
    assert certificate.recipient == member
    assert certificate.status == Certificate.Status.VALID
    assert certificate.state == "valid"
    assert certificate.subject_key == "course:Systemic practice"
    assert certificate.title == "Certificate of attendance"
    snapshot = certificate.snapshot
    assert snapshot["recipient_name"] == "Priya Shah"
    assert snapshot["serial"] == certificate.serial
    assert snapshot["verification_url"] == f"http://testserver/verify/{certificate.display_code}/"
    assert snapshot["issuer"]["organisation_name"] == "Praxis Teaching Partnership"
    assert [a["code"] for a in snapshot["alignments"]] == ["4.1", "4.2"]
    assert certificate.badge["id"] == snapshot["verification_url"]
    assert certificate.badge_jwt.count(".") == 2


def test_stored_pdf_is_private_and_matches_its_sha256(certificate, settings):
    stored = certificate.pdf.open("rb").read()
    assert stored.startswith(b"%PDF-")
    assert hashlib.sha256(stored).hexdigest() == certificate.sha256
    assert certificate.pdf.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not certificate.pdf.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no URL"):
        certificate.pdf.url  # noqa: B018


def test_serials_follow_one_another(attendance_kind, attendance_params):
    serials = [
        issue_certificate(
            kind=attendance_kind, recipient=UserFactory(), params=attendance_params
        ).serial_number
        for _ in range(3)
    ]
    assert serials == [1, 2, 3]


def test_serials_restart_each_year(attendance_kind, attendance_params):
    CertificateSerialCounter.objects.create(year=timezone.localdate().year - 1, last_number=57)
    certificate = issue_certificate(kind=attendance_kind, recipient=UserFactory(), params=attendance_params)
    assert certificate.serial_number == 1


def test_a_failed_issue_gives_its_serial_back(attendance_kind, attendance_params, member):
    with (
        mock.patch.object(service, "render_certificate_pdf", side_effect=RuntimeError("renderer crashed")),
        pytest.raises(RuntimeError),
    ):
        issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
    certificate = issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
    assert certificate.serial_number == 1


def test_a_failed_save_leaves_no_file_behind(attendance_kind, attendance_params, member, settings):
    before = set(settings.PRIVATE_MEDIA_ROOT.rglob("*.pdf"))
    with (
        mock.patch.object(Certificate, "save", side_effect=IntegrityError("clash")),
        pytest.raises(IntegrityError),
    ):
        issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
    assert set(settings.PRIVATE_MEDIA_ROOT.rglob("*.pdf")) == before


def test_refuses_a_second_valid_copy(certificate, attendance_kind, attendance_params, member):
    with pytest.raises(ValidationError, match=f"already issued .* {certificate.serial}"):
        issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)


def test_a_revoked_certificate_can_be_issued_afresh(certificate, attendance_kind, attendance_params, member):
    revoke_certificate(certificate=certificate, reason="Issued in error.", revoked_by=None)
    again = issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
    assert again.serial_number == 2
    assert again.replaces is None


def test_issue_is_logged(certificate):
    entry = ModelLogEntry.objects.get(action="praxis.certificate.issue")
    assert entry.object_id == str(certificate.pk)
    assert entry.data["serial"] == certificate.serial


def test_reissue_makes_a_new_version_and_supersedes_the_old(certificate, member):
    staff = UserFactory(is_staff=True)
    member.last_name = "Shah-Patel"
    member.save()

    new = reissue_certificate(certificate=certificate, issued_by=staff, note="Surname corrected.")

    certificate.refresh_from_db()
    assert new.replaces == certificate
    assert certificate.superseded_by == new
    assert certificate.state == "superseded"
    assert new.state == "valid"
    assert new.serial != certificate.serial
    assert new.verification_code != certificate.verification_code
    assert new.snapshot["recipient_name"] == "Priya Shah-Patel"
    assert new.snapshot["replaces_serial"] == certificate.serial
    assert certificate.snapshot["recipient_name"] == "Priya Shah"
    assert new.issued_by == staff
    assert new.pdf.name != certificate.pdf.name
    assert list(Certificate.objects.current()) == [new]
    assert list(Certificate.objects.superseded()) == [certificate]
    logged = ModelLogEntry.objects.get(action="praxis.certificate.reissue")
    assert logged.data == {"serial": new.serial, "replaces": certificate.serial, "note": "Surname corrected."}
    assert ModelLogEntry.objects.filter(
        action="praxis.certificate.supersede", object_id=str(certificate.pk)
    ).exists()


def test_reissue_never_changes_the_old_pdf(certificate):
    before = certificate.pdf.open("rb").read()
    reissue_certificate(certificate=certificate, issued_by=None)
    certificate.refresh_from_db()
    assert certificate.pdf.open("rb").read() == before
    assert hashlib.sha256(before).hexdigest() == certificate.sha256


def test_reissue_of_a_superseded_version_is_refused(certificate):
    new = reissue_certificate(certificate=certificate, issued_by=None)
    with pytest.raises(ValidationError, match=f"already been replaced by {new.serial}"):
        reissue_certificate(certificate=certificate, issued_by=None)


def test_reissue_of_a_revoked_certificate_is_refused(certificate):
    revoke_certificate(certificate=certificate, reason="Issued in error.", revoked_by=None)
    with pytest.raises(ValidationError, match="was revoked on"):
        reissue_certificate(certificate=certificate, issued_by=None)


def test_reissue_checks_the_rule_again(certificate, member):
    member.first_name = member.last_name = ""
    member.save()
    with pytest.raises(ValidationError, match="Add your first and last name"):
        reissue_certificate(certificate=certificate, issued_by=None)
    assert Certificate.objects.count() == 1


def test_revoke_records_who_when_and_why(certificate):
    staff = UserFactory(is_staff=True)
    revoked = revoke_certificate(
        certificate=certificate, reason="  Attendance was recorded wrongly. ", revoked_by=staff
    )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.state == revoked.state == "revoked"
    assert certificate.revoked_by == staff
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == "Attendance was recorded wrongly."
    entry = ModelLogEntry.objects.get(action="praxis.certificate.revoke")
    assert entry.user_id == staff.pk
    assert entry.data["reason"] == "Attendance was recorded wrongly."


@pytest.mark.parametrize("reason", ["", "   "])
def test_revoke_needs_a_reason(certificate, reason):
    with pytest.raises(ValidationError, match="Say why"):
        revoke_certificate(certificate=certificate, reason=reason, revoked_by=None)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_revoke_twice_is_refused(certificate):
    revoke_certificate(certificate=certificate, reason="Issued in error.", revoked_by=None)
    with pytest.raises(ValidationError, match="already revoked"):
        revoke_certificate(certificate=certificate, reason="Again.", revoked_by=None)


def test_the_database_refuses_an_incomplete_revocation(certificate):
    certificate.status = Certificate.Status.REVOKED
    with pytest.raises(IntegrityError):
        certificate.save()


def test_deleting_a_member_deletes_every_version_and_file(
    certificate, member, django_capture_on_commit_callbacks
):
    new = reissue_certificate(certificate=certificate, issued_by=None)
    files = [certificate.pdf.path, new.pdf.path]
    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert not Certificate.objects.exists()
    assert not any(os.path.exists(path) for path in files)


def test_an_old_version_cannot_be_deleted_on_its_own(certificate):
    reissue_certificate(certificate=certificate, issued_by=None)
    with pytest.raises(RestrictedError):
        certificate.delete()
