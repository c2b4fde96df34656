"""The booking rules as pure functions: refusals, places per authority and audience, attendance."""

import datetime
from decimal import Decimal

import pytest

from learning_records.bookings import rules

NOW = datetime.datetime(2027, 3, 1, 12, tzinfo=datetime.UTC)
TODAY = NOW.date()
NORTH, WEST = 1, 2
COURSE = rules.Offer(
    bookable=True,
    audiences=frozenset({"practitioners", "frontline_managers", "practice_leaders"}),
    quotas={(NORTH, "practitioners"): 20, (NORTH, "frontline_managers"): 8, (WEST, ""): 5},
    opens_on=datetime.date(2027, 2, 1),
    closes_at=datetime.datetime(2027, 3, 31, 23, 59, tzinfo=datetime.UTC),
    audience_labels={
        "practitioners": "Practitioners",
        "frontline_managers": "Frontline managers",
        "practice_leaders": "Practice leaders",
    },
)


def refusal(offer=COURSE, **overrides):
    values = {
        "now": NOW,
        "today": TODAY,
        "audience": "practitioners",
        "organisation_id": NORTH,
        "organisation_name": "Northshire",
        "already_booked": False,
    }
    return rules.refusal(offer, **{**values, **overrides})


def test_a_practitioner_from_a_partner_authority_may_book():
    assert refusal() is None


@pytest.mark.parametrize(
    ("overrides", "code", "message"),
    [
        ({"today": datetime.date(2027, 1, 31)}, "not_open", "Booking opens on 1 February 2027."),
        ({"now": datetime.datetime(2027, 4, 1, tzinfo=datetime.UTC)}, "closed", "Booking has closed."),
        ({"already_booked": True}, "already_booked", "You already have a place"),
        (
            {"audience": "students"},
            "audience",
            "This is for frontline managers, practice leaders, practitioners only.",
        ),
        ({"audience": None}, "no_role", "Add your role to your profile"),
        ({"organisation_id": None}, "no_authority", "Add your organisation to your profile"),
        ({"organisation_id": 3, "organisation_name": "Eastham"}, "authority", "no places for Eastham"),
        ({"audience": "practice_leaders"}, "authority", "no places for Northshire in your role"),
    ],
)
def test_each_refusal_says_why(overrides, code, message):
    refused = refusal(**overrides)
    assert refused.code == code
    assert message in refused.message


def test_an_offer_not_booked_here_is_refused_first():
    offer = rules.Offer(bookable=False)
    assert refusal(offer, already_booked=True).code == "not_bookable"


def test_booking_closes_at_the_last_moment_not_before():
    assert refusal(now=COURSE.closes_at) is None
    assert refusal(now=COURSE.closes_at + datetime.timedelta(seconds=1)).code == "closed"


def test_places_come_from_the_authoritys_audience_then_its_open_places():
    assert rules.place_group(COURSE, organisation_id=NORTH, audience="practitioners") == (
        NORTH,
        "practitioners",
    )
    assert rules.place_group(COURSE, organisation_id=WEST, audience="practitioners") == (WEST, "")
    assert rules.place_group(COURSE, organisation_id=NORTH, audience="practice_leaders") is None
    assert rules.place_group(rules.Offer(bookable=True), organisation_id=NORTH, audience="x") is None


def test_places_left_is_the_tighter_of_the_quota_and_the_capacity():
    group = (NORTH, "frontline_managers")
    assert rules.places_left(COURSE, group, held_in_group=7, held_in_all=30) == 1
    assert rules.places_left(COURSE, group, held_in_group=8, held_in_all=30) == 0
    event = rules.Offer(bookable=True, capacity=40)
    assert rules.places_left(event, None, held_in_group=39, held_in_all=39) == 1
    assert rules.places_left(event, None, held_in_group=41, held_in_all=41) == 0
    assert rules.places_left(rules.Offer(bookable=True), None, held_in_group=500, held_in_all=500) == 1


def test_an_offer_lasts_forty_eight_hours():
    assert rules.offer_expires_at(NOW) == NOW + datetime.timedelta(hours=48)


@pytest.mark.parametrize(
    ("attended", "total", "percent", "max_missed", "met"),
    [
        ("18", 20, 90, None, True),  # exactly 90%
        ("17.5", 20, 90, None, False),  # just under
        ("18", 20, 90, 2, True),  # exactly two days missed
        ("13", 15, 80, 2, True),  # exactly two missed, above 80%
        ("12.5", 15, 80, 2, False),  # 83%, but two and a half days missed
        ("15", 15, 90, 0, True),
        ("0", 0, 90, None, False),  # no sessions: nothing to certify
    ],
)
def test_attendance_threshold_edges(attended, total, percent, max_missed, met):
    assert (
        rules.attendance_met(
            attended_days=Decimal(attended),
            total_days=total,
            percent_needed=percent,
            max_days_missed=max_missed,
        )
        is met
    )


def test_roles_book_as_their_audience():
    assert rules.audience_of("practitioner") == "practitioners"
    assert rules.audience_of("frontline_manager") == "frontline_managers"
    assert rules.audience_of("") is None
