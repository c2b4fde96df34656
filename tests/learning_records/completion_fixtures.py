"""A programme enrolment that meets every preparatory requirement, for the completion certificate."""

import datetime
from decimal import Decimal

from cms.models import ActivityType
from learning_records.programme import tokens
from learning_records.programme.models import ProgrammeDay, ServiceProjectAgreement
from learning_records.programme.services import project
from tests.learning_records.programme_factories import ProgrammeDayFactory, days_ago

AGREED = ServiceProjectAgreement.Decision.AGREED

# What the standard programme (programme_factories.PLDP_REQUIREMENTS) asks for in the
# preparatory phase, as (activity, days per entry, entries).
PREPARATORY_DAYS = [
    (ActivityType.RESIDENTIAL, "2", 1),
    (ActivityType.SEMINAR, "1", 8),
    (ActivityType.MENTOR_AUTHORITY_DAY, "1", 3),
    (ActivityType.MENTOR_VISIT_DAY, "1", 1),
]


def log_required_days(enrolment, *, status=ProgrammeDay.Status.CONFIRMED, skip=None):
    """Every required preparatory day, one calendar date each; `skip` leaves one activity out."""
    offset = 20
    for activity, days, entries in PREPARATORY_DAYS:
        if activity == skip:
            continue
        for _ in range(entries):
            ProgrammeDayFactory(
                enrolment=enrolment,
                activity_type=activity,
                days=Decimal(days),
                date=days_ago(offset),
                status=status,
            )
            offset += 3


def propose_plan(enrolment, title="Redesigning the front door"):
    version, _ = project.save_plan(
        enrolment=enrolment,
        user=enrolment.aspirant,
        title=title,
        aim="Fewer repeat referrals to children's services.",
        need="One in four referrals is a repeat within a year.",
        planned_outcomes="Repeat referrals fall by a fifth.",
        milestones=[project.MilestoneInput(title="Pilot", due_on=datetime.date(2026, 9, 1))],
    )
    return version


def mentor_agrees(enrolment, version):
    project.mentor_decides(
        enrolment=enrolment, mentor=enrolment.mentor, version_number=version.number, decision=AGREED
    )


def manager_agrees(version):
    project.manager_decides(token=tokens.make_manager_token(version), decision=AGREED)


def complete(enrolment):
    """Every preparatory day confirmed and the plan agreed by all three."""
    log_required_days(enrolment)
    version = propose_plan(enrolment)
    mentor_agrees(enrolment, version)
    manager_agrees(version)
    return enrolment
