"""Shared pytest fixtures. App-specific fixtures live in tests/<app>/conftest.py."""

import pytest

from tests.cms.factories import home_page


@pytest.fixture
def home(db):
    """The site's home page (created by a data migration)."""
    return home_page()
