import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps its rate limits (sign-ups, confirmation emails) in the cache; the test cache
    lives for the whole run, so each test starts with none used."""
    cache.clear()
    yield
    cache.clear()
