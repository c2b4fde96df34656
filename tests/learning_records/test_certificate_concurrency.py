"""Serial numbers stay unique and gap-free when certificates are issued at the same moment."""

import pytest

from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate
from tests.concurrency import at_once, needs_row_locks
from tests.members.factories import UserFactory

ISSUES = 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_issues_get_twenty_consecutive_serials(attendance_kind, attendance_params):
    needs_row_locks()
    members = [UserFactory() for _ in range(ISSUES)]

    serials = at_once(
        lambda member: (
            issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params).serial
        ),
        members,
    )

    numbers = sorted(int(serial.rsplit("-", 1)[1]) for serial in serials)
    assert numbers == list(range(1, ISSUES + 1))
    assert len(set(serials)) == ISSUES
    stored = Certificate.objects.order_by("serial_number")
    assert [c.serial_number for c in stored] == list(range(1, ISSUES + 1))
    assert len({c.verification_code for c in stored}) == ISSUES
    assert {c.recipient_id for c in stored} == {m.pk for m in members}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_requests_by_one_member_make_one_certificate(attendance_kind, attendance_params):
    needs_row_locks()
    member = UserFactory()

    results = at_once(  # the loser is refused; the test checks how
        lambda _: issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params).serial,
        [1, 2],
        refused=Exception,
    )

    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1
    assert "already issued" in str(refused[0])
    assert Certificate.objects.filter(recipient=member).count() == 1
