"""Issuing attendance certificates to a whole cohort at once, from its register.

Programme staff press one button on the register overview once the last session day has passed:
everyone who reached the course's attendance threshold gets a certificate of attendance (through
the issuing service, so with a serial, verification and an Open Badge like every certificate),
and everyone who attended at least one day gets a provider-confirmed CPD draft. Pressing it again
issues only what is missing: a person with a standing certificate is counted, not given another.
Each person's certificate is issued in its own transaction, and its PDF is rendered afterwards by
the task worker (`issue_certificate(defer_pdf=True)`), so the request does not wait for dozens of
PDFs and a problem with one person does not undo the others.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import CourseCohort
from learning_records.bookings import register
from learning_records.bookings.certificate import AttendanceKind
from learning_records.bookings.cpd import draft_confirmed_cpd
from learning_records.certificates.models import Certificate
from learning_records.certificates.rendering import site_settings
from learning_records.certificates.services import issue_certificate
from learning_records.cpd.models import CPDRecord

KIND = AttendanceKind.code


@dataclass
class IssueOutcome:
    issued: int = 0
    already: int = 0  # had a standing certificate
    not_reached: int = 0
    drafted: int = 0  # provider-confirmed CPD drafts made now
    drafted_already: int = 0
    refused: list[str] = field(default_factory=list)  # "Name: why", for anyone the service refused

    def in_words(self) -> str:
        """'Issued 18 attendance certificates; 2 had one already; 3 have not reached the threshold.'"""

        def n(count, one, many):
            return f"{count} {one if count == 1 else many}"

        words = f"Issued {n(self.issued, 'attendance certificate', 'attendance certificates')}"
        words += f"; {self.already} had one already"
        words += (
            f"; {self.not_reached} {'has' if self.not_reached == 1 else 'have'} not reached the threshold."
        )
        if self.drafted or self.drafted_already:
            drafts = n(self.drafted, "provider-confirmed CPD record", "provider-confirmed CPD records")
            words += f" Drafted {drafts} ({self.drafted_already} had one already)."
        return words


def ready_to_issue(cohort: CourseCohort, today=None) -> str | None:
    """Why certificates cannot be issued for the cohort yet, or None when they can."""
    days = cohort.session_days
    if not days:
        return "This cohort has no session days, so there is no register to certify."
    if days[-1] >= (today or timezone.localdate()):
        return f"Certificates can be issued once the last session day ({days[-1]:%-d %B %Y}) has passed."
    return None


def certified_members(cohort: CourseCohort, member_ids) -> set[int]:
    """Which of these members hold a standing certificate of attendance of the cohort: one query."""
    return set(
        Certificate.objects.of_kind(KIND)
        .filter(subject_key=f"cohort:{cohort.pk}", recipient__in=list(member_ids))
        .current()
        .valid()
        .values_list("recipient_id", flat=True)
    )


def issue_attendance_certificates(cohort: CourseCohort, *, issued_by) -> IssueOutcome:
    """Certificates for everyone on the register who reached the threshold, and CPD drafts for
    everyone who attended. Raises ValidationError when the cohort is not ready (`ready_to_issue`)."""
    if problem := ready_to_issue(cohort):
        raise ValidationError(problem, code="not_ready")
    outcome = IssueOutcome()
    provider = site_settings().organisation_name or "Praxis"
    people = register.summaries(cohort)
    # Who has what already, in two queries: a second press then costs no query per person. The
    # per-person services check again under their row locks, so a press at the same moment
    # still makes one of each.
    drafted = set(
        CPDRecord.objects.filter(booking__in=[s.booking.pk for s in people]).values_list(
            "booking_id", flat=True
        )
    )
    certified = certified_members(cohort, [s.booking.member_id for s in people])
    for summary in people:
        booking = summary.booking
        booking.cohort = cohort  # the register's cohort, course loaded: no query per person
        if booking.pk in drafted:
            outcome.drafted_already += 1
        elif summary.attended:
            draft = draft_confirmed_cpd(summary, provider=provider)
            if draft is not None:
                outcome.drafted += draft.created
                outcome.drafted_already += not draft.created
        if not summary.met:
            outcome.not_reached += 1
            continue
        member = booking.member
        if member.pk in certified:
            outcome.already += 1
            continue
        try:
            issue_certificate(
                kind=KIND,
                recipient=member,
                params={"booking": booking.pk},
                issued_by=issued_by,
                defer_pdf=True,
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "already_issued":  # issued by someone else a moment ago
                outcome.already += 1
            else:
                outcome.refused.append(
                    f"{member.get_full_name() or member.email}: {' '.join(error.messages)}"
                )
            continue
        outcome.issued += 1
    return outcome
