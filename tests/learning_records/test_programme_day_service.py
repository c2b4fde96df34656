"""Logging programme days through the service: every rule, against real requirement rows."""

import datetime
from decimal import Decimal as D

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cms.models import ActivityType, Phase
from learning_records.programme import services
from learning_records.programme.models import ProgrammeDay
from learning_records.programme.selectors import enrolment_progress
from tests.learning_records.programme_factories import (
    CohortFactory,
    EnrolmentFactory,
    MentorFactory,
    ProgrammeDayFactory,
    days_ago,
    make_programme,
)

pytestmark = pytest.mark.django_db


def log(enrolment, activity=ActivityType.MENTOR_AUTHORITY_DAY, date=None, days="1", **kwargs):
    return services.log_day(
        enrolment=enrolment, activity_type=activity, date=date or days_ago(30), days=D(days), **kwargs
    )


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


def log_on_separate_dates(enrolment, activity, lengths, start=60):
    for i, length in enumerate(lengths):
        log(enrolment, activity, date=days_ago(start + i), days=length)


@pytest.mark.parametrize(
    ("activity", "maximum", "lengths", "refused_length", "remaining"),
    [
        (ActivityType.MENTOR_AUTHORITY_DAY, 5, ["1"] * 5, "1", "none remain"),
        (ActivityType.MENTOR_AUTHORITY_DAY, 5, ["1"] * 5, "0.5", "none remain"),
        (ActivityType.MENTOR_AUTHORITY_DAY, 5, ["1"] * 4 + ["0.5"], "1", "half a day remains"),
        (ActivityType.MENTOR_VISIT_DAY, 2, ["1", "1"], "1", "none remain"),
        (ActivityType.MENTOR_VISIT_DAY, 2, ["1", "0.5"], "1", "half a day remains"),
    ],
)
def test_a_day_past_the_maximum_is_refused_saying_what_remains(
    enrolment, activity, maximum, lengths, refused_length, remaining
):
    log_on_separate_dates(enrolment, activity, lengths)
    with pytest.raises(ValidationError) as error:
        log(enrolment, activity, date=days_ago(10), days=refused_length)
    assert "past its maximum" in message(error.value)
    assert remaining in message(error.value)
    assert error.value.error_dict.keys() == {"activity_type"}
    assert ProgrammeDay.objects.filter(enrolment=enrolment, activity_type=activity).count() == len(lengths)


@pytest.mark.parametrize(
    ("activity", "lengths"),
    [
        (ActivityType.MENTOR_AUTHORITY_DAY, ["1"] * 5),
        (ActivityType.MENTOR_AUTHORITY_DAY, ["0.5"] * 10),
        (ActivityType.MENTOR_AUTHORITY_DAY, ["1"] * 4 + ["0.5", "0.5"]),
        (ActivityType.MENTOR_VISIT_DAY, ["1", "1"]),
        (ActivityType.MENTOR_VISIT_DAY, ["0.5", "1", "0.5"]),
    ],
)
def test_days_up_to_the_maximum_are_accepted(enrolment, activity, lengths):
    log_on_separate_dates(enrolment, activity, lengths)
    assert sum(enrolment.days.values_list("days", flat=True)) == sum(D(x) for x in lengths)


def test_no_maximum_means_no_limit(enrolment):
    log_on_separate_dates(enrolment, ActivityType.SEMINAR, ["1"] * 12)
    assert enrolment.days.count() == 12


@pytest.mark.parametrize("length", ["0", "1.5", "2", "0.25"])
def test_only_half_or_whole_days(enrolment, length):
    with pytest.raises(ValidationError) as error:
        log(enrolment, days=length)
    assert error.value.error_dict.keys() == {"days"}


def test_the_database_refuses_other_lengths_too(enrolment):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeDayFactory(enrolment=enrolment, days=D("1.5"))


def test_a_residential_is_one_entry_of_two_days_with_the_mentor_on_day_two(enrolment):
    day = log(enrolment, ActivityType.RESIDENTIAL, days="1")
    assert day.days == D("2")
    assert day.mentor_joined_on_day == 2
    assert day.last_date == day.date + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        log(enrolment, ActivityType.RESIDENTIAL, date=days_ago(90))
    assert "none remain" in message(error.value)


