"""Social Work England CPD rules as pure functions (no database; tested with tables of cases).

- A registration year runs from 1 December to 30 November and is named by the two calendar years
  it spans, "2025-26". We identify it by the year it ends in (2026).
- A record belongs to the year in which the activity ended (one year only).
- A year is complete with at least 2 submitted records dated inside it, at least 1 of which has
  a peer reflection (https://www.socialworkengland.org.uk/cpd/).

For a member's summary of a year from the database, call
`learning_records.cpd.selectors.year_summary(member=..., year=...)`, which feeds these rules.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

MIN_RECORDS = 2
MIN_PEER_REFLECTIONS = 1
MIN_HOURS = Decimal("0.5")
MAX_HOURS = Decimal("500")  # a 15-day course is about 105 hours; 500 leaves room, refuses typos
YEAR_NAME_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def long_date(date: datetime.date) -> str:
    """1 December 2025 (no leading zero, on every platform)."""
    return f"{date.day} {date:%B %Y}"


def registration_year_of(date: datetime.date) -> int:
    """The registration year a date falls in, identified by the calendar year it ends in."""
    return date.year + 1 if date.month == 12 else date.year


def year_name(year: int) -> str:
    """2026 -> "2025-26"."""
    return f"{year - 1}-{year % 100:02d}"


def parse_year_name(name: str) -> int | None:
    """ "2025-26" -> 2026; None for anything that is not a real year name ("2025-27", "abc")."""
    match = YEAR_NAME_PATTERN.match(name or "")
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if (first + 1) % 100 != second or not 1900 < first < 9999:
        return None
    return first + 1


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a registration year: 1 December to 30 November."""
    return datetime.date(year - 1, 12, 1), datetime.date(year, 11, 30)


def days_left(year: int, today: datetime.date) -> int:
    """Days from today until the year's last day (0 on 30 November and after it)."""
    return max(0, (year_bounds(year)[1] - today).days)


def has_peer_reflection(peer_role: str, peer_date: datetime.date | None, peer_learning: str) -> bool:
    """A peer reflection counts when it says who (by role), when, and what was learnt."""
    return bool(peer_role and peer_date and (peer_learning or "").strip())


@dataclass(frozen=True)
class RecordFacts:
    """What the rules need to know about one record."""

    submitted: bool
    start_date: datetime.date | None
    end_date: datetime.date | None
    has_peer_reflection: bool = False
    hours: Decimal | None = None

    @property
    def activity_date(self) -> datetime.date | None:
        return self.end_date or self.start_date


def why_not_counting(record: RecordFacts, year: int, today: datetime.date) -> str | None:
    """Why a record does not count towards a year, in plain words; None when it counts."""
    date = record.activity_date
    if not record.submitted:
        return "Draft: it counts once you complete and submit it."
    if date is None:
        return "No date: add the date of the activity."
    if date > today:
        return f"Dated in the future ({long_date(date)}): it counts once the activity has ended."
    record_year = registration_year_of(date)
    if record_year != year:
        return f"Ended on {long_date(date)}, so it counts towards {year_name(record_year)} instead."
    return None


@dataclass
class YearSummary:
    """Where a member stands in one registration year. Everything a meter or certificate needs."""

    year: int
    name: str
    start: datetime.date
    end: datetime.date
    today: datetime.date
    counting_records: int = 0
    peer_reflections: int = 0
    hours: Decimal = Decimal("0")
    not_counting: int = 0
    drafts: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return not self.missing

    @property
    def is_current(self) -> bool:
        return self.start <= self.today <= self.end

    @property
    def is_past(self) -> bool:
        return self.today > self.end

    @property
    def days_left(self) -> int:
        return days_left(self.year, self.today)

    @property
    def records_needed(self) -> int:
        return MIN_RECORDS

    @property
    def peer_reflections_needed(self) -> int:
        return MIN_PEER_REFLECTIONS

    @property
    def records_shown(self) -> int:
        """Counting records, capped at the target, for a meter's value."""
        return min(self.counting_records, MIN_RECORDS)


