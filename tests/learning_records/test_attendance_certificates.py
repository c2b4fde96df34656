"""Certificates of attendance from a cohort's register: the rule, issuing to everyone who reached
the threshold in one action, and the PDFs the task worker renders after the issue commits."""

import hashlib
import logging
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from learning_records.bookings import issuing, rules
from learning_records.bookings.certificate import AttendanceKind
from learning_records.bookings.models import Booking
from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate, render_pending_pdf, revoke_certificate
from learning_records.cpd.models import CPDRecord
from tests.concurrency import at_once, needs_row_locks
from tests.learning_records.booking_fixtures import (
    FINISHED_BOOKED_AT,
    FINISHED_DAYS,
    SESSION_DAYS,
    attend,
    book_confirmed,
)
from tests.learning_records.pdf_tools import pdf_text
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

KIND = AttendanceKind.code


@pytest.fixture
def five(db):
    names = [("Ann", "Ahmed"), ("Bo", "Brown"), ("Cy", "Cole"), ("Di", "Dunn"), ("Ed", "Evans")]
    return [UserFactory(first_name=first, last_name=last) for first, last in names]


@pytest.fixture
def places(finished_cohort, five):
    """Ahmed, Brown, Cole, Dunn, Evans confirmed on the finished ten-day cohort."""
    return [
        Booking.objects.get(pk=booking.pk)
        for booking in book_confirmed_at(finished_cohort, five, FINISHED_BOOKED_AT)
    ]


def book_confirmed_at(cohort, members, now):
    from learning_records.bookings import services

    return [services.book(member=member, cohort=cohort, now=now) for member in members]


def missing(booking, member=None):
    return AttendanceKind().missing(member or booking.member, booking=booking.pk)


# The rule


def test_exactly_ninety_percent_is_enough_and_eight_of_ten_is_not(finished_cohort, places):
    ahmed, brown, *_ = places
    attend(finished_cohort, ahmed, days=9)
    attend(finished_cohort, brown, days=8)
    assert missing(ahmed) == []
    assert missing(brown) == [
        "The register shows you attended 8 of the 10 session days of Systemic practice (Autumn 2026); "
        "a certificate needs 90% of the 10 days and no more than 2 days missed."
    ]


def test_late_and_left_early_count_as_attended(finished_cohort, places):
    ahmed, brown, *_ = places
    attend(finished_cohort, ahmed, days=10, mark="late")
    attend(finished_cohort, brown, days=9, mark="left_early")
    assert missing(ahmed) == [] and missing(brown) == []


def test_not_before_the_last_session_day_has_passed(taught_cohort, five):
    (booking,) = book_confirmed(taught_cohort, five[:1])
    attend(taught_cohort, booking, days=10)
    assert missing(booking) == [
        "Systemic practice (Spring 2027) has not finished yet: its last session day is "
        f"{SESSION_DAYS[-1].day} {SESSION_DAYS[-1]:%B %Y}."
    ]


def test_another_members_place_is_not_found(finished_cohort, places, other_member):
    attend(finished_cohort, places[0], days=10)
    assert missing(places[0], member=other_member) == [
        "We could not find that place on a course among your bookings."
    ]
    with pytest.raises(ValidationError):
        issue_certificate(kind=KIND, recipient=other_member, params={"booking": places[0].pk})


def test_a_cancelled_place_is_not_certified(finished_cohort, places):
    from learning_records.bookings import services

    attend(finished_cohort, places[0], days=10)
    services.cancel(places[0])
    assert missing(places[0]) == [
        "Your place on Systemic practice (Autumn 2026) is not confirmed (cancelled)."
    ]


