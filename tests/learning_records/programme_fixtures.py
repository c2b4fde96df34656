"""Fixtures for the programme tests (imported by tests/learning_records/conftest.py)."""

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from tests.learning_records.programme_factories import EnrolmentFactory
from tests.members.factories import UserFactory


@pytest.fixture
def enrolment(db):
    """An active preparatory-phase enrolment on the standard programme."""
    return EnrolmentFactory()


@pytest.fixture
def client_for(db):
    """A test client logged in as the given user."""

    def _client_for(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _client_for


@pytest.fixture
def stranger(db):
    """A member with no part in anyone's programme."""
    return UserFactory()


@pytest.fixture
def staff(db):
    """Someone in the "Programme staff" group (which the data migration makes)."""
    user = UserFactory(email="staff@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Programme staff"))
    return user
