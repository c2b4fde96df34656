"""Failed logins are throttled per account and per address (django-axes), with a clear message."""

import pytest

from django.urls import reverse

from tests.members.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def attempt(client, email, password="wrong", ip="10.0.0.1"):  # noqa: S107
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def test_an_account_is_locked_after_repeated_failures_from_anywhere(client):
    UserFactory(email="jo@example.org")
    for n in range(3):
        attempt(client, "jo@example.org", ip=f"10.0.0.{n + 1}")
    response = attempt(client, "JO@example.org", password=DEFAULT_PASSWORD, ip="10.0.0.9")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts to log in" in html
    assert "15 minutes" in html
    assert "reset your password" in html


def test_an_address_is_locked_after_failures_against_many_accounts(client):
    UserFactory(email="target@example.org")
    for n in range(3):
        attempt(client, f"guess{n}@example.org", ip="10.9.9.9")
    response = attempt(client, "target@example.org", password=DEFAULT_PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429


def test_success_before_the_limit_resets_the_count(client):
    UserFactory(email="jo@example.org")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user_id=UserFactory._meta.model.objects.get().pk, email="jo@example.org", verified=True
    )
    attempt(client, "jo@example.org")
    attempt(client, "jo@example.org")
    assert attempt(client, "jo@example.org", password=DEFAULT_PASSWORD).status_code == 302
    client.post(reverse("account_logout"))
    attempt(client, "jo@example.org")
    assert attempt(client, "jo@example.org", password=DEFAULT_PASSWORD).status_code == 302
