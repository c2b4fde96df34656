"""Serial numbers stay unique and gap-free when certificates are issued at the same moment."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from django.db import connection

from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate
from tests.members.factories import UserFactory

ISSUES = 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_issues_get_twenty_consecutive_serials(attendance_kind, attendance_params):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs row locks across connections: SQLite serialises all writers with a file lock instead."
        )
    members = [UserFactory() for _ in range(ISSUES)]
    start = threading.Barrier(ISSUES)

    def issue(member):
        try:
            start.wait(timeout=30)
            return issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params).serial
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=ISSUES) as pool:
        serials = list(pool.map(issue, members))

    numbers = sorted(int(serial.rsplit("-", 1)[1]) for serial in serials)
    assert numbers == list(range(1, ISSUES + 1))
    assert len(set(serials)) == ISSUES
    stored = Certificate.objects.order_by("serial_number")
    assert [c.serial_number for c in stored] == list(range(1, ISSUES + 1))
    assert len({c.verification_code for c in stored}) == ISSUES
    assert {c.recipient_id for c in stored} == {m.pk for m in members}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_requests_by_one_member_make_one_certificate(attendance_kind, attendance_params):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs row locks across connections: SQLite serialises all writers with a file lock instead."
        )
    member = UserFactory()
    start = threading.Barrier(2)

    def issue(_):
        try:
            start.wait(timeout=30)
            return issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params).serial
        except Exception as error:  # the loser is refused; the test checks how
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(issue, range(2)))

    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1
    assert "already issued" in str(refused[0])
    assert Certificate.objects.filter(recipient=member).count() == 1
