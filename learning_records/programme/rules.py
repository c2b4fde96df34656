"""Rules of the Practice Leader Development Programme, as pure functions.

This is the issue's "rules.py" for the programme. Each `*_problem` function returns a message a
member can read, or None when the rule is met; the services in
`learning_records/programme/services/` call them and raise `ValidationError` with the message.
Limits are not written here: they come from the `ProgrammeRequirement` rows on the programme
page and are passed in, so another programme with other limits needs no code change.
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from cms.models.programmes import ActivityType, Phase

HALF_DAY = Decimal("0.5")
WHOLE_DAY = Decimal("1")
DAY_LENGTHS = (HALF_DAY, WHOLE_DAY)
# The programme's residential is two days and mentors join the aspirants on the second.
RESIDENTIAL_DAYS = Decimal("2")
RESIDENTIAL_MENTOR_JOINS_ON_DAY = 2

ASPIRANT, MENTOR, MANAGER = "aspirant", "mentor", "manager"
PARTIES = (ASPIRANT, MENTOR, MANAGER)
AGREED, CHANGES_REQUESTED, AWAITING = "agreed", "changes_requested", "awaiting"


def long_date(day: datetime.date) -> str:
    """'3 March 2026', without the zero padding strftime gives."""
    return f"{day.day} {day:%B %Y}"


def format_days(value: Decimal) -> str:
    """'half a day', '1 day', '2.5 days', 'no days'."""
    value = Decimal(value)
    if value == 0:
        return "no days"
    if value == HALF_DAY:
        return "half a day"
    text = f"{value.normalize():f}"
    return f"{text} day" if value == 1 else f"{text} days"


def describe_duration(minutes: int) -> str:
    """90 -> '1 hour 30 minutes'."""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def entry_length(activity_type: str, days: Decimal | None) -> Decimal | None:
    """The days one entry counts for: a residential is always 2; others as given."""
    if activity_type == ActivityType.RESIDENTIAL:
        return RESIDENTIAL_DAYS
    return days


def mentor_joined_on_day(activity_type: str) -> int | None:
    return RESIDENTIAL_MENTOR_JOINS_ON_DAY if activity_type == ActivityType.RESIDENTIAL else None


def day_length_problem(activity_type: str, days: Decimal | None) -> str | None:
    if activity_type == ActivityType.RESIDENTIAL:
        if days != RESIDENTIAL_DAYS:
            return "A residential is logged as one entry of 2 days."
        return None
    if days not in DAY_LENGTHS:
        return "Log half a day (0.5) or a whole day (1). Log each day of a longer activity separately."
    return None


def last_day_of(start: datetime.date, days: Decimal) -> datetime.date:
    """The calendar date an entry ends on: a 2-day residential ends the day after it starts."""
    return start + datetime.timedelta(days=max(math.ceil(days), 1) - 1)


def entry_dates(start: datetime.date, days: Decimal) -> list[tuple[datetime.date, Decimal]]:
    """Each calendar date an entry covers, with the part of that date it takes."""
    if days <= WHOLE_DAY:
        return [(start, Decimal(days))]
    return [(start + datetime.timedelta(days=i), WHOLE_DAY) for i in range(math.ceil(days))]


def days_remaining(max_days: Decimal | None, logged: Decimal) -> Decimal | None:
    """Days that may still be logged against a maximum; None when there is no maximum."""
    if max_days is None:
        return None
    return max(Decimal(max_days) - Decimal(logged), Decimal(0))


def maximum_problem(
    *, label: str, max_days: Decimal | None, logged: Decimal, new_days: Decimal
) -> str | None:
    """Refuse a day that would take an activity past its maximum, saying how much remains."""
    remaining = days_remaining(max_days, logged)
    if remaining is None or new_days <= remaining:
        return None
    left = (
        "none remain" if remaining == 0 else f"{format_days(remaining)} remain{'s' if remaining <= 1 else ''}"
    )
    return (
        f"That would take “{label}” past its maximum of {format_days(max_days)}. "
        f"You have logged {format_days(logged)}, so {left}."
    )


def add_one_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def phase_window(
    phase: str,
    *,
    cohort_start: datetime.date,
    preparatory_end: datetime.date,
    in_role_started_on: datetime.date | None,
) -> tuple[datetime.date, datetime.date] | None:
    """The first and last dates of a phase: the cohort's preparatory dates, or the first year in role."""
    if phase == Phase.PREPARATORY:
        return cohort_start, preparatory_end
    if in_role_started_on is None:
        return None
    return in_role_started_on, add_one_year(in_role_started_on) - datetime.timedelta(days=1)


def date_in_phase_problem(
    *,
    start: datetime.date,
    days: Decimal,
    phase_label: str,
    window: tuple[datetime.date, datetime.date] | None,
) -> str | None:
    if window is None:
        return f"The {phase_label.lower()} has no dates yet. Ask programme staff to set them."
    first, last = window
    if start < first or last_day_of(start, days) > last:
        return (
            f"Choose a date in the {phase_label.lower()}, "
            f"which runs from {long_date(first)} to {long_date(last)}."
        )
    return None


def not_in_future_problem(*, day: datetime.date, today: datetime.date) -> str | None:
    if day > today:
        return "This date is in the future. Log a contact once it has happened."
    return None


