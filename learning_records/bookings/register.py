"""The register of a course cohort: who is on it, their marks for a session day, and who has
reached the course's attendance threshold. Reads and the one write (taking a register).

Only confirmed bookings are on the register, and only marks for the cohort's current session
days count: a day an editor removes from the cohort stops counting, and its marks are kept."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from cms.models import CourseCohort
from learning_records.bookings import rules
from learning_records.bookings.models import Attendance, Booking


def on_register(cohort: CourseCohort):
    """The confirmed bookings of the cohort, by surname, with the member and their authority."""
    return (
        Booking.objects.filter(cohort=cohort, status=Booking.Status.CONFIRMED)
        .select_related("member", "organisation")
        .order_by("member__last_name", "member__first_name", "pk")
    )


@dataclass(frozen=True)
class RegisterLine:
    booking: Booking
    mark: str  # an Attendance.Mark value, or "" when not yet taken


def register_for_day(cohort: CourseCohort, day: datetime.date) -> list[RegisterLine]:
    """Everyone on the register with their mark for `day`: two queries, whatever the size."""
    bookings = list(on_register(cohort))
    marks = dict(
        Attendance.objects.filter(booking__in=[b.pk for b in bookings], date=day).values_list(
            "booking_id", "mark"
        )
    )
    return [RegisterLine(booking, marks.get(booking.pk, "")) for booking in bookings]


@dataclass(frozen=True)
class AttendanceSummary:
    booking: Booking
    attended: int
    absent: int
    marked: int
    total_days: int
    met: bool

    @property
    def percent(self) -> int:
        return round(100 * self.attended / self.total_days) if self.total_days else 0


def summaries(cohort: CourseCohort, *, booking_ids=None) -> list[AttendanceSummary]:
    """Each person's attendance over the cohort's session days and whether it meets the course's
    threshold (only for `booking_ids`, when given): one query, whatever the number of people and
    days."""
    days = cohort.session_days
    course = cohort.course
    counted = Q(attendance__date__in=days)
    bookings = on_register(cohort)
    if booking_ids is not None:
        bookings = bookings.filter(pk__in=booking_ids)
    bookings = bookings.annotate(
        attended_days=Count("attendance", filter=counted & Q(attendance__mark__in=Attendance.ATTENDED)),
        absent_days=Count("attendance", filter=counted & Q(attendance__mark=Attendance.Mark.ABSENT)),
        marked_days=Count("attendance", filter=counted),
    )
    return [
        AttendanceSummary(
            booking=booking,
            attended=booking.attended_days,
            absent=booking.absent_days,
            marked=booking.marked_days,
            total_days=len(days),
            met=rules.attendance_met(
                attended_days=Decimal(booking.attended_days),
                total_days=len(days),
                percent_needed=course.attendance_threshold_percent,
                max_days_missed=course.max_days_missed,
            ),
        )
        for booking in bookings
    ]


class NotASessionDay(ValueError):
    pass


@transaction.atomic
def take_register(cohort: CourseCohort, day: datetime.date, marks: dict[int, str], *, by, now=None) -> int:
    """Record `marks` ({booking pk: mark}) for `day`; a blank mark clears it. Marks for anyone not
    on the cohort's register are ignored. Returns how many marks were written or cleared."""
    if day not in cohort.session_days:
        raise NotASessionDay(f"{day:%-d %B %Y} is not a session day of {cohort}.")
    now = now or timezone.now()
    # Two people taking the same register at once write one after the other.
    CourseCohort.objects.select_for_update(of=("self",)).filter(pk=cohort.pk).first()
    allowed = set(Attendance.Mark.values)
    on = set(on_register(cohort).filter(pk__in=list(marks)).values_list("pk", flat=True))
    clear = [pk for pk, mark in marks.items() if pk in on and not mark]
    keep = {pk: mark for pk, mark in marks.items() if pk in on and mark in allowed}
    Attendance.objects.filter(booking_id__in=clear, date=day).delete()
    existing = {a.booking_id: a for a in Attendance.objects.filter(booking_id__in=list(keep), date=day)}
    changed = [a for pk, a in existing.items() if a.mark != keep[pk]]
    for attendance in changed:
        attendance.mark, attendance.recorded_by, attendance.recorded_at = keep[attendance.booking_id], by, now
    Attendance.objects.bulk_update(changed, ["mark", "recorded_by", "recorded_at"])
    Attendance.objects.bulk_create(
        [
            Attendance(booking_id=pk, date=day, mark=mark, recorded_by=by, recorded_at=now)
            for pk, mark in keep.items()
            if pk not in existing
        ]
    )
    return len(clear) + len(changed) + len(keep) - len(existing)
