import pytest

from django.core.cache import cache

from learning_records.certificates.kinds import register_kind, unregister_kind
from learning_records.certificates.services import issue_certificate
from tests.learning_records.booking_fixtures import *  # noqa: F403
from tests.learning_records.certificate_kinds import ExampleAttendanceKind
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.programme_fixtures import *  # noqa: F403
from tests.members.factories import UserFactory


@pytest.fixture
def member(db):
    return UserFactory(email="member@example.org", first_name="Priya", last_name="Shah")


@pytest.fixture
def other_member(db):
    return UserFactory(email="other@example.org")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def record(member):
    return CPDRecordFactory(member=member, with_peer=True)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Each test stores evidence files in a folder of its own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths and allauth its rate limits in the cache, which lives for
    the whole run; pages made and rolled back here must not leak into later (browser) tests."""
    yield
    cache.clear()


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
def certificate(attendance_kind, attendance_params, member):
    """A certificate issued to `member` through the real service."""
    return issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
