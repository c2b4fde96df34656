"""Writes (and the progress read-outs) for the Practice Leader Development Programme.

Every function is keyword-only, runs in `transaction.atomic`, checks the rules in
`learning_records/rules/programme.py` and raises `ValidationError` with a message a member can
read. Limits come from the cohort's programme page, never from code.
"""

import datetime
from decimal import Decimal
from functools import partial

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from cms.models import ActivityType, Phase, ProgrammeRequirement
from learning_records.models import Cohort, Enrolment, MentorLogEntry, ProgrammeDay
from learning_records.rules import programme as rules
from learning_records.tasks import programme as tasks
from members.models import Organisation, User


def _raise(field: str, message: str | None) -> None:
    if message:
        raise ValidationError({field: message})


def _locked(enrolment: Enrolment) -> Enrolment:
    """Re-read the enrolment with a row lock, so logs for one aspirant are checked one at a time."""
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("cohort__programme")
        .get(pk=enrolment.pk)
    )


def phase_window_of(enrolment: Enrolment, phase: str) -> tuple[datetime.date, datetime.date] | None:
    return rules.phase_window(
        phase,
        cohort_start=enrolment.cohort.start,
        preparatory_end=enrolment.cohort.preparatory_end,
        in_role_started_on=enrolment.in_role_started_on,
    )


# Enrolments ------------------------------------------------------------------------------------


@transaction.atomic
def enrol(
    *,
    cohort: Cohort,
    aspirant: User,
    mentor: User,
    manager_name: str,
    manager_email: str,
    enrolled_on: datetime.date | None = None,
    aspirant_organisation: Organisation | None = None,
    mentor_organisation: Organisation | None = None,
) -> Enrolment:
    """Enrol an aspirant on a cohort with a mentor from another authority."""
    enrolment = Enrolment(
        cohort=cohort,
        aspirant=aspirant,
        mentor=mentor,
        manager_name=manager_name,
        manager_email=manager_email,
        enrolled_on=enrolled_on or timezone.localdate(),
        aspirant_organisation=aspirant_organisation,
        mentor_organisation=mentor_organisation,
    )
    enrolment.full_clean()
    enrolment.save()
    return enrolment


@transaction.atomic
def move_to_in_role(*, enrolment: Enrolment, started_on: datetime.date) -> Enrolment:
    """Start the in-role phase. The preparatory record stays as it is; new logs are in-role."""
    enrolment = _locked(enrolment)
    _raise(
        NON_FIELD_ERRORS, rules.logging_closed_problem(status=enrolment.status, ended_on=enrolment.ended_on)
    )
    if enrolment.phase == Phase.IN_ROLE:
        raise ValidationError("The aspirant is already in the in-role phase.")
    enrolment.phase = Phase.IN_ROLE
    enrolment.in_role_started_on = started_on
    enrolment.full_clean()
    enrolment.save()
    return enrolment


@transaction.atomic
def end_enrolment(*, enrolment: Enrolment, status: str, on: datetime.date, note: str = "") -> Enrolment:
    """Withdraw or complete an enrolment. Nothing is deleted; new logs are refused from now on."""
    if status not in (Enrolment.Status.WITHDRAWN, Enrolment.Status.COMPLETED):
        raise ValidationError("An enrolment ends as withdrawn or completed.")
    enrolment = _locked(enrolment)
    enrolment.status = status
    enrolment.ended_on = on
    enrolment.status_note = note
    enrolment.full_clean()
    enrolment.save()
    return enrolment


# Programme days --------------------------------------------------------------------------------


def _check_day(
    *,
    enrolment: Enrolment,
    phase: str,
    activity_type: str,
    date: datetime.date,
    days: Decimal | None,
    exclude_pk: int | None = None,
) -> tuple[Decimal, ProgrammeRequirement]:
    """Every rule a logged day must meet. The enrolment must already be locked."""
    _raise(
        NON_FIELD_ERRORS, rules.logging_closed_problem(status=enrolment.status, ended_on=enrolment.ended_on)
    )
    activity_label = (
        ActivityType(activity_type).label if activity_type in ActivityType.values else activity_type
    )
    phase_label = Phase(phase).label
    requirement = enrolment.cohort.programme.requirement_for(activity_type, phase)
    if requirement is None:
        _raise(
            "activity_type",
            rules.requirement_missing_problem(activity_label=activity_label, phase_label=phase_label),
        )
    days = rules.entry_length(activity_type, days)
    _raise("days", rules.day_length_problem(activity_type, days))
    _raise(
        "date",
        rules.date_in_phase_problem(
            start=date, days=days, phase_label=phase_label, window=phase_window_of(enrolment, phase)
        ),
    )
    others = enrolment.days.exclude(pk=exclude_pk)
    logged = others.filter(phase=phase, activity_type=activity_type).aggregate(total=Sum("days"))["total"]
    _raise(
        "activity_type",
        rules.maximum_problem(
            label=activity_label, max_days=requirement.max_days, logged=logged or Decimal(0), new_days=days
        ),
    )
    # A residential that started the day before can overlap this date.
    nearby = others.filter(
        date__gte=date - datetime.timedelta(days=1), date__lte=rules.last_day_of(date, days)
    ).values_list("date", "days")
    _raise("date", rules.daily_capacity_problem(existing=list(nearby), start=date, days=days))
    return days, requirement