def test_cpd_hours_are_in_proportion_to_the_days_attended_rounded_down_to_the_half_hour():
    assert rules.attended_hours(Decimal("90"), attended_days=9, total_days=10) == Decimal("81.0")
    assert rules.attended_hours(Decimal("100"), attended_days=7, total_days=15) == Decimal("46.5")
    assert rules.attended_hours(Decimal("3"), attended_days=1, total_days=30) == Decimal("0.5")
    assert rules.attended_hours(Decimal("90"), attended_days=0, total_days=10) is None
    assert rules.attended_hours(None, attended_days=5, total_days=10) is None


def test_the_certificate_prints_the_course_the_attendance_and_each_days_mark(finished_cohort, places, commit):
    ahmed = places[0]
    attend(finished_cohort, ahmed, days=9)
    with commit():
        certificate = issue_certificate(kind=KIND, recipient=ahmed.member, params={"booking": ahmed.pk})
    text = pdf_text(certificate.pdf.read()).lower()  # labels print in capitals
    for expected in (
        "Certificate of attendance",
        "Ann Ahmed",
        "attended 9 of the 10 session days of Systemic practice (Autumn 2026)",
        "9 of 10 session days (90%)",
        "CPD hours 81",
        certificate.serial,
        f"{FINISHED_DAYS[0]:%A} {FINISHED_DAYS[0].day} {FINISHED_DAYS[0]:%B %Y} · Register: Present",
        f"{FINISHED_DAYS[9]:%A} {FINISHED_DAYS[9].day} {FINISHED_DAYS[9]:%B %Y} · Register: Absent",
    ):
        assert expected.lower() in text, expected
    assert certificate.subject_key == f"cohort:{finished_cohort.pk}"


# Issuing to everyone at once


@pytest.fixture
def registers_taken(finished_cohort, places, staff):
    """Ahmed 10/10, Brown 9/10, Cole 9/10 (late), Dunn 7/10, Evans absent every day."""
    ahmed, brown, cole, dunn, evans = places
    attend(finished_cohort, ahmed, days=10, by=staff)
    attend(finished_cohort, brown, days=9, by=staff)
    attend(finished_cohort, cole, days=9, by=staff, mark="late")
    attend(finished_cohort, dunn, days=7, by=staff)
    attend(finished_cohort, evans, days=0, by=staff)
    return places


def test_one_action_issues_to_all_who_reached_the_threshold(finished_cohort, registers_taken, staff, commit):
    ahmed, brown, cole, dunn, evans = registers_taken
    with commit():  # Cole already has one from earlier
        issue_certificate(kind=KIND, recipient=cole.member, params={"booking": cole.pk})
    with commit():
        outcome = issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    assert (outcome.issued, outcome.already, outcome.not_reached) == (2, 1, 2)
    assert outcome.in_words() == (
        "Issued 2 attendance certificates; 1 had one already; 2 have not reached the threshold. "
        "Drafted 4 provider-confirmed CPD records (0 had one already)."
    )
    issued = Certificate.objects.of_kind(KIND).filter(issued_by=staff)
    assert sorted(c.recipient.last_name for c in issued) == ["Ahmed", "Brown"]
    for certificate in issued:  # the same service: serial, code, badge; the PDF rendered after commit
        assert certificate.is_ready and certificate.serial and certificate.badge_jwt
        assert certificate.recipient.get_full_name() in pdf_text(certificate.pdf.read())


def test_pressing_it_again_issues_nothing_twice(finished_cohort, registers_taken, staff, commit):
    with commit():
        issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    with commit():
        again = issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    assert (again.issued, again.already, again.not_reached, again.drafted, again.drafted_already) == (
        0,
        3,
        2,
        0,
        4,
    )
    assert Certificate.objects.of_kind(KIND).count() == 3


def test_a_revoked_certificate_is_issued_afresh(finished_cohort, registers_taken, staff, commit):
    with commit():
        issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    revoke_certificate(
        certificate=Certificate.objects.get(recipient=registers_taken[0].member),
        revoked_by=staff,
        reason="Typo",
    )
    with commit():
        again = issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    assert (again.issued, again.already) == (1, 2)