def test_a_residential_cannot_overlap_another_day(enrolment):
    log(enrolment, ActivityType.SEMINAR, date=days_ago(30))
    with pytest.raises(ValidationError) as error:
        log(enrolment, ActivityType.RESIDENTIAL, date=days_ago(31))
    assert "cannot hold more than one day" in message(error.value)


def test_two_half_days_share_a_date_but_not_three(enrolment):
    log(enrolment, ActivityType.SEMINAR, date=days_ago(5), days="0.5")
    log(enrolment, ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(5), days="0.5")
    with pytest.raises(ValidationError):
        log(enrolment, ActivityType.OFSTED_EXERCISE, date=days_ago(5), days="0.5")


@pytest.mark.parametrize(
    ("offset", "ok"),
    [
        (0, True),  # the cohort's first day
        (-1, False),  # the day before
        (364, True),  # the last day of the preparatory phase
        (365, False),  # the day after it
    ],
)
def test_preparatory_days_fall_in_the_preparatory_phase(enrolment, offset, ok):
    date = enrolment.cohort.start + datetime.timedelta(days=offset)
    if ok:
        assert log(enrolment, ActivityType.SEMINAR, date=date).phase == Phase.PREPARATORY
    else:
        with pytest.raises(ValidationError) as error:
            log(enrolment, ActivityType.SEMINAR, date=date)
        assert "Choose a date in the preparatory phase" in message(error.value)


def test_an_activity_not_in_the_current_phase_is_refused(enrolment):
    with pytest.raises(ValidationError) as error:
        log(enrolment, ActivityType.MENTORING)
    assert "“Mentor input” is not part of the preparatory phase" in message(error.value)


def test_withdrawal_stops_new_logs_and_keeps_the_record(enrolment):
    day = log(enrolment, ActivityType.SEMINAR)
    services.end_enrolment(enrolment=enrolment, status="withdrawn", on=days_ago(1), note="Moved job")
    with pytest.raises(ValidationError) as error:
        log(enrolment, ActivityType.SEMINAR, date=days_ago(3))
    assert "withdrew from the programme" in message(error.value)
    with pytest.raises(ValidationError):
        services.delete_day(day=day)
    assert ProgrammeDay.objects.filter(pk=day.pk).exists()
    enrolment.refresh_from_db()
    assert enrolment.status == "withdrawn"


def test_changing_a_day_is_checked_against_the_other_days(enrolment):
    log_on_separate_dates(enrolment, ActivityType.MENTOR_AUTHORITY_DAY, ["1"] * 4)
    half = log(enrolment, date=days_ago(20), days="0.5")
    # Changing this half day to a whole day reaches the maximum exactly: allowed.
    changed = services.change_day(
        day=half, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(20), days=D("1")
    )
    assert changed.days == 1
    seminar = log(enrolment, ActivityType.SEMINAR, date=days_ago(21))
    with pytest.raises(ValidationError) as error:
        services.change_day(
            day=seminar, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(21), days=D("0.5")
        )
    assert "none remain" in message(error.value)


def test_a_queried_day_goes_back_to_waiting_when_changed(enrolment):
    day = log(enrolment, ActivityType.SEMINAR)
    services.query_day(day=day, mentor=enrolment.mentor, comment="Which seminar was this?")
    day = services.change_day(
        day=day, activity_type=ActivityType.SEMINAR, date=day.date, days=D("1"), place="The Politics of Risk"
    )
    assert day.status == ProgrammeDay.Status.LOGGED
    assert day.query_comment == "Which seminar was this?"


def test_a_confirmed_day_cannot_be_changed_or_deleted(enrolment):
    day = log(enrolment, ActivityType.SEMINAR)
    services.confirm_day(day=day, mentor=enrolment.mentor)
    with pytest.raises(ValidationError):
        services.change_day(day=day, activity_type=ActivityType.SEMINAR, date=day.date, days=D("0.5"))
    with pytest.raises(ValidationError):
        services.delete_day(day=day)


