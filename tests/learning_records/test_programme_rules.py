"""Table tests for the programme rules (learning_records/programme/rules.py). No database."""

import datetime
from decimal import Decimal as D

import pytest

from learning_records.programme import rules

MAR_1 = datetime.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("0"), "no days"),
        (D("0.5"), "half a day"),
        (D("1"), "1 day"),
        (D("1.0"), "1 day"),
        (D("2.5"), "2.5 days"),
        (D("10"), "10 days"),
    ],
)
def test_format_days(value, text):
    assert rules.format_days(value) == text


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(45, "45 minutes"), (60, "1 hour"), (90, "1 hour 30 minutes"), (121, "2 hours 1 minute")],
)
def test_describe_duration(minutes, text):
    assert rules.describe_duration(minutes) == text


@pytest.mark.parametrize(
    ("activity", "days", "ok"),
    [
        ("seminar", D("0.5"), True),
        ("seminar", D("1"), True),
        ("seminar", D("1.5"), False),
        ("seminar", D("2"), False),
        ("seminar", D("0"), False),
        ("seminar", None, False),
        ("mentor_authority_day", D("0.5"), True),
        ("residential", D("2"), True),
        ("residential", D("1"), False),
    ],
)
def test_day_length(activity, days, ok):
    assert (rules.day_length_problem(activity, days) is None) is ok


def test_a_residential_is_two_days_and_the_mentor_joins_on_day_two():
    assert rules.entry_length("residential", D("1")) == D("2")
    assert rules.entry_length("residential", None) == D("2")
    assert rules.mentor_joined_on_day("residential") == 2
    assert rules.entry_length("seminar", D("0.5")) == D("0.5")
    assert rules.mentor_joined_on_day("seminar") is None


@pytest.mark.parametrize(
    ("max_days", "logged", "new", "remaining_text"),
    [
        # Days in the mentor's authority: at most 5.
        (D("5"), D("4"), D("1"), None),
        (D("5"), D("4.5"), D("0.5"), None),
        (D("5"), D("5"), D("0.5"), "none remain"),
        (D("5"), D("5"), D("1"), "none remain"),
        (D("5"), D("4.5"), D("1"), "half a day remains"),
        (D("5"), D("4"), D("1"), None),
        # Mentor days in the aspirant's own authority: at most 2.
        (D("2"), D("1"), D("1"), None),
        (D("2"), D("2"), D("1"), "none remain"),
        (D("2"), D("1.5"), D("1"), "half a day remains"),
        (D("2"), D("0"), D("0.5"), None),
        # A residential of 2 days against a maximum of 2.
        (D("2"), D("0"), D("2"), None),
        (D("2"), D("2"), D("2"), "none remain"),
        # Another programme's limit of 3.
        (D("3"), D("1"), D("1"), None),
        (D("3"), D("2"), D("0.5"), None),
        (D("4"), D("2"), D("3"), "2 days remain"),
        # No maximum.
        (None, D("40"), D("1"), None),
    ],
)
def test_maximum(max_days, logged, new, remaining_text):
    problem = rules.maximum_problem(
        label="Day in the mentor's authority", max_days=max_days, logged=logged, new_days=new
    )
    if remaining_text is None:
        assert problem is None
    else:
        assert remaining_text in problem
        assert "past its maximum" in problem


def test_maximum_message_says_what_is_logged_and_what_remains():
    problem = rules.maximum_problem(
        label="Day in the mentor's authority", max_days=D("5"), logged=D("5"), new_days=D("1")
    )
    assert problem == (
        "That would take “Day in the mentor's authority” past its maximum of 5 days. "
        "You have logged 5 days, so none remain."
    )


@pytest.mark.parametrize(
    ("phase", "in_role", "window"),
    [
        ("preparatory", None, (datetime.date(2026, 1, 5), datetime.date(2026, 12, 18))),
        ("in_role", None, None),
        ("in_role", datetime.date(2027, 1, 11), (datetime.date(2027, 1, 11), datetime.date(2028, 1, 10))),
        ("in_role", datetime.date(2028, 2, 29), (datetime.date(2028, 2, 29), datetime.date(2029, 2, 27))),
    ],
)
def test_phase_window(phase, in_role, window):
    assert (
        rules.phase_window(
            phase,
            cohort_start=datetime.date(2026, 1, 5),
            preparatory_end=datetime.date(2026, 12, 18),
            in_role_started_on=in_role,
        )
        == window
    )


