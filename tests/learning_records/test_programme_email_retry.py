"""A programme email that fails (the mail server is down) is logged and sent on a later attempt."""

import logging
import smtplib
from decimal import Decimal as D

import pytest

from django.core import mail
from django.core.mail.backends import locmem

from learning_records.programme import services, tasks
from learning_records.programme.models import Enrolment
from tests.learning_records.programme_factories import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(monkeypatch):
    """The next `count` emails fail at the email backend as an unreachable SMTP server would;
    later ones go out."""
    real_send_messages = locmem.EmailBackend.send_messages
    failures = {"left": 0}

    def send_messages(backend, messages):
        if failures["left"]:
            failures["left"] -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return real_send_messages(backend, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", send_messages)

    def down_for(count: int) -> None:
        failures["left"] = count

    return down_for


def log_a_day(enrolment, capture):
    with capture(execute=True):
        services.log_day(enrolment=enrolment, activity_type="seminar", date=days_ago(10), days=D("1"))


def retry_log(caplog) -> list[tuple[int, int]]:
    return [(r.levelno, r.attempt) for r in caplog.records if r.name == "praxis.tasks"]


def test_the_mentor_reminder_goes_out_on_the_next_attempt(
    enrolment, mail_server_down, django_capture_on_commit_callbacks, caplog
):
    mail_server_down(2)
    with caplog.at_level(logging.WARNING, logger="praxis.tasks"):
        log_a_day(enrolment, django_capture_on_commit_callbacks)

    (email,) = mail.outbox
    assert email.to == [enrolment.mentor.email]
    assert retry_log(caplog) == [(logging.WARNING, 1), (logging.WARNING, 2)]
    enrolment.refresh_from_db()
    assert enrolment.mentor_notified_at is not None


def test_a_reminder_never_sent_is_not_counted_as_sent(
    enrolment, mail_server_down, django_capture_on_commit_callbacks, caplog
):
    mail_server_down(tasks.EMAIL_ATTEMPTS)
    with caplog.at_level(logging.WARNING, logger="praxis.tasks"):
        log_a_day(enrolment, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert retry_log(caplog)[-1] == (logging.ERROR, tasks.EMAIL_ATTEMPTS)
    assert Enrolment.objects.get(pk=enrolment.pk).mentor_notified_at is None
    # So the next day logged reminds the mentor straight away, once the server is back.
    with django_capture_on_commit_callbacks(execute=True):
        services.log_day(enrolment=enrolment, activity_type="seminar", date=days_ago(11), days=D("1"))
    assert len(mail.outbox) == 1


def test_a_queried_day_email_is_retried_too(enrolment, mail_server_down, django_capture_on_commit_callbacks):
    day = services.log_day(enrolment=enrolment, activity_type="seminar", date=days_ago(10), days=D("1"))
    mail.outbox.clear()
    mail_server_down(1)
    with django_capture_on_commit_callbacks(execute=True):
        services.query_day(day=day, mentor=enrolment.mentor, comment="Which authority was this in?")

    (email,) = mail.outbox
    assert email.to == [enrolment.aspirant.email]
