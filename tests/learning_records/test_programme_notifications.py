"""Emails through django-tasks (immediate in tests), sent once the change is committed."""

import datetime
from decimal import Decimal as D

import pytest

from django.core import mail
from django.utils import timezone

from learning_records.programme import services, tokens
from learning_records.programme.models import Enrolment
from learning_records.programme.services import project
from tests.learning_records.completion_fixtures import propose_plan
from tests.learning_records.programme_factories import days_ago

pytestmark = pytest.mark.django_db


def log(enrolment, days_back=10, activity="seminar"):
    return services.log_day(
        enrolment=enrolment, activity_type=activity, date=days_ago(days_back), days=D("1")
    )


def test_the_mentor_is_emailed_when_days_wait(enrolment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        log(enrolment)
    (email,) = mail.outbox
    assert email.to == [enrolment.mentor.email]
    assert enrolment.aspirant.display_name in email.subject
    assert "Seminar" in email.body
    assert f"http://testserver/my/mentoring/{enrolment.pk}/" in email.body


def test_nothing_is_sent_for_a_log_that_was_refused(enrolment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Exception):  # noqa: B017
        services.log_day(enrolment=enrolment, activity_type="seminar", date=days_ago(900), days=D("1"))
    assert callbacks == []
    assert mail.outbox == []


def test_the_mentor_gets_one_reminder_a_day_not_one_per_day_logged(
    enrolment, django_capture_on_commit_callbacks
):
    for days_back in (10, 11, 12):  # three requests, each committed on its own
        with django_capture_on_commit_callbacks(execute=True):
            log(enrolment, days_back)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].body.count("- Seminar") == 1  # what was waiting when it was sent
    # A day later, a new log reminds them again, listing everything waiting.
    Enrolment.objects.filter(pk=enrolment.pk).update(
        mentor_notified_at=timezone.now() - datetime.timedelta(hours=25)
    )
    with django_capture_on_commit_callbacks(execute=True):
        log(enrolment, 13)
    assert len(mail.outbox) == 2
    assert mail.outbox[1].body.count("- Seminar") == 4


def test_once_the_mentor_clears_the_queue_the_next_day_is_sent_straight_away(
    enrolment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        day = log(enrolment, 10)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_day(day=day, mentor=enrolment.mentor)
    with django_capture_on_commit_callbacks(execute=True):
        log(enrolment, 11)
    assert len(mail.outbox) == 2


def test_the_aspirant_is_emailed_when_a_day_is_queried(enrolment, django_capture_on_commit_callbacks):
    day = log(enrolment)
    with django_capture_on_commit_callbacks(execute=True):
        services.query_day(day=day, mentor=enrolment.mentor, comment="Which authority was this in?")
    (email,) = mail.outbox
    assert email.to == [enrolment.aspirant.email]
    assert "Which authority was this in?" in email.body
    assert f"/my/programme/{enrolment.pk}/days/{day.pk}/edit/" in email.body


def test_the_manager_is_emailed_a_working_link_when_a_plan_needs_agreement(
    enrolment, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = propose_plan(enrolment)
    (email,) = mail.outbox
    assert email.to == [enrolment.manager_email]
    assert "Redesigning the front door" in email.body
    link = next(line for line in email.body.splitlines() if "/agree/" in line)
    response = client.get(link.replace("http://testserver", ""))
    assert response.status_code == 200
    assert version.title in response.content.decode()


def test_the_manager_is_emailed_again_for_a_new_version(enrolment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        propose_plan(enrolment)
        propose_plan(enrolment, title="Redesigning the front door, version two")
    assert [m.to for m in mail.outbox] == [[enrolment.manager_email]] * 2
    assert "version 2" in mail.outbox[1].body


def test_the_aspirant_is_emailed_when_changes_are_asked_for(enrolment, django_capture_on_commit_callbacks):
    version = propose_plan(enrolment)
    with django_capture_on_commit_callbacks(execute=True):
        project.manager_decides(
            token=tokens.make_manager_token(version),
            decision="changes_requested",
            comment="Add a date for the pilot.",
        )
    (email,) = mail.outbox
    assert email.to == [enrolment.aspirant.email]
    assert "Add a date for the pilot." in email.body