WINDOW = (datetime.date(2026, 1, 5), datetime.date(2026, 12, 18))


@pytest.mark.parametrize(
    ("start", "days", "ok"),
    [
        (datetime.date(2026, 1, 5), D("1"), True),
        (datetime.date(2026, 1, 4), D("1"), False),
        (datetime.date(2026, 12, 18), D("0.5"), True),
        (datetime.date(2026, 12, 19), D("1"), False),
        (datetime.date(2026, 12, 17), D("2"), True),
        # A residential starting on the last day would end after the phase.
        (datetime.date(2026, 12, 18), D("2"), False),
    ],
)
def test_date_in_phase(start, days, ok):
    problem = rules.date_in_phase_problem(
        start=start, days=days, phase_label="Preparatory phase", window=WINDOW
    )
    assert (problem is None) is ok
    if not ok:
        assert (
            problem
            == "Choose a date in the preparatory phase, which runs from 5 January 2026 to 18 December 2026."
        )


def test_date_in_a_phase_with_no_dates():
    assert "has no dates yet" in rules.date_in_phase_problem(
        start=MAR_1, days=D("1"), phase_label="In-role phase", window=None
    )


@pytest.mark.parametrize(
    ("start", "days", "today", "ok"),
    [
        (MAR_1, D("1"), MAR_1, True),
        (MAR_1, D("1"), MAR_1 - datetime.timedelta(days=1), False),
        (MAR_1, D("0.5"), MAR_1 + datetime.timedelta(days=30), True),
        # A residential can be confirmed once its second day has come.
        (MAR_1, D("2"), MAR_1, False),
        (MAR_1, D("2"), MAR_1 + datetime.timedelta(days=1), True),
    ],
)
def test_confirmation_only_once_the_day_has_happened(start, days, today, ok):
    problem = rules.confirmation_problem(last_date=rules.last_day_of(start, days), today=today)
    assert (problem is None) is ok


@pytest.mark.parametrize(
    ("status", "ended_on", "text"),
    [
        ("active", None, None),
        (
            "withdrawn",
            datetime.date(2026, 5, 1),
            "The aspirant withdrew from the programme on 1 May 2026, so nothing new",
        ),
        ("completed", datetime.date(2027, 1, 1), "The aspirant completed the programme on 1 January 2027"),
    ],
)
def test_withdrawal_and_completion_stop_new_logs(status, ended_on, text):
    problem = rules.logging_closed_problem(status=status, ended_on=ended_on)
    if text is None:
        assert problem is None
    else:
        assert problem.startswith(text)
        assert "The record is kept." in problem


@pytest.mark.parametrize(
    ("existing", "start", "days", "ok"),
    [
        ([], MAR_1, D("1"), True),
        ([(MAR_1, D("0.5"))], MAR_1, D("0.5"), True),
        ([(MAR_1, D("0.5"))], MAR_1, D("1"), False),
        ([(MAR_1, D("1"))], MAR_1, D("0.5"), False),
        # A residential the day before covers this date too.
        ([(MAR_1 - datetime.timedelta(days=1), D("2"))], MAR_1, D("0.5"), False),
        ([(MAR_1 + datetime.timedelta(days=1), D("0.5"))], MAR_1, D("2"), False),
        ([(MAR_1 + datetime.timedelta(days=2), D("1"))], MAR_1, D("2"), True),
    ],
)
def test_a_date_holds_at_most_one_day(existing, start, days, ok):
    assert (rules.daily_capacity_problem(existing=existing, start=start, days=days) is None) is ok


