"""Attendance: a confirmed place on a course cohort, its register taken, the threshold reached.

The rule: the cohort's last session day has passed, and the person's marks on its register meet
the course's attendance threshold (percentage and days missed; `rules.attendance_met`, late and
left early counting as attended). Programme staff issue it to everyone who reached it from the
register (`bookings/issuing.py`); members do not ask for it themselves. The booking is always
looked up among the recipient's own, so another member's booking id is simply "not found".
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from learning_records.bookings import register, rules
from learning_records.bookings.models import Attendance, Booking
from learning_records.certificates.kinds import (
    Alignment,
    CertificateContent,
    CertificateKind,
    Column,
    Fact,
    Table,
    register_kind,
)
from learning_records.common.links import absolute_url

NOT_FOUND = "We could not find that place on a course among your bookings."
NOT_MARKED = "Not marked"


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _hours(value) -> str:
    return f"{value.normalize():f}"


class AttendanceKind(CertificateKind):
    code = "course_attendance"
    name = "Course attendance"
    achievement_description = (
        "Attended a Praxis course delivered by a Centre for Social Work, meeting the course's "
        "attendance requirement on registers taken by the course's staff."
    )
    criteria = (
        "Hold a confirmed place on a cohort of the course and attend at least the share of its "
        "session days the course requires for a certificate (late arrivals and early leavers count "
        "as attending), as recorded on the register for each session day."
    )

    def _booking(self, recipient, pk) -> Booking | None:
        return (
            Booking.objects.filter(member=recipient, cohort__isnull=False, pk=pk)
            .select_related("cohort__course")
            .first()
        )

    def missing(self, recipient, *, booking, **params) -> list[str]:
        found = self._booking(recipient, booking)
        if found is None:
            return [NOT_FOUND]
        cohort, course = found.cohort, found.cohort.course
        what = f"{course.title} ({cohort.name})"
        if found.status != Booking.Status.CONFIRMED:
            return [f"Your place on {what} is not confirmed ({found.get_status_display().lower()})."]
        days = cohort.session_days
        if not days:
            return [f"{what} has no session days, so there is no register to certify."]
        if days[-1] >= timezone.localdate():
            return [f"{what} has not finished yet: its last session day is {long_date(days[-1])}."]
        summary = register.summaries(cohort, booking_ids=[found.pk])[0]
        if summary.met:
            return []
        rule = rules.threshold_in_words(
            percent_needed=course.attendance_threshold_percent,
            max_days_missed=course.max_days_missed,
            total_days=len(days),
        )
        return [
            f"The register shows you attended {summary.attended} of the {len(days)} session days of "
            f"{what}; a certificate needs {rule}."
        ]

    def content(self, recipient, *, booking, **params) -> CertificateContent:
        found = self._booking(recipient, booking)
        if found is None:  # `missing` refuses first; never print anything for another member
            raise ValidationError(NOT_FOUND)
        cohort, course = found.cohort, found.cohort.course
        days = cohort.session_days
        summary = register.summaries(cohort, booking_ids=[found.pk])[0]
        labels = dict(Attendance.Mark.choices)
        marks = dict(Attendance.objects.filter(booking=found, date__in=days).values_list("date", "mark"))
        hours = rules.attended_hours(course.cpd_hours, attended_days=summary.attended, total_days=len(days))
        facts = [
            Fact("Course", course.title),
            Fact("Cohort", cohort.name),
            Fact("Dates", f"{long_date(cohort.start_date)} to {long_date(cohort.end_date)}"),
            Fact("Attendance", f"{summary.attended} of {len(days)} session days ({summary.percent}%)"),
        ]
        if hours is not None:
            facts.append(Fact("CPD hours", _hours(hours)))
        if course.accreditation_body and course.accreditation_status == course.AccreditationStatus.ACCREDITED:
            facts.append(Fact("Accredited by", course.accreditation_body))
        fallback_url = absolute_url(course.url or "/")
        return CertificateContent(
            title="Certificate of attendance",
            recipient_name=recipient.get_full_name(),
            statement=(
                f"attended {summary.attended} of the {len(days)} session days of {course.title} "
                f"({cohort.name}), meeting the attendance the course requires for a certificate."
            ),
            subject_key=f"cohort:{cohort.pk}",
            facts=facts,
            tables=[
                Table(
                    caption="The register for each session day",
                    columns=[Column("Session day"), Column("Register")],
                    rows=[
                        [f"{day:%A} {long_date(day)}", labels.get(marks.get(day), NOT_MARKED)] for day in days
                    ],
                )
            ],
            alignments=[
                Alignment.from_statement(statement, fallback_url=fallback_url)
                for statement in course.statements.select_related("framework").order_by("sort_order", "pk")
            ],
        )


register_kind(AttendanceKind())
