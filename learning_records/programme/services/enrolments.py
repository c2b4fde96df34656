"""Enrolments: staff enrol an aspirant with a mentor, move them to the in-role phase, end it."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from cms.models import Phase
from learning_records.programme import rules
from learning_records.programme.models import Cohort, Enrolment
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
def return_to_preparatory(*, enrolment: Enrolment) -> Enrolment:
    """Undo a move to the in-role phase, while the aspirant has logged nothing in it."""
    enrolment = _locked(enrolment)
    if enrolment.phase != Phase.IN_ROLE:
        raise ValidationError("The aspirant is already in the preparatory phase.")
    in_role_days = enrolment.days.filter(phase=Phase.IN_ROLE).count()
    _raise(NON_FIELD_ERRORS, rules.return_to_preparatory_problem(in_role_days=in_role_days))
    enrolment.phase = Phase.PREPARATORY
    enrolment.in_role_started_on = None
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