def enrolment_kwargs(**overrides):
    values = {
        "aspirant_id": 1,
        "mentor_id": 2,
        "aspirant_organisation_id": 10,
        "mentor_organisation_id": 20,
        "organisation_name": "Northshire County Council",
        "phase": "preparatory",
        "in_role_started_on": None,
        "preparatory_end": datetime.date(2026, 12, 18),
        "status": "active",
        "ended_on": None,
        "enrolled_on": datetime.date(2026, 1, 5),
    }
    return {**values, **overrides}


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({}, None, None),
        ({"mentor_id": 1}, "mentor", "The aspirant and the mentor must be different people."),
        (
            {"mentor_organisation_id": 10},
            "mentor_organisation",
            "The mentor must come from another authority: both are from Northshire County Council.",
        ),
        ({"phase": "in_role"}, "in_role_started_on", "Give the date"),
        (
            {"phase": "in_role", "in_role_started_on": datetime.date(2026, 12, 18)},
            "in_role_started_on",
            "after",
        ),
        ({"phase": "in_role", "in_role_started_on": datetime.date(2026, 12, 19)}, None, None),
        ({"status": "withdrawn"}, "ended_on", "Give the date"),
        (
            {"status": "withdrawn", "ended_on": datetime.date(2025, 1, 1)},
            "ended_on",
            "before the aspirant enrolled",
        ),
        ({"status": "withdrawn", "ended_on": datetime.date(2026, 6, 1)}, None, None),
    ],
)
def test_enrolment_problems(overrides, field, text):
    problems = rules.enrolment_problems(**enrolment_kwargs(**overrides))
    if field is None:
        assert problems == {}
    else:
        assert text in problems[field]


@pytest.mark.parametrize(
    ("min_days", "max_days", "done", "confirmed", "expected"),
    [
        (
            "3",
            "5",
            "0",
            "0",
            {"still_needed": "3", "can_still_log": "5", "over_minimum": "0", "is_met": False},
        ),
        (
            "3",
            "5",
            "3",
            "1",
            {
                "still_needed": "0",
                "can_still_log": "2",
                "over_minimum": "0",
                "is_met": True,
                "is_confirmed": False,
            },
        ),
        (
            "3",
            "5",
            "4.5",
            "4.5",
            {"over_minimum": "1.5", "can_still_log": "0.5", "is_confirmed": True, "at_maximum": False},
        ),
        ("3", "5", "5", "5", {"can_still_log": "0", "at_maximum": True, "waiting": "0"}),
        ("0", "2", "0", "0", {"is_met": True, "still_needed": "0"}),
        (
            "8",
            None,
            "9",
            "7",
            {"can_still_log": None, "over_minimum": "1", "waiting": "2", "at_maximum": False},
        ),
    ],
)
def test_progress(min_days, max_days, done, confirmed, expected):
    progress = rules.progress_for(
        min_days=D(min_days),
        max_days=None if max_days is None else D(max_days),
        done=D(done),
        confirmed=D(confirmed),
    )
    for name, value in expected.items():
        actual = getattr(progress, name)
        assert actual == (D(value) if isinstance(value, str) else value), name


def test_progress_with_nothing_logged():
    progress = rules.progress_for(min_days=D("2"), max_days=D("2"), done=None, confirmed=None)
    assert progress.done == 0
    assert progress.confirmed == 0


@pytest.mark.parametrize(
    ("decisions", "status"),
    [
        ({}, "awaiting"),
        ({"aspirant": "agreed"}, "awaiting"),
        ({"aspirant": "agreed", "mentor": "agreed"}, "awaiting"),
        ({"aspirant": "agreed", "mentor": "agreed", "manager": "agreed"}, "agreed"),
        ({"aspirant": "agreed", "mentor": "changes_requested"}, "changes_requested"),
        ({"aspirant": "agreed", "mentor": "agreed", "manager": "changes_requested"}, "changes_requested"),
    ],
)
def test_agreement_status(decisions, status):
    assert rules.agreement_status(decisions) == status


def signature(**overrides):
    values = {
        "title": "Front door redesign",
        "aim": "Fewer repeat referrals.",
        "need": "Repeat referrals are high.",
        "planned_outcomes": "A 20% drop.",
        "milestones": [("Scoping", datetime.date(2026, 4, 1))],
    }
    return rules.plan_signature(**{**values, **overrides})


@pytest.mark.parametrize(
    ("overrides", "changed"),
    [
        ({}, False),
        ({"title": "  Front  door redesign "}, False),
        ({"title": "Front door review"}, True),
        ({"aim": "Fewer referrals."}, True),
        ({"milestones": [("Scoping", datetime.date(2026, 4, 2))]}, True),
        (
            {"milestones": [("Scoping", datetime.date(2026, 4, 1)), ("Pilot", datetime.date(2026, 6, 1))]},
            True,
        ),
    ],
)
def test_an_edit_to_the_plan_is_a_change(overrides, changed):
    assert (signature(**overrides) != signature()) is changed
