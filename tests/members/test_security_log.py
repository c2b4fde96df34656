"""Security events reach the `praxis.security` logger as one JSON object per line."""

import json
import logging

import pytest
from allauth.account.models import EmailAddress

from django.urls import reverse

from members.models import User
from tests.members.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(caplog):
    caplog.set_level(logging.INFO, logger="praxis.security")

    def logged(*, logins: bool = True) -> list[dict]:
        entries = [json.loads(r.getMessage()) for r in caplog.records if r.name == "praxis.security"]
        # force_login fires user_logged_in too; tests about other events leave those out.
        return [e for e in entries if logins or not e["event"].startswith("login.")]

    return logged


@pytest.fixture
def member(db):
    user = UserFactory(email="jo@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(client, email, password, ip="203.0.113.7", **headers):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip, **headers
    )


def test_a_login_is_logged_with_the_account_and_address(client, member, events):
    assert log_in(client, "jo@example.org", DEFAULT_PASSWORD).status_code == 302

    [entry] = events()
    assert entry["event"] == "login.success"
    assert entry["user_id"] == member.pk
    assert entry["ip"] == "203.0.113.7"
    assert entry["path"] == reverse("account_login")


def test_a_failed_login_names_the_account_by_id_never_by_email(client, member, events, caplog):
    log_in(client, "JO@example.org", "wrong")

    [entry] = events()
    assert entry["event"] == "login.failure"
    assert entry["user_id"] == member.pk
    assert "jo@example.org" not in caplog.text.lower()
    assert [r.levelno for r in caplog.records if r.name == "praxis.security"] == [logging.WARNING]


def test_a_failed_login_for_no_account_carries_only_a_hash_of_the_address(client, events, caplog):
    log_in(client, "nobody@example.org", "wrong")
    log_in(client, "Nobody@example.org ", "wrong")

    first, second = events()
    assert "user_id" not in first
    assert first["email_hash"] == second["email_hash"]
    assert len(first["email_hash"]) == 16
    assert "nobody" not in caplog.text.lower()


def test_the_address_behind_a_trusted_proxy_is_logged(client, member, events, settings):
    settings.PRAXIS_TRUSTED_PROXY_COUNT = 1
    log_in(client, "jo@example.org", "wrong", ip="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")

    assert events()[0]["ip"] == "198.51.100.9"


def test_a_lockout_is_logged(client, member, events, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(3):
        log_in(client, "jo@example.org", "wrong")

    locked = [entry for entry in events() if entry["event"] == "login.locked_out"]
    assert locked and locked[0]["user_id"] == member.pk


def test_downloading_my_data_is_logged(client, member, events):
    client.force_login(member)
    response = client.get(reverse("members:download_data"))
    assert response.status_code == 200

    assert [(e["event"], e["user_id"]) for e in events(logins=False)] == [("data.download", member.pk)]


def test_deleting_an_account_is_logged_after_it_is_gone(client, member, events):
    client.force_login(member)
    member_id = member.pk
    response = client.post(reverse("members:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member_id).exists()

    assert [(e["event"], e["user_id"]) for e in events(logins=False)] == [("account.deleted", member_id)]


def test_a_refused_deletion_is_not_logged_as_one(client, member, events):
    client.force_login(member)
    client.post(reverse("members:delete_account"), {"password": "wrong", "confirm": "on"})

    assert events(logins=False) == []
