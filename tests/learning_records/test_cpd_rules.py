"""The CPD rules as tables of cases (no database)."""

import datetime
from decimal import Decimal

import pytest

from learning_records.cpd import rules

D = datetime.date
TODAY = D(2026, 11, 23)


@pytest.mark.parametrize(
    ("date", "year", "name"),
    [
        (D(2025, 11, 30), 2025, "2024-25"),  # last day of a year
        (D(2025, 12, 1), 2026, "2025-26"),  # first day of the next
        (D(2025, 12, 31), 2026, "2025-26"),
        (D(2026, 1, 1), 2026, "2025-26"),
        (D(2026, 11, 30), 2026, "2025-26"),
        (D(2026, 12, 1), 2027, "2026-27"),
        (D(2024, 2, 29), 2024, "2023-24"),  # leap day
        (D(2028, 2, 29), 2028, "2027-28"),
        (D(1999, 12, 1), 2000, "1999-00"),  # century turn
    ],
)
def test_registration_year_of_a_date(date, year, name):
    assert rules.registration_year_of(date) == year
    assert rules.year_name(year) == name
    start, end = rules.year_bounds(year)
    assert start <= date <= end


@pytest.mark.parametrize(
    ("year", "start", "end", "length"),
    [(2024, D(2023, 12, 1), D(2024, 11, 30), 366), (2026, D(2025, 12, 1), D(2026, 11, 30), 365)],
)
def test_year_bounds_include_leap_years(year, start, end, length):
    assert rules.year_bounds(year) == (start, end)
    assert (end - start).days + 1 == length


@pytest.mark.parametrize(
    ("name", "year"),
    [("2025-26", 2026), ("1999-00", 2000), ("2025-27", None), ("2025", None), ("abcd-ef", None), ("", None)],
)
def test_parse_year_name(name, year):
    assert rules.parse_year_name(name) == year


@pytest.mark.parametrize(
    ("today", "left"),
    [(D(2026, 11, 23), 7), (D(2026, 11, 30), 0), (D(2026, 12, 1), 0), (D(2025, 12, 1), 364)],
)
def test_days_left_to_30_november(today, left):
    assert rules.days_left(2026, today) == left


@pytest.mark.parametrize(
    ("role", "date", "learning", "counts"),
    [
        ("manager", D(2026, 3, 1), "We talked.", True),
        ("", D(2026, 3, 1), "We talked.", False),
        ("manager", None, "We talked.", False),
        ("manager", D(2026, 3, 1), "   ", False),
    ],
)
def test_peer_reflection_needs_role_date_and_learning(role, date, learning, counts):
    assert rules.has_peer_reflection(role, date, learning) is counts


MARCH_1 = D(2026, 3, 1)


def facts(submitted=True, start=MARCH_1, end=None, peer=False, hours=Decimal("3")):
    return rules.RecordFacts(
        submitted=submitted, start_date=start, end_date=end, has_peer_reflection=peer, hours=hours
    )


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (facts(), None),
        (facts(submitted=False), "Draft: it counts once you complete and submit it."),
        (facts(start=None), "No date: add the date of the activity."),
        (
            facts(start=D(2026, 11, 25)),
            "Dated in the future (25 November 2026): it counts once the activity has ended.",
        ),
        (facts(start=D(2025, 11, 30)), "Ended on 30 November 2025, so it counts towards 2024-25 instead."),
        (
            facts(start=D(2026, 11, 1), end=D(2026, 12, 2)),
            "Dated in the future (2 December 2026): it counts once the activity has ended.",
        ),
        (facts(start=D(2025, 11, 20), end=D(2025, 12, 1)), None),  # counted once, in the year it ended
    ],
)
def test_why_a_record_does_not_count(record, reason):
    assert rules.why_not_counting(record, 2026, TODAY) == reason


@pytest.mark.parametrize(
    ("records", "complete", "missing"),
    [
        ([], False, ["Add 2 more submitted records", "Add a peer reflection"]),
        ([facts(peer=True)], False, ["Add 1 more submitted record of CPD"]),
        ([facts(), facts()], False, ["Add a peer reflection"]),
        ([facts(peer=True), facts()], True, []),
        (
            [facts(peer=True), facts(submitted=False)],
            False,
            ["Add 1 more submitted record"],
        ),  # drafts never count
        ([facts(peer=True), facts(start=D(2026, 11, 30))], False, ["Add 1 more"]),  # future-dated
        ([facts(peer=True), facts(start=D(2025, 11, 30))], False, ["Add 1 more"]),  # previous year
        ([facts(peer=True), facts(start=D(2025, 12, 1))], True, []),  # first day counts
        ([facts(submitted=False, peer=True), facts(), facts()], False, ["Add a peer reflection"]),
        ([facts(peer=True), facts(peer=True), facts()], True, []),
    ],
)
def test_completeness_of_a_year(records, complete, missing):
    summary = rules.summarise_year(2026, records, TODAY)
    assert summary.is_complete is complete
    assert len(summary.missing) == len(missing)
    for found, expected in zip(summary.missing, missing, strict=True):
        assert found.startswith(expected)


def test_summary_counts_hours_and_not_counting_records():
    records = [facts(peer=True, hours=Decimal("2.5")), facts(hours=Decimal("4")), facts(submitted=False)]
    summary = rules.summarise_year(2026, records, TODAY)
    assert summary.counting_records == 2
    assert summary.peer_reflections == 1
    assert summary.hours == Decimal("6.5")
    assert summary.not_counting == 1 and summary.drafts == 1
    assert summary.is_current and summary.days_left == 7


@pytest.mark.parametrize(
    ("hours", "start", "end", "problem"),
    [
        (Decimal("3"), D(2026, 3, 1), None, None),
        (Decimal("0.5"), None, None, None),
        (Decimal("0"), None, None, "at least 0.5"),
        (Decimal("-2"), None, None, "at least 0.5"),
        (Decimal("501"), None, None, "500 hours or fewer"),
        (Decimal("25"), D(2026, 3, 1), None, "more hours than there are in 1 day"),
        (Decimal("48"), D(2026, 3, 1), D(2026, 3, 2), None),
        (Decimal("3.25"), None, None, "nearest half hour"),
        (None, None, None, None),
    ],
)
def test_hours_must_be_plausible(hours, start, end, problem):
    found = rules.hours_problem(hours, start, end)
    if problem is None:
        assert found is None
    else:
        assert problem in found


COMPLETE_VALUES = {
    "activity_type": "course",
    "title": "T",
    "description": "D",
    "start_date": D(2026, 3, 1),
    "end_date": None,
    "hours": Decimal("3"),
    "learning": "L",
    "impact": "I",
    "peer_role": "",
    "peer_date": None,
    "peer_learning": "",
}


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({}, set()),
        ({"learning": "  "}, {"learning"}),
        ({"activity_type": "", "hours": None}, {"activity_type", "hours"}),
        ({"start_date": None}, {"start_date"}),
        ({"start_date": D(2026, 12, 1)}, {"start_date"}),
        ({"peer_role": "manager"}, {"peer_date", "peer_learning"}),
        ({"peer_role": "manager", "peer_date": D(2026, 3, 2), "peer_learning": "x"}, set()),
        ({"peer_role": "manager", "peer_date": D(2027, 1, 1), "peer_learning": "x"}, {"peer_date"}),
    ],
)
def test_problems_for_submission(changes, fields):
    assert set(rules.problems_for_submission({**COMPLETE_VALUES, **changes}, TODAY)) == fields
