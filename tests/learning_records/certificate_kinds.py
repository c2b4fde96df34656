"""A kind of certificate for exercising the machinery before the real kinds exist.

It stands in for the course attendance certificate: the caller passes the attendance that
staff recorded (no bookings model exists yet), and the rule is the attendance threshold.
"""

from django.core.exceptions import ValidationError

from cms.models import Statement
from learning_records.certificates.kinds import (
    Alignment,
    CertificateContent,
    CertificateKind,
    Column,
    Fact,
    Table,
)


class ExampleAttendanceKind(CertificateKind):
    code = "example_attendance"
    name = "Course attendance (example)"
    member_can_request = True
    achievement_description = "Attended a Praxis course to its attendance threshold."
    criteria = "Attend at least the number of days the course requires, as recorded by programme staff."

    def clean_params(self, data):
        try:
            return {
                "course": str(data["course"]).strip(),
                "days_required": int(data["days_required"]),
                "days_attended": int(data["days_attended"]),
                "sessions": [],
                "standards": [],
            }
        except (KeyError, ValueError):
            raise ValidationError("Choose a course to ask for its certificate.") from None

    def missing(self, recipient, *, course, days_required, days_attended, **params):
        if days_attended < days_required:
            return [
                f"You attended {days_attended} of the days of {course}; "
                f"the certificate needs at least {days_required}."
            ]
        return []

    def content(
        self, recipient, *, course, days_required, days_attended, sessions=(), standards=(), **params
    ):
        statements = Statement.objects.filter(
            framework__slug="swe-professional-standards", code__in=list(standards)
        ).select_related("framework")
        return CertificateContent(
            title="Certificate of attendance",
            recipient_name=recipient.get_full_name(),
            statement=f"attended {days_attended} days of the course {course}.",
            subject_key=f"course:{course}",
            facts=[
                Fact("Course", course),
                Fact("Days attended", f"{days_attended} ({days_required} required)"),
            ],
            tables=[
                Table(
                    caption="Sessions attended",
                    columns=[Column("Date"), Column("Session"), Column("Hours", numeric=True)],
                    rows=[list(row) for row in sessions],
                    footer=["", "Total", str(sum(float(row[2]) for row in sessions))],
                )
            ]
            if sessions
            else [],
            alignments=[
                Alignment.from_statement(statement, fallback_url="http://testserver/")
                for statement in statements
            ],
        )
