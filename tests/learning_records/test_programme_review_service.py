"""The mentor confirms or queries days, and keeps the mentor log, through the services."""

import datetime
from decimal import Decimal as D

import pytest

from django.core.exceptions import ValidationError

from cms.models import ActivityType
from learning_records.programme import services
from learning_records.programme.models import MentorLogEntry, ProgrammeDay
from tests.learning_records.programme_factories import MentorLogEntryFactory, ProgrammeDayFactory, days_ago
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


@pytest.mark.parametrize(
    ("activity", "days", "offset", "ok"),
    [
        (ActivityType.SEMINAR, "1", -1, True),
        (ActivityType.SEMINAR, "1", 0, True),
        (ActivityType.SEMINAR, "1", 1, False),
        (ActivityType.SEMINAR, "0.5", 7, False),
        (ActivityType.RESIDENTIAL, "2", -1, True),
        (ActivityType.RESIDENTIAL, "2", 0, False),  # day 2 is tomorrow
    ],
)
def test_a_mentor_cannot_confirm_a_day_before_it_happens(enrolment, activity, days, offset, ok):
    today = days_ago(20)
    day = services.log_day(
        enrolment=enrolment,
        activity_type=activity,
        date=today + datetime.timedelta(days=offset),
        days=D(days),
    )
    if ok:
        assert services.confirm_day(day=day, mentor=enrolment.mentor, today=today).status == "confirmed"
    else:
        with pytest.raises(ValidationError) as error:
            services.confirm_day(day=day, mentor=enrolment.mentor, today=today)
        assert "has not happened yet" in error.value.messages[0]
        day.refresh_from_db()
        assert day.status == ProgrammeDay.Status.LOGGED


def test_only_the_mentor_confirms_or_queries(enrolment):
    day = ProgrammeDayFactory(enrolment=enrolment)
    for person in (enrolment.aspirant, UserFactory()):
        with pytest.raises(ValidationError):
            services.confirm_day(day=day, mentor=person)
        with pytest.raises(ValidationError):
            services.query_day(day=day, mentor=person, comment="?")


def test_a_query_needs_a_comment(enrolment):
    day = ProgrammeDayFactory(enrolment=enrolment)
    with pytest.raises(ValidationError) as error:
        services.query_day(day=day, mentor=enrolment.mentor, comment="   ")
    assert "comment" in error.value.error_dict


def test_a_queried_day_can_still_be_confirmed_but_a_confirmed_one_not_queried(enrolment):
    day = ProgrammeDayFactory(enrolment=enrolment)
    services.query_day(day=day, mentor=enrolment.mentor, comment="Was this a whole day?")
    assert services.confirm_day(day=day, mentor=enrolment.mentor).status == "confirmed"
    with pytest.raises(ValidationError):
        services.query_day(day=day, mentor=enrolment.mentor, comment="Again?")
    with pytest.raises(ValidationError):
        services.confirm_day(day=day, mentor=enrolment.mentor)


def log_values(**overrides):
    values = {
        "date": days_ago(3),
        "duration_minutes": 60,
        "mode": MentorLogEntry.Mode.PHONE,
        "focus": "Planning the Ofsted exercise",
        "notes": "",
        "agreed_actions": "",
        "visibility": MentorLogEntry.Visibility.PRIVATE,
    }
    return {**values, **overrides}


def test_the_mentor_logs_a_contact_in_the_current_phase(enrolment):
    entry = services.add_mentor_log_entry(enrolment=enrolment, mentor=enrolment.mentor, **log_values())
    assert entry.phase == "preparatory"
    assert entry.duration_display == "1 hour"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"date": datetime.date.today() + datetime.timedelta(days=1)}, "date"),
        ({"date": days_ago(400)}, "date"),
        ({"duration_minutes": 2}, "duration_minutes"),
        ({"focus": ""}, "focus"),
    ],
)
def test_mentor_log_entries_are_checked(enrolment, overrides, field):
    with pytest.raises(ValidationError) as error:
        services.add_mentor_log_entry(enrolment=enrolment, mentor=enrolment.mentor, **log_values(**overrides))
    assert field in error.value.error_dict


def test_only_the_mentor_writes_the_mentor_log(enrolment):
    with pytest.raises(ValidationError):
        services.add_mentor_log_entry(enrolment=enrolment, mentor=enrolment.aspirant, **log_values())
    entry = MentorLogEntryFactory(enrolment=enrolment)
    with pytest.raises(ValidationError):
        services.change_mentor_log_entry(entry=entry, mentor=enrolment.aspirant, **log_values())
    with pytest.raises(ValidationError):
        services.delete_mentor_log_entry(entry=entry, mentor=enrolment.aspirant)


def test_withdrawal_stops_new_mentor_log_entries_and_keeps_the_old(enrolment):
    entry = MentorLogEntryFactory(enrolment=enrolment)
    services.end_enrolment(enrolment=enrolment, status="withdrawn", on=days_ago(1))
    with pytest.raises(ValidationError) as error:
        services.add_mentor_log_entry(enrolment=enrolment, mentor=enrolment.mentor, **log_values())
    assert "withdrew" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.delete_mentor_log_entry(entry=entry, mentor=enrolment.mentor)
    assert MentorLogEntry.objects.filter(pk=entry.pk).exists()


def test_unknown_mentor_log_fields_are_a_programming_error(enrolment):
    with pytest.raises(TypeError):
        services.add_mentor_log_entry(
            enrolment=enrolment, mentor=enrolment.mentor, **log_values(enrolment_id=1)
        )
