"""CPD drafts from a mentoring contact ("Record this as CPD" on a mentor log entry).

The mentor and the aspirant each ask for their own draft; it belongs to the one who asked, like
any CPD record, so the other person (mentor or aspirant) never sees it. Values come from
`programme.mentoring_cpd_draft_values`, which leaves the pair's notes out on purpose.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from learning_records.cpd import rules as cpd_rules
from learning_records.cpd import services as cpd_services
from learning_records.cpd.models import CPDRecord
from learning_records.programme.models import MentorLogEntry
from learning_records.programme.services import mentoring_cpd_draft_values


@dataclass
class MentoringDraft:
    record: CPDRecord
    created: bool


def role_in(entry: MentorLogEntry, member) -> str | None:
    """'mentor' or 'aspirant' when the member is one of the pair; None otherwise."""
    if member.pk and entry.enrolment.mentor_id == member.pk:
        return "mentor"
    if member.pk and entry.enrolment.aspirant_id == member.pk:
        return "aspirant"
    return None


def half_hours(hours: Decimal) -> Decimal:
    """CPD hours are kept to the half hour (cpd.rules.hours_problem); a short contact counts as one."""
    halves = (hours * 2).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 2
    return max(cpd_rules.MIN_HOURS, halves)


def _record_values(values: dict) -> dict:
    description = f"{values['description']}\n\n{values['why_relevant']}"
    if values.get("agreed_actions"):
        description += f"\n\nActions we agreed: {values['agreed_actions']}"
    return {
        "activity_type": values["activity_type"],
        "title": values["title"][:200],
        "description": description,
        "start_date": values["date"],
        "hours": half_hours(values["hours"]),
        "provider": values["provider"][:200],
        "learning": values["what_i_learnt"],
        "impact": values["impact"],
    }


@transaction.atomic
def draft_cpd_from_mentoring(*, entry: MentorLogEntry, member) -> MentoringDraft:
    """The member's CPD draft of this mentoring contact: made now, or the one they already have.

    Only the entry's mentor or aspirant may ask. The entry row is locked so two clicks make one
    draft (the database also refuses a second: one record per member per contact).
    """
    entry = (
        MentorLogEntry.objects.select_for_update(of=("self",))
        .select_related("enrolment__cohort__programme")
        .get(pk=entry.pk)
    )
    role = role_in(entry, member)
    if role is None:
        raise PermissionDenied("Only the mentor and the aspirant can record this contact as CPD.")
    existing = CPDRecord.objects.for_member(member).filter(mentor_log_entry=entry).first()
    if existing is not None:
        return MentoringDraft(existing, created=False)
    values = mentoring_cpd_draft_values(entry=entry)[role]
    record = cpd_services.save_draft(
        member=member,
        values=_record_values(values),
        record=CPDRecord(member=member, mentor_log_entry=entry),
        source_page=entry.enrolment.cohort.programme,
    )
    return MentoringDraft(record, created=True)
