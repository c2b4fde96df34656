"""While Redis is unreachable the site carries on from the database (config/cache_backends.py):
pages render, members stay signed in through their session rows, and the outage is logged."""

import pytest

from django.core.cache import cache

from config.settings.cache import caches
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every call is a real "connection refused" from the Redis client.
UNREACHABLE = "redis://127.0.0.1:1"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = caches(UNREACHABLE)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PRAXIS_PAGE_CACHE = True


def test_the_cache_answers_as_an_empty_one(redis_down, caplog):
    assert cache.get("anything", "fallback") == "fallback"
    assert cache.add("key", 1) is False
    cache.set("key", 1)
    assert cache.get_many(["key", "other"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete("key") is False
    assert "Redis unreachable during cache get (ConnectionError)" in caplog.text


def test_pages_render_and_members_stay_signed_in(redis_down, home, client):
    assert client.get("/").status_code == 200

    member = UserFactory()
    client.force_login(member)
    response = client.get("/my/")

    assert response.status_code == 200
    assert response.context["user"] == member