def test_a_cohort_still_running_is_refused_and_nothing_is_issued(taught_cohort, five, staff):
    (booking,) = book_confirmed(taught_cohort, five[:1])
    attend(taught_cohort, booking, days=10, by=staff)
    with pytest.raises(ValidationError, match="once the last session day"):
        issuing.issue_attendance_certificates(taught_cohort, issued_by=staff)
    assert not Certificate.objects.exists()


def test_someone_the_service_refuses_is_named_and_the_others_are_issued(
    finished_cohort, registers_taken, staff, commit
):
    nameless = registers_taken[1].member
    nameless.first_name = nameless.last_name = ""
    nameless.save()
    with commit():
        outcome = issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    assert outcome.issued == 2
    assert len(outcome.refused) == 1 and outcome.refused[0].startswith(f"{nameless.email}: ")


# The PDF rendered by the task worker


def test_bulk_issued_pdfs_are_rendered_only_after_the_commit(
    finished_cohort, registers_taken, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        outcome = issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    waiting = Certificate.objects.of_kind(KIND)
    assert outcome.issued == 3 and len(queued) == 3
    assert waiting.being_prepared().count() == 3  # serials and verification stand already
    assert all(certificate.snapshot["serial"] == certificate.serial for certificate in waiting)
    for callback in queued:
        callback()  # what the worker does when it runs the queued task
    assert not Certificate.objects.being_prepared().exists()


def test_a_rolled_back_issue_queues_no_render(
    finished_cohort, registers_taken, django_capture_on_commit_callbacks
):
    ahmed = registers_taken[0]
    with (
        django_capture_on_commit_callbacks(execute=True) as queued,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        issue_certificate(kind=KIND, recipient=ahmed.member, params={"booking": ahmed.pk}, defer_pdf=True)
        raise RuntimeError("the request failed after issuing")
    assert queued == [] and not Certificate.objects.exists()


def test_the_member_is_told_the_pdf_is_being_prepared_then_gets_the_stored_file(
    finished_cohort, registers_taken, client_for, django_capture_on_commit_callbacks
):
    ahmed = registers_taken[0]
    with django_capture_on_commit_callbacks(execute=False):
        certificate = issue_certificate(
            kind=KIND, recipient=ahmed.member, params={"booking": ahmed.pk}, defer_pdf=True
        )
    client = client_for(ahmed.member)
    listing = client.get(reverse("certificates:list")).content.decode()
    assert "PDF being prepared" in listing
    response = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Your certificate is being prepared" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    verification = client.get(certificate.get_verification_path())
    assert verification.status_code == 200 and certificate.serial in verification.content.decode()

    assert render_pending_pdf(certificate.pk) is True
    assert render_pending_pdf(certificate.pk) is False  # a repeated task changes nothing
    certificate.refresh_from_db()
    response = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and hashlib.sha256(body).hexdigest() == certificate.sha256
    assert "Ann Ahmed" in pdf_text(body)


def test_a_failed_render_is_logged_and_retried_not_lost(
    finished_cohort, registers_taken, staff, commit, monkeypatch, caplog
):
    storage = Certificate._meta.get_field("pdf").storage  # what issuing writes through
    real_save, failures = storage._save, []

    def storage_down_once(name, content):
        if not failures:
            failures.append(name)
            raise OSError("storage unavailable")
        return real_save(name, content)

    monkeypatch.setattr(storage, "_save", storage_down_once)
    ahmed = registers_taken[0]
    with caplog.at_level(logging.WARNING, logger="praxis.tasks"), commit():
        certificate = issue_certificate(
            kind=KIND, recipient=ahmed.member, params={"booking": ahmed.pk}, defer_pdf=True
        )
    assert failures, "the first attempt should have failed"
    assert any("failed on attempt 1 of 5" in record.getMessage() for record in caplog.records)
    certificate.refresh_from_db()
    assert certificate.is_ready and storage.exists(certificate.pdf.name)


@pytest.fixture
def preparing(finished_cohort, registers_taken, django_capture_on_commit_callbacks):
    """Ahmed's certificate, issued in bulk, its PDF not yet rendered by the worker."""
    ahmed = registers_taken[0]
    with django_capture_on_commit_callbacks(execute=False):
        return issue_certificate(
            kind=KIND, recipient=ahmed.member, params={"booking": ahmed.pk}, defer_pdf=True
        )


def test_staff_are_told_the_pdf_is_being_prepared_in_the_admin(preparing, client_for, staff):
    response = client_for(staff).get(reverse("certificate_admin:pdf", args=[preparing.pk]), follow=True)
    assert response.redirect_chain[0][0] == reverse("certificate_admin:inspect", args=[preparing.pk])
    assert f"The PDF of {preparing.serial} is still being prepared" in response.content.decode()


def test_verification_has_no_file_to_compare_with_until_the_pdf_is_ready(preparing, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("c.pdf", b"%PDF-1.7 not ours", content_type="application/pdf")
    page = client.post(preparing.get_verification_path(), {"file": upload}).content.decode()
    assert "still being prepared, so there is nothing to compare a file with yet" in page
    assert "<strong>The file is not the one we issued.</strong>" not in page
    assert "Our SHA-256 fingerprint" not in page


def test_my_bookings_links_a_past_place_to_its_certificate_and_cpd_record(
    finished_cohort, registers_taken, staff, commit, client_for
):
    with commit():
        issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    ahmed, *_, evans = registers_taken
    page = client_for(ahmed.member).get(reverse("bookings:list")).content.decode()
    record = CPDRecord.objects.get(booking=ahmed)
    assert "Certificate of attendance<span" in page
    assert f'href="{reverse("records:detail", args=[record.pk])}"' in page
    page = client_for(evans.member).get(reverse("bookings:list")).content.decode()
    assert "Certificate of attendance<span" not in page and "Your CPD record" not in page


def test_my_bookings_makes_the_same_queries_however_many_past_places(
    taught_course, staff, client_for, django_assert_max_num_queries, commit
):
    from tests.cms.factories import CourseCohortFactory

    member = UserFactory()
    client = client_for(member)

    def finished_place():
        cohort = CourseCohortFactory(
            course=taught_course,
            start_date=FINISHED_DAYS[0],
            end_date=FINISHED_DAYS[-1],
            session_dates=[day.isoformat() for day in FINISHED_DAYS],
        )
        (booking,) = book_confirmed_at(cohort, [member], FINISHED_BOOKED_AT)
        attend(cohort, booking, days=10, by=staff)
        with commit():
            issuing.issue_attendance_certificates(cohort, issued_by=staff)

    finished_place()
    client.get(reverse("bookings:list"))  # the calendar feed row is made on the first visit
    with django_assert_max_num_queries(20) as one:
        client.get(reverse("bookings:list"))
    for _ in range(3):
        finished_place()
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(reverse("bookings:list")).content.decode()
    assert page.count("Certificate of attendance<span") == 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_staff_issuing_at_once_make_one_certificate_and_one_draft_each(finished_cohort, five, staff):
    needs_row_locks()
    places = book_confirmed_at(finished_cohort, five, FINISHED_BOOKED_AT)
    for place in places:
        attend(finished_cohort, place, days=10, by=staff)

    outcomes = at_once(
        lambda _: issuing.issue_attendance_certificates(finished_cohort, issued_by=staff), [1, 2]
    )

    assert sum(o.issued for o in outcomes) == 5 and sum(o.already for o in outcomes) == 5
    assert sum(o.drafted for o in outcomes) == 5 and not any(o.refused for o in outcomes)
    assert Certificate.objects.of_kind(KIND).count() == 5
    assert CPDRecord.objects.filter(provider_confirmed=True).count() == 5
