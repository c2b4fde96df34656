"""Programme days: the aspirant logs, changes and deletes them; the mentor confirms or queries."""

import datetime
from decimal import Decimal
from functools import partial

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from cms.models import ActivityType, Phase, ProgrammeRequirement
from learning_records.programme import rules, tasks
from learning_records.programme.models import Enrolment, ProgrammeDay
from members.models import User

from .enrolments import _locked, _raise, phase_window_of


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