def _notify_mentor(enrolment: Enrolment) -> None:
    if not enrolment.mentor_id:  # the mentor deleted their account; a new one sees the days
        return
    transaction.on_commit(partial(tasks.email_mentor_days_waiting.enqueue, enrolment.pk))


@transaction.atomic
def log_day(
    *,
    enrolment: Enrolment,
    activity_type: str,
    date: datetime.date,
    days: Decimal | None,
    place: str = "",
    what_happened: str = "",
    what_i_learnt: str = "",
) -> ProgrammeDay:
    """Log a programme day in the enrolment's current phase, refusing one past its maximum.

    The enrolment row is locked first, so two requests logging the last allowed day at the same
    moment are checked one after the other and only one succeeds.
    """
    enrolment = _locked(enrolment)
    days, _requirement = _check_day(
        enrolment=enrolment, phase=enrolment.phase, activity_type=activity_type, date=date, days=days
    )
    day = ProgrammeDay.objects.create(
        enrolment=enrolment,
        phase=enrolment.phase,
        activity_type=activity_type,
        date=date,
        days=days,
        place=place,
        what_happened=what_happened,
        what_i_learnt=what_i_learnt,
        mentor_joined_on_day=rules.mentor_joined_on_day(activity_type),
    )
    _notify_mentor(enrolment)
    return day


@transaction.atomic
def change_day(
    *,
    day: ProgrammeDay,
    activity_type: str,
    date: datetime.date,
    days: Decimal | None,
    place: str = "",
    what_happened: str = "",
    what_i_learnt: str = "",
) -> ProgrammeDay:
    """Change a day that is not yet confirmed; it goes back to the mentor to confirm."""
    enrolment = _locked(day.enrolment)
    day = ProgrammeDay.objects.get(pk=day.pk)
    if day.status == ProgrammeDay.Status.CONFIRMED:
        raise ValidationError("Your mentor has confirmed this day, so it can no longer be changed.")
    days, _requirement = _check_day(
        enrolment=enrolment,
        phase=day.phase,
        activity_type=activity_type,
        date=date,
        days=days,
        exclude_pk=day.pk,
    )
    day.activity_type = activity_type
    day.date = date
    day.days = days
    day.place = place
    day.what_happened = what_happened
    day.what_i_learnt = what_i_learnt
    day.mentor_joined_on_day = rules.mentor_joined_on_day(activity_type)
    day.status = ProgrammeDay.Status.LOGGED
    day.reviewed_at = None
    day.save()
    _notify_mentor(enrolment)
    return day


@transaction.atomic
def delete_day(*, day: ProgrammeDay) -> None:
    enrolment = _locked(day.enrolment)
    day = ProgrammeDay.objects.get(pk=day.pk)
    _raise(
        NON_FIELD_ERRORS, rules.logging_closed_problem(status=enrolment.status, ended_on=enrolment.ended_on)
    )
    if day.status == ProgrammeDay.Status.CONFIRMED:
        raise ValidationError("Your mentor has confirmed this day, so it cannot be deleted.")
    day.delete()


def _clear_mentor_reminder_if_done(enrolment: Enrolment) -> None:
    # Once nothing waits, the next logged day should reach the mentor straight away.
    if not enrolment.days.waiting().exists():
        Enrolment.objects.filter(pk=enrolment.pk).update(mentor_notified_at=None)


@transaction.atomic
def confirm_day(*, day: ProgrammeDay, mentor: User, today: datetime.date | None = None) -> ProgrammeDay:
    """The mentor confirms a day, once all of it has happened."""
    day = ProgrammeDay.objects.select_for_update(of=("self",)).select_related("enrolment").get(pk=day.pk)
    if day.enrolment.mentor_id != mentor.pk:
        raise ValidationError("Only the aspirant's mentor can confirm their days.")
    if day.status == ProgrammeDay.Status.CONFIRMED:
        raise ValidationError("This day is already confirmed.")
    _raise(
        NON_FIELD_ERRORS,
        rules.confirmation_problem(last_date=day.last_date, today=today or timezone.localdate()),
    )
    day.status = ProgrammeDay.Status.CONFIRMED
    day.reviewed_at = timezone.now()
    day.save(update_fields=["status", "reviewed_at", "updated_at"])
    _clear_mentor_reminder_if_done(day.enrolment)
    return day


@transaction.atomic
def query_day(*, day: ProgrammeDay, mentor: User, comment: str) -> ProgrammeDay:
    """The mentor queries a day with a comment; the aspirant is emailed and can change it."""
    day = ProgrammeDay.objects.select_for_update(of=("self",)).select_related("enrolment").get(pk=day.pk)
    if day.enrolment.mentor_id != mentor.pk:
        raise ValidationError("Only the aspirant's mentor can query their days.")
    if day.status != ProgrammeDay.Status.LOGGED:
        raise ValidationError(
            f"This day is {day.get_status_display().lower()}; only waiting days can be queried."
        )
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": "Say what the aspirant should check or add."})
    day.status = ProgrammeDay.Status.QUERIED
    day.query_comment = comment
    day.reviewed_at = timezone.now()
    day.save(update_fields=["status", "query_comment", "reviewed_at", "updated_at"])
    _clear_mentor_reminder_if_done(day.enrolment)
    transaction.on_commit(partial(tasks.email_aspirant_day_queried.enqueue, day.pk))
    return day


# Mentor log ------------------------------------------------------------------------------------

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

    `services.programme_cpd.draft_cpd_from_mentoring` makes one person's draft `CPDRecord` from
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
