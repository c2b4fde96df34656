"""Provider-confirmed CPD drafts for the people who attended a course cohort.

Each person on the register who attended at least one session day gets one draft CPD record in
their own learning record, with what the provider knows filled in and locked (dates, hours and
provider: `cpd.rules.CONFIRMED_FIELDS`): the first and last days they attended, the course's CPD
hours in proportion to the days attended, and the partnership as provider. The member adds what
they learnt and the impact on their practice, and submits it. Asking again never makes a second
draft (one record per member per booking, also a database constraint).
"""

from dataclasses import dataclass

from django.db import transaction

from learning_records.bookings import rules
from learning_records.bookings.models import Attendance, Booking
from learning_records.bookings.register import AttendanceSummary
from learning_records.cpd import services as cpd_services
from learning_records.cpd.models import CPDActivityType, CPDRecord


@dataclass(frozen=True)
class CPDDraft:
    record: CPDRecord
    created: bool


def attended_days(booking: Booking, days) -> list:
    return sorted(
        Attendance.objects.filter(booking=booking, date__in=days, mark__in=Attendance.ATTENDED).values_list(
            "date", flat=True
        )
    )


def draft_values(summary: AttendanceSummary, attended: list, provider: str) -> dict:
    course = summary.booking.cohort.course
    return {
        "activity_type": CPDActivityType.COURSE,
        "title": f"{course.title}: {summary.booking.cohort.name}"[:200],
        "description": course.summary,
        "start_date": attended[0],
        "end_date": attended[-1] if attended[-1] != attended[0] else None,
        "hours": rules.attended_hours(
            course.cpd_hours, attended_days=summary.attended, total_days=summary.total_days
        ),
        "provider": provider[:200],
    }


@transaction.atomic
def draft_confirmed_cpd(summary: AttendanceSummary, *, provider: str) -> CPDDraft | None:
    """The member's provider-confirmed draft for this place: made now, or the one they have.

    None for someone who attended no session day. `provider` is the partnership's name, as the
    site settings give it. The booking row is locked so two runs at once make one draft."""
    booking = Booking.objects.select_for_update(of=("self",)).get(pk=summary.booking.pk)
    existing = CPDRecord.objects.filter(member_id=booking.member_id, booking=booking).first()
    if existing is not None:
        return CPDDraft(existing, created=False)
    attended = attended_days(booking, summary.booking.cohort.session_days)
    if not attended:
        return None
    member, course = summary.booking.member, summary.booking.cohort.course
    record = cpd_services.save_draft(
        member=member,
        values=draft_values(summary, attended, provider),
        statements=course.statements.all(),
        record=CPDRecord(member=member, booking=booking, provider_confirmed=True),
        source_page=course,
    )
    return CPDDraft(record, created=True)