def confirmation_problem(*, last_date: datetime.date, today: datetime.date) -> str | None:
    """A mentor confirms a day only once it (all of it, for a residential) has happened."""
    if last_date > today:
        return f"This day has not happened yet. You can confirm it from {long_date(last_date)}."
    return None


def logging_closed_problem(*, status: str, ended_on: datetime.date | None) -> str | None:
    """Withdrawal (or completion) stops new logs; everything already logged is kept."""
    if status == "active":
        return None
    when = f" on {long_date(ended_on)}" if ended_on else ""
    verb = "withdrew from" if status == "withdrawn" else "completed"
    return f"The aspirant {verb} the programme{when}, so nothing new can be logged. The record is kept."


def requirement_missing_problem(*, activity_label: str, phase_label: str) -> str | None:
    return f"“{activity_label}” is not part of the {phase_label.lower()} of this programme."


def daily_capacity_problem(
    *, existing: Iterable[tuple[datetime.date, Decimal]], start: datetime.date, days: Decimal
) -> str | None:
    """No calendar date can hold more than one day of logged activity."""
    taken: dict[datetime.date, Decimal] = defaultdict(Decimal)
    for other_start, other_days in existing:
        for day, part in entry_dates(other_start, Decimal(other_days)):
            taken[day] += part
    for day, part in entry_dates(start, days):
        if taken[day] + part > WHOLE_DAY:
            return (
                f"You have already logged {format_days(taken[day])} on {long_date(day)}. "
                "A date cannot hold more than one day."
            )
    return None


def return_to_preparatory_problem(*, in_role_days: int) -> str | None:
    """Moving back undoes a move made by mistake; once in-role days are logged it would misfile them."""
    if in_role_days:
        return "The aspirant has logged in-role days, so they cannot go back to the preparatory phase."
    return None


def enrolment_problems(
    *,
    aspirant_id: int | None,
    mentor_id: int | None,
    aspirant_organisation_id: int | None,
    mentor_organisation_id: int | None,
    organisation_name: str = "",
    phase: str,
    in_role_started_on: datetime.date | None,
    preparatory_end: datetime.date | None,
    status: str,
    ended_on: datetime.date | None,
    enrolled_on: datetime.date | None,
) -> dict[str, str]:
    """Field name -> message for everything wrong with an enrolment's people and dates."""
    problems = {}
    if aspirant_id and aspirant_id == mentor_id:
        problems["mentor"] = "The aspirant and the mentor must be different people."
    if aspirant_organisation_id and aspirant_organisation_id == mentor_organisation_id:
        where = f" both are from {organisation_name}" if organisation_name else " they are the same"
        problems["mentor_organisation"] = (
            f"The mentor must come from another authority:{where}. Choose a mentor from another authority."
        )
    if phase == Phase.IN_ROLE:
        if in_role_started_on is None:
            problems["in_role_started_on"] = "Give the date the aspirant started in a practice leader role."
        elif preparatory_end and in_role_started_on <= preparatory_end:
            problems["in_role_started_on"] = (
                f"The in-role phase starts after the preparatory phase ends on {long_date(preparatory_end)}."
            )
    if status != "active" and ended_on is None:
        problems["ended_on"] = "Give the date the aspirant completed the programme or withdrew."
    if ended_on and enrolled_on and ended_on < enrolled_on:
        problems["ended_on"] = "This date is before the aspirant enrolled."
    return problems


@dataclass(frozen=True)
class Progress:
    """Where an aspirant stands against one requirement."""

    min_days: Decimal
    max_days: Decimal | None
    done: Decimal
    confirmed: Decimal

    @property
    def waiting(self) -> Decimal:
        return self.done - self.confirmed

    @property
    def still_needed(self) -> Decimal:
        return max(self.min_days - self.done, Decimal(0))

    @property
    def can_still_log(self) -> Decimal | None:
        return days_remaining(self.max_days, self.done)

    @property
    def over_minimum(self) -> Decimal:
        return max(self.done - self.min_days, Decimal(0))

    @property
    def is_met(self) -> bool:
        return self.done >= self.min_days

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed >= self.min_days

    @property
    def at_maximum(self) -> bool:
        return self.max_days is not None and self.done >= self.max_days

    @property
    def meter_max(self) -> Decimal:
        return max(self.max_days or Decimal(0), self.min_days, self.done, Decimal(1))


def progress_for(
    *, min_days: Decimal, max_days: Decimal | None, done: Decimal | None, confirmed: Decimal | None
) -> Progress:
    return Progress(
        min_days=Decimal(min_days or 0),
        max_days=None if max_days is None else Decimal(max_days),
        done=Decimal(done or 0),
        confirmed=Decimal(confirmed or 0),
    )


def agreement_status(decisions: Mapping[str, str]) -> str:
    """A version is agreed when all three parties agreed; any request for changes stops it."""
    if CHANGES_REQUESTED in decisions.values():
        return CHANGES_REQUESTED
    if all(decisions.get(party) == AGREED for party in PARTIES):
        return AGREED
    return AWAITING


def plan_signature(
    *, title: str, aim: str, need: str, planned_outcomes: str, milestones: Iterable[tuple[str, datetime.date]]
) -> tuple:
    """What the three parties agree to. Milestone progress (status) is not part of it."""

    def clean(text: str) -> str:
        return " ".join((text or "").split())

    return (
        clean(title),
        clean(aim),
        clean(need),
        clean(planned_outcomes),
        tuple((clean(name), due) for name, due in milestones),
    )
