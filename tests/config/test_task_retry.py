"""A failed task is logged and retried with backoff, on the immediate and the database backend."""

import datetime
import logging

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from config.task_retry import ATTEMPT_KWARG, backoff_delay
from tests.config import sample_tasks

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The worker commits as it claims and finishes each task, so these tests run outside a
# wrapping transaction (in one, PostgreSQL reported "connection is closed").
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def failures(monkeypatch):
    def set_failures(count: int) -> None:
        monkeypatch.setitem(sample_tasks.FAILURES_LEFT, "flaky", count)

    return set_failures


def retry_records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "praxis.tasks"]


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def make_due(result: DBTaskResult) -> None:
    DBTaskResult.objects.filter(pk=result.pk).update(run_after=timezone.now() - datetime.timedelta(seconds=1))


@pytest.mark.parametrize(
    ("attempt", "seconds"),
    [(1, 30), (2, 60), (3, 120), (4, 240)],
)
def test_each_retry_waits_twice_as_long(attempt, seconds):
    assert backoff_delay(attempt, 30) == datetime.timedelta(seconds=seconds)


def test_immediate_backend_retries_back_to_back_until_it_succeeds(failures, caplog):
    failures(2)
    with caplog.at_level(logging.WARNING, logger="praxis.tasks"):
        result = sample_tasks.flaky.enqueue(5)

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 10
    records = retry_records(caplog)
    assert [(r.levelno, r.attempt, r.will_retry) for r in records] == [
        (logging.WARNING, 1, True),
        (logging.WARNING, 2, True),
    ]
    assert records[0].task == "tests.config.sample_tasks.flaky"


def test_immediate_backend_gives_up_after_the_last_attempt_and_says_so(caplog):
    with caplog.at_level(logging.WARNING, logger="praxis.tasks"):
        result = sample_tasks.always_fails.enqueue(7)

    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class is sample_tasks.Unavailable
    records = retry_records(caplog)
    assert [(r.levelno, r.attempt) for r in records] == [
        (logging.WARNING, 1),
        (logging.WARNING, 2),
        (logging.ERROR, 3),
    ]
    assert "giving up" in records[-1].getMessage()
    assert records[-1].exc_info[0] is sample_tasks.Unavailable


@committing
def test_database_backend_stores_the_retry_for_later_with_backoff(settings, caplog):
    settings.TASKS = DATABASE_TASKS
    sample_tasks.always_fails.enqueue(7)
    first = DBTaskResult.objects.get()

    with caplog.at_level(logging.WARNING, logger="praxis.tasks"):
        started = timezone.now()
        run_worker()

    first.refresh_from_db()
    assert first.status == TaskResultStatus.FAILED
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs == {"args": [7], "kwargs": {ATTEMPT_KWARG: 2}}
    wait = retry.run_after - started
    assert datetime.timedelta(seconds=25) < wait < datetime.timedelta(seconds=40)
    # The worker ran in batch mode and left the retry alone: it is not due yet.
    assert [r.will_retry for r in retry_records(caplog)] == [True]

    make_due(retry)
    run_worker()
    third = DBTaskResult.objects.exclude(pk__in=[first.pk, retry.pk]).get()
    assert third.args_kwargs["kwargs"] == {ATTEMPT_KWARG: 3}
    assert third.run_after - timezone.now() > datetime.timedelta(seconds=50)

    make_due(third)
    with caplog.at_level(logging.WARNING, logger="praxis.tasks"):
        run_worker()
    assert DBTaskResult.objects.count() == 3, "the last attempt queues nothing more"
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.FAILED}
    assert retry_records(caplog)[-1].levelno == logging.ERROR


@committing
def test_database_backend_retry_succeeds_when_the_service_is_back(settings, failures):
    settings.TASKS = DATABASE_TASKS
    failures(1)
    sample_tasks.flaky.enqueue(21)
    run_worker()
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)

    make_due(retry)
    run_worker()

    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert retry.return_value == 42