def missing_for_year(year: int, counting_records: int, peer_reflections: int) -> list[str]:
    """What a year still needs to be complete, as sentences a member can act on."""
    start, end = year_bounds(year)
    missing = []
    if counting_records < MIN_RECORDS:
        more = MIN_RECORDS - counting_records
        noun = "record" if more == 1 else "records"
        missing.append(
            f"Add {more} more submitted {noun} of CPD dated between {long_date(start)} and {long_date(end)}."
        )
    if peer_reflections < MIN_PEER_REFLECTIONS:
        missing.append("Add a peer reflection to at least one submitted record in this year.")
    return missing


def summarise_year(year: int, records: Iterable[RecordFacts], today: datetime.date) -> YearSummary:
    """Count a year's records and say exactly what is missing. `records` may include any years."""
    start, end = year_bounds(year)
    summary = YearSummary(year=year, name=year_name(year), start=start, end=end, today=today)
    for record in records:
        reason = why_not_counting(record, year, today)
        date = record.activity_date
        in_year = date is not None and start <= date <= end
        if reason is None:
            summary.counting_records += 1
            summary.peer_reflections += int(record.has_peer_reflection)
            summary.hours += record.hours or Decimal("0")
        elif in_year or (record.start_date and start <= record.start_date <= end):
            summary.not_counting += 1
            summary.drafts += int(not record.submitted)
    summary.missing = missing_for_year(year, summary.counting_records, summary.peer_reflections)
    return summary


def is_year_complete(counting_records: int, peer_reflections: int) -> bool:
    return counting_records >= MIN_RECORDS and peer_reflections >= MIN_PEER_REFLECTIONS


def hours_problem(
    hours: Decimal | None, start: datetime.date | None, end: datetime.date | None
) -> str | None:
    """A message when the hours cannot be right; None when they are plausible."""
    if hours is None:
        return None
    if hours < MIN_HOURS:
        return f"Enter at least {MIN_HOURS} hours (half an hour)."
    if hours > MAX_HOURS:
        return f"Enter {MAX_HOURS} hours or fewer for one record; split a longer programme into parts."
    if start:
        days = ((end or start) - start).days + 1
        if days > 0 and hours > days * 24:
            plural = "s" if days != 1 else ""
            return f"That is more hours than there are in {days} day{plural}. Check the hours or the dates."
    if hours % Decimal("0.5"):
        return "Round the hours to the nearest half hour, e.g. 3.5."
    return None


# What a provider confirms from its register on a record drafted from a course attended
# (CPDRecord.provider_confirmed): the member writes the rest, but cannot change these.
CONFIRMED_FIELDS = ("start_date", "end_date", "hours", "provider")


def dates_problem(start: datetime.date | None, end: datetime.date | None) -> str | None:
    if start and end and end < start:
        return "The end date must be the same as or after the start date."
    return None


SUBMIT_REQUIRED = {
    "activity_type": "Choose the type of activity.",
    "title": "Give the record a title.",
    "description": "Describe the activity and why it is relevant to your practice.",
    "start_date": "Enter the date of the activity.",
    "hours": "Enter the hours you spent.",
    "learning": "Say what you learnt.",
    "impact": "Say what impact it has had on your practice and the people you work with.",
}
PEER_FIELDS = {
    "peer_role": "Choose the role of the peer you discussed it with.",
    "peer_date": "Enter the date of the discussion.",
    "peer_learning": "Say what you learnt from the discussion.",
}


def problems_for_submission(values: dict, today: datetime.date) -> dict[str, str]:
    """Field name -> message for everything that stops a record being submitted.

    `values` holds the record's fields by name. A peer reflection is optional, but once started
    it must be finished, so that a half-written one is never counted.
    """
    problems = {}
    for name, message in SUBMIT_REQUIRED.items():
        value = values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems[name] = message
    date = values.get("end_date") or values.get("start_date")
    if date and date > today:
        key = "end_date" if values.get("end_date") else "start_date"
        problems[key] = (
            "You can submit a record once the activity has happened. Save it as a draft until then."
        )
    started = [
        name for name in PEER_FIELDS if values.get(name) not in (None, "") and str(values.get(name)).strip()
    ]
    if started:
        for name, message in PEER_FIELDS.items():
            if name not in started:
                problems[name] = message + " Or clear the peer reflection to submit without one."
    peer_date = values.get("peer_date")
    if peer_date and peer_date > today:
        problems["peer_date"] = "The discussion date cannot be in the future."
    return problems
