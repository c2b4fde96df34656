import pytest

from learning_records.certificates import register_kind, unregister_kind
from learning_records.services.certificates import issue_certificate
from tests.learning_records.certificate_kinds import ExampleAttendanceKind
from tests.members.factories import UserFactory


@pytest.fixture
def attendance_kind():
    kind = register_kind(ExampleAttendanceKind())
    yield kind
    unregister_kind(kind.code)


@pytest.fixture
def attendance_params():
    return {
        "course": "Systemic practice",
        "days_required": 13,
        "days_attended": 14,
        "sessions": [
            ["12 January 2026", "Introducing systemic ideas", "6"],
            ["19 January 2026", "Genograms", "6"],
        ],
        "standards": ["4.1", "4.2"],
    }


@pytest.fixture
def member(db):
    return UserFactory(first_name="Priya", last_name="Shah", email="priya@example.org")


@pytest.fixture
def certificate(attendance_kind, attendance_params, member):
    """A certificate issued to `member` through the real service."""
    return issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
