import pytest

from tests.learning_records.factories import CPDRecordFactory
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
