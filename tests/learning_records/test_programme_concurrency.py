"""Two requests logging the 5th day in the mentor's authority at the same moment: exactly 5 days.

Needs real row locks, so it runs on PostgreSQL only: SQLite has no SELECT ... FOR UPDATE and a
single writer, so the race cannot be staged there.
"""

import contextlib
import threading
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.db import connection, connections

from cms.models import ActivityType
from learning_records.programme.models import ProgrammeDay
from learning_records.programme.services import days as services
from tests.learning_records.programme_factories import EnrolmentFactory, ProgrammeDayFactory, days_ago

pytestmark = [
    # serialized_rollback keeps the home page the data migrations made, which the pages need.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL; set DATABASE_URL to run this.",
    ),
]


def test_two_requests_for_the_fifth_day_end_with_exactly_five(monkeypatch):
    enrolment = EnrolmentFactory()
    for i in range(4):
        ProgrammeDayFactory(
            enrolment=enrolment, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(40 + i)
        )

    # Hold both threads at the point where each has read the total, so without the lock both
    # would see 4 days and both would write a 5th.
    both_ready = threading.Barrier(2, timeout=10)
    original_check = services._check_day

    def check_then_wait(**kwargs):
        result = original_check(**kwargs)
        # Times out when the other thread is blocked on the row lock, as it should be.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_ready.wait(timeout=2)
        return result

    monkeypatch.setattr(services, "_check_day", check_then_wait)
    outcomes = []

    def log(days_back):
        try:
            services.log_day(
                enrolment=enrolment,
                activity_type=ActivityType.MENTOR_AUTHORITY_DAY,
                date=days_ago(days_back),
                days=Decimal("1"),
            )
            outcomes.append("logged")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=log, args=(n,)) for n in (10, 11)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(outcomes) == 2
    assert outcomes.count("logged") == 1
    refused = next(o for o in outcomes if o != "logged")
    assert "none remain" in refused
    total = sum(ProgrammeDay.objects.filter(enrolment=enrolment).values_list("days", flat=True))
    assert total == Decimal("5")


def test_without_the_lock_the_race_would_be_lost(monkeypatch):
    """Guards the test above: with the lock removed, the same staging writes a 6th day."""
    enrolment = EnrolmentFactory()
    for i in range(4):
        ProgrammeDayFactory(
            enrolment=enrolment, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(40 + i)
        )
    monkeypatch.setattr(
        services, "_locked", lambda e: type(e).objects.select_related("cohort__programme").get(pk=e.pk)
    )
    both_ready = threading.Barrier(2, timeout=10)
    original_check = services._check_day

    def check_then_wait(**kwargs):
        result = original_check(**kwargs)
        both_ready.wait()
        return result

    monkeypatch.setattr(services, "_check_day", check_then_wait)

    def log(days_back):
        try:
            services.log_day(
                enrolment=enrolment,
                activity_type=ActivityType.MENTOR_AUTHORITY_DAY,
                date=days_ago(days_back),
                days=Decimal("1"),
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=log, args=(n,)) for n in (10, 11)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert ProgrammeDay.objects.filter(enrolment=enrolment).count() == 6
