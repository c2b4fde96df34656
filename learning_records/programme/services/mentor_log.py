"""The mentor log: the mentor records each contact; the pair's CPD draft values come from it."""

import datetime
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from cms.models import Phase
from learning_records.programme import rules
from learning_records.programme.models import Enrolment, MentorLogEntry
from members.models import User

from .enrolments import _locked, _raise, phase_window_of

MENTOR_LOG_FIELDS = ("date", "duration_minutes", "mode", "focus", "notes", "agreed_actions", "visibility")


def _check_mentor_log(*, enrolment: Enrolment, phase: str, date: datetime.date, today: datetime.date) -> None:
    _raise(
        NON_FIELD_ERRORS, rules.logging_closed_problem(status=enrolment.status, ended_on=enrolment.ended_on)
    )
    _raise("date", rules.not_in_future_problem(day=date, today=today))
    _raise(
        "date",
        rules.date_in_phase_problem(
            start=date,
            days=rules.WHOLE_DAY,
            phase_label=Phase(phase).label,
            window=phase_window_of(enrolment, phase),
        ),
    )


@transaction.atomic
def add_mentor_log_entry(
    *, enrolment: Enrolment, mentor: User, today: datetime.date | None = None, **fields
) -> MentorLogEntry:
    """The mentor records a mentoring contact in the enrolment's current phase."""
    if enrolment.mentor_id != mentor.pk:
        raise ValidationError("Only the aspirant's mentor can add to their mentor log.")
    enrolment = _locked(enrolment)
    _check_mentor_log(
        enrolment=enrolment, phase=enrolment.phase, date=fields["date"], today=today or timezone.localdate()
    )
    entry = MentorLogEntry(enrolment=enrolment, phase=enrolment.phase, **_only_log_fields(fields))
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def change_mentor_log_entry(
    *, entry: MentorLogEntry, mentor: User, today: datetime.date | None = None, **fields
) -> MentorLogEntry:
    enrolment = _locked(entry.enrolment)
    if enrolment.mentor_id != mentor.pk:
        raise ValidationError("Only the aspirant's mentor can change their mentor log.")
    _check_mentor_log(
        enrolment=enrolment, phase=entry.phase, date=fields["date"], today=today or timezone.localdate()
    )
    for name, value in _only_log_fields(fields).items():
        setattr(entry, name, value)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def delete_mentor_log_entry(*, entry: MentorLogEntry, mentor: User) -> None:
    enrolment = _locked(entry.enrolment)
    if enrolment.mentor_id != mentor.pk:
        raise ValidationError("Only the aspirant's mentor can delete from their mentor log.")
    _raise(
        NON_FIELD_ERRORS, rules.logging_closed_problem(status=enrolment.status, ended_on=enrolment.ended_on)
    )
    entry.delete()


def _only_log_fields(fields: dict) -> dict:
    unknown = set(fields) - set(MENTOR_LOG_FIELDS)
    if unknown:
        raise TypeError(f"Unknown mentor log fields: {', '.join(sorted(unknown))}")
    return fields


def mentoring_cpd_draft_values(*, entry: MentorLogEntry) -> dict[str, dict]:
    """Prefilled values for the mentor's and the aspirant's CPD drafts from one mentoring contact.

    `programme.services.cpd_drafts.draft_cpd_from_mentoring` makes one person's draft `CPDRecord` from
    their half, when they ask (each private to its owner and editable). Keys follow the Social
    Work England CPD form in DESIGN.md.
    The mentor log's private notes are deliberately not copied into the aspirant's draft or the
    mentor's: each writes their own reflection.
    """
    enrolment = entry.enrolment
    hours = (Decimal(entry.duration_minutes) / Decimal(60)).quantize(Decimal("0.1"))
    common = {
        "date": entry.date,
        "hours": hours,
        "provider": enrolment.cohort.programme.title,
        "source_page_id": enrolment.cohort.programme.pk,
        "status": "draft",
    }
    mode = entry.get_mode_display().lower()
    return {
        "mentor": {
            **common,
            "owner_id": enrolment.mentor_id,
            "activity_type": "mentoring",
            "title": f"Mentoring an aspiring practice leader: {entry.focus}",
            "description": (
                f"A {entry.duration_display} mentoring contact ({mode}) with an aspiring practice leader "
                f"on the {enrolment.cohort.programme.title}. Focus: {entry.focus}."
            ),
            "why_relevant": "Mentoring develops my own leadership and supervision practice.",
            "what_i_learnt": "",
            "impact": "",
        },
        "aspirant": {
            **common,
            "owner_id": enrolment.aspirant_id,
            "activity_type": "mentoring",
            "title": f"Mentoring session: {entry.focus}",
            "description": (
                f"A {entry.duration_display} mentoring contact ({mode}) with my mentor on the "
                f"{enrolment.cohort.programme.title}. Focus: {entry.focus}."
            ),
            "why_relevant": "Part of my preparation for a practice leader role.",
            "what_i_learnt": "",
            "impact": "",
            "agreed_actions": entry.agreed_actions,
        },
    }
