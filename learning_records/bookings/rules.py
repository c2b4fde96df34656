"""What may be booked and by whom, as pure functions of plain values (no database).

An offer is a course cohort or an event. A course shares its places per authority, optionally
per audience (for example 20 practitioners, 8 frontline managers and 5 practice leaders from each
partner authority); an event has one capacity for everyone. A person who finds their places
taken joins the waiting list; when a place is freed the first in line for it is offered the
place for OFFER_HOURS, and the place is held for them until they answer or the offer expires.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

OFFER_HOURS = 48

# The audience a member's role books under (cms.models.Audience values). Mentors on the
# practice leader programme and aspiring practice leaders book practice leaders' places.
ROLE_AUDIENCE = {
    "practitioner": "practitioners",
    "frontline_manager": "frontline_managers",
    "practice_supervisor": "practice_supervisors",
    "practice_leader": "practice_leaders",
    "aspiring_practice_leader": "practice_leaders",
    "mentor": "practice_leaders",
    "student": "students",
    "academic": "academics",
}

ANY_AUDIENCE = ""


@dataclass(frozen=True)
class Offer:
    """What the page says about booking a cohort or an event."""

    bookable: bool
    audiences: frozenset[str] = frozenset()  # who it is for; empty: everyone
    capacity: int | None = None  # places in all; None: no overall limit
    # (organisation id, audience or ANY_AUDIENCE) -> places. None: no per-authority places.
    quotas: Mapping[tuple[int, str], int] | None = None
    opens_on: datetime.date | None = None
    closes_at: datetime.datetime | None = None  # the last moment to book
    audience_labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


def audience_of(role: str) -> str | None:
    return ROLE_AUDIENCE.get(role)


def place_group(offer: Offer, *, organisation_id: int | None, audience: str | None) -> tuple[int, str] | None:
    """The quota a booking draws on: (organisation, audience), else the authority's places open to
    every audience; None when the offer has no per-authority places or none for this person."""
    if offer.quotas is None or organisation_id is None:
        return None
    if audience and (organisation_id, audience) in offer.quotas:
        return (organisation_id, audience)
    if (organisation_id, ANY_AUDIENCE) in offer.quotas:
        return (organisation_id, ANY_AUDIENCE)
    return None


def refusal(
    offer: Offer,
    *,
    now: datetime.datetime,
    today: datetime.date,
    audience: str | None,
    organisation_id: int | None,
    organisation_name: str = "",
    already_booked: bool,
) -> Refusal | None:
    """Why this person may not book (or join the waiting list), or None if they may."""
    if not offer.bookable:
        return Refusal("not_bookable", "Places on this are not booked through Praxis.")
    if offer.opens_on and today < offer.opens_on:
        return Refusal("not_open", f"Booking opens on {offer.opens_on:%-d %B %Y}.")
    if offer.closes_at and now > offer.closes_at:
        return Refusal("closed", "Booking has closed.")
    if already_booked:
        return Refusal(
            "already_booked", "You already have a place, an offer of one or a place on the waiting list."
        )
    if offer.audiences:
        if audience is None:
            return Refusal(
                "no_role", "Add your role to your profile, so we know which places are yours, then book."
            )
        if audience not in offer.audiences:
            labels = [offer.audience_labels.get(a, a) for a in sorted(offer.audiences)]
            return Refusal("audience", f"This is for {', '.join(labels).lower()} only.")
    if offer.quotas is not None:
        if organisation_id is None:
            return Refusal(
                "no_authority",
                "Add your organisation to your profile: places are shared between authorities.",
            )
        if place_group(offer, organisation_id=organisation_id, audience=audience) is None:
            whose = organisation_name or "your organisation"
            return Refusal("authority", f"There are no places for {whose} in your role on this course.")
    return None


def places_left(offer: Offer, group: tuple[int, str] | None, *, held_in_group: int, held_in_all: int) -> int:
    """Free places for a booking in `group`, given the places held (confirmed or offered)."""
    left = []
    if offer.capacity is not None:
        left.append(offer.capacity - held_in_all)
    if group is not None and offer.quotas is not None:
        left.append(offer.quotas[group] - held_in_group)
    return max(0, min(left)) if left else 1  # no limit: always one more


def full_message(offer: Offer, group: tuple[int, str] | None, organisation_name: str) -> str:
    if group is None:
        return "All the places are taken."
    audience = group[1]
    label = offer.audience_labels.get(audience, audience).lower() if audience else "people"
    return f"The places for {label} from {organisation_name or 'your organisation'} are taken."


def offer_expires_at(now: datetime.datetime) -> datetime.datetime:
    return now + datetime.timedelta(hours=OFFER_HOURS)


def attendance_met(
    *, attended_days: Decimal, total_days: int, percent_needed: int, max_days_missed: int | None
) -> bool:
    """Whether attendance earns a certificate: at least `percent_needed` of the days, and no more
    than `max_days_missed` days missed when the course sets a maximum. Exact at the boundaries."""
    if total_days <= 0:
        return False
    attended = Decimal(attended_days)
    if attended * 100 < Decimal(percent_needed) * total_days:
        return False
    return max_days_missed is None or total_days - attended <= max_days_missed


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def threshold_in_words(*, percent_needed: int, max_days_missed: int | None, total_days: int) -> str:
    """The rule for a certificate, e.g. '90% of the 15 days and no more than 2 days missed'."""
    words = f"{percent_needed}% of the {_days(total_days)}"
    if max_days_missed is not None:
        words += f" and no more than {_days(max_days_missed)} missed"
    return words


HALF_HOUR = Decimal("0.5")


def attended_hours(course_hours: Decimal | None, *, attended_days: int, total_days: int) -> Decimal | None:
    """The CPD hours a person can claim for the days they attended: the course's hours in
    proportion, rounded down to the half hour (CPD records are kept to the half hour) and never
    less than half an hour for a day attended. None when the course gives no hours."""
    if course_hours is None or total_days <= 0 or attended_days <= 0:
        return None
    share = Decimal(course_hours) * min(attended_days, total_days) / total_days
    halves = (share / HALF_HOUR).to_integral_value(rounding=ROUND_FLOOR)
    return max(HALF_HOUR, halves * HALF_HOUR)