def test_a_second_programme_with_other_limits_needs_no_code_change():
    programme = make_programme(
        requirements=[
            (ActivityType.MENTOR_AUTHORITY_DAY, Phase.PREPARATORY, "2", "3", False),
            (ActivityType.MENTOR_VISIT_DAY, Phase.PREPARATORY, "0", "1", True),
            (ActivityType.RESIDENTIAL, Phase.PREPARATORY, "2", "4", True),
        ],
        title="Practice Supervisor Development Programme",
    )
    enrolment = EnrolmentFactory(cohort=CohortFactory(programme=programme))
    log_on_separate_dates(enrolment, ActivityType.MENTOR_AUTHORITY_DAY, ["1", "1", "1"])
    with pytest.raises(ValidationError) as error:
        log(enrolment, ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(5), days="0.5")
    assert "maximum of 3 days" in message(error.value)
    log(enrolment, ActivityType.MENTOR_VISIT_DAY, date=days_ago(6))
    with pytest.raises(ValidationError) as error:
        log(enrolment, ActivityType.MENTOR_VISIT_DAY, date=days_ago(7), days="0.5")
    assert "maximum of 1 day" in message(error.value)
    # Two residentials fit this programme's maximum of 4 days.
    log(enrolment, ActivityType.RESIDENTIAL, date=days_ago(100))
    log(enrolment, ActivityType.RESIDENTIAL, date=days_ago(150))
    # Seminars are not one of its requirements.
    with pytest.raises(ValidationError) as error:
        log(enrolment, ActivityType.SEMINAR, date=days_ago(8))
    assert "not part of the preparatory phase" in message(error.value)


def test_moving_to_in_role_keeps_the_preparatory_record_and_logs_mentor_input(enrolment):
    prep_day = log(enrolment, ActivityType.SEMINAR)
    started = enrolment.cohort.preparatory_end + datetime.timedelta(days=10)
    services.move_to_in_role(enrolment=enrolment, started_on=started)
    enrolment.refresh_from_db()
    assert enrolment.phase == Phase.IN_ROLE
    day = log(enrolment, ActivityType.MENTORING, date=started + datetime.timedelta(days=3))
    assert day.phase == Phase.IN_ROLE
    prep_day.refresh_from_db()
    assert prep_day.phase == Phase.PREPARATORY
    # In-role dates run for the first year in role.
    with pytest.raises(ValidationError):
        log(enrolment, ActivityType.MENTORING, date=started + datetime.timedelta(days=366))
    with pytest.raises(ValidationError):
        log(enrolment, ActivityType.SEMINAR, date=started + datetime.timedelta(days=4))
    progress = enrolment_progress(enrolment)
    assert progress[Phase.PREPARATORY][1].progress.done == 1
    assert progress[Phase.IN_ROLE][0].progress.done == 1


def test_in_role_cannot_start_inside_the_preparatory_phase(enrolment):
    with pytest.raises(ValidationError) as error:
        services.move_to_in_role(enrolment=enrolment, started_on=enrolment.cohort.preparatory_end)
    assert "in_role_started_on" in error.value.error_dict


def test_enrol_refuses_a_mentor_from_the_same_authority(enrolment):
    other = MentorFactory(organisation=enrolment.aspirant.organisation)
    with pytest.raises(ValidationError) as error:
        services.enrol(
            cohort=CohortFactory(programme=enrolment.cohort.programme),
            aspirant=enrolment.aspirant,
            mentor=other,
            manager_name="Dana Marsh",
            manager_email="dana@council.example",
        )
    assert "The mentor must come from another authority" in error.value.message_dict["mentor_organisation"][0]


def test_enrol_takes_the_authorities_from_the_profiles(enrolment):
    new = services.enrol(
        cohort=CohortFactory(programme=enrolment.cohort.programme),
        aspirant=enrolment.aspirant,
        mentor=enrolment.mentor,
        manager_name="Dana Marsh",
        manager_email="dana@council.example",
    )
    assert new.aspirant_organisation == enrolment.aspirant.organisation
    assert new.mentor_organisation == enrolment.mentor.organisation


def test_enrol_refuses_the_aspirant_as_their_own_mentor(enrolment):
    with pytest.raises(ValidationError) as error:
        services.enrol(
            cohort=enrolment.cohort,
            aspirant=enrolment.mentor,
            mentor=enrolment.mentor,
            manager_name="Dana Marsh",
            manager_email="dana@council.example",
        )
    assert "different people" in error.value.message_dict["mentor"][0]
