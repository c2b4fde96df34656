"""Factories for the programme: a programme page with requirement rows, cohorts, enrolments,
days, mentor log entries. Dates are relative to today so "past" and "future" stay true."""

import datetime
from decimal import Decimal

import factory

from django.utils import timezone

from cms.models import ActivityType, Phase, ProgrammeIndexPage, ProgrammeRequirement
from learning_records.programme.models import Cohort, Enrolment, MentorLogEntry, ProgrammeDay
from members.models import User
from tests.cms.factories import ProgrammeIndexPageFactory, ProgrammePageFactory, home_page
from tests.members.factories import OrganisationFactory, UserFactory

# The Practice Leader Development Programme as the Centre describes it.
PLDP_REQUIREMENTS = [
    (ActivityType.RESIDENTIAL, Phase.PREPARATORY, "2", "2", True),
    (ActivityType.SEMINAR, Phase.PREPARATORY, "8", None, True),
    (ActivityType.MENTOR_AUTHORITY_DAY, Phase.PREPARATORY, "3", "5", False),
    (ActivityType.MENTOR_VISIT_DAY, Phase.PREPARATORY, "1", "2", True),
    (ActivityType.OFSTED_EXERCISE, Phase.PREPARATORY, "0", "2", False),
    (ActivityType.SERVICE_PROJECT, Phase.PREPARATORY, "0", None, False),
    (ActivityType.MENTORING, Phase.IN_ROLE, "6", None, True),
]


def programme_index() -> ProgrammeIndexPage:
    return ProgrammeIndexPage.objects.first() or ProgrammeIndexPageFactory(parent=home_page())


def make_programme(requirements=PLDP_REQUIREMENTS, **kwargs):
    """A live programme page with requirement rows: (activity, phase, min, max, mentor attends)."""
    programme = ProgrammePageFactory(parent=programme_index(), **kwargs)
    for order, (activity, phase, min_days, max_days, mentor_attends) in enumerate(requirements):
        ProgrammeRequirement.objects.create(
            programme=programme,
            sort_order=order,
            activity_type=activity,
            phase=phase,
            min_days=Decimal(min_days),
            max_days=None if max_days is None else Decimal(max_days),
            mentor_attends=mentor_attends,
        )
    return programme


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.LazyFunction(make_programme)
    name = factory.Sequence(lambda n: f"Cohort {n + 1}")
    start = factory.LazyFunction(lambda: days_ago(200))
    preparatory_end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(days=364))


class AspirantFactory(UserFactory):
    role = User.Role.ASPIRING_PRACTICE_LEADER
    organisation = factory.SubFactory(OrganisationFactory)


class MentorFactory(UserFactory):
    role = User.Role.MENTOR
    organisation = factory.SubFactory(OrganisationFactory)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    aspirant = factory.SubFactory(AspirantFactory)
    mentor = factory.SubFactory(MentorFactory)
    aspirant_organisation = factory.LazyAttribute(lambda o: o.aspirant.organisation)
    mentor_organisation = factory.LazyAttribute(lambda o: o.mentor.organisation)
    manager_name = "Dana Marsh"
    manager_email = factory.Sequence(lambda n: f"manager{n}@council.example")
    enrolled_on = factory.LazyAttribute(lambda o: o.cohort.start)


class ProgrammeDayFactory(factory.django.DjangoModelFactory):
    """Bypasses the services: for arranging data, not for testing the rules."""

    class Meta:
        model = ProgrammeDay

    enrolment = factory.SubFactory(EnrolmentFactory)
    phase = Phase.PREPARATORY
    activity_type = ActivityType.SEMINAR
    date = factory.LazyFunction(lambda: days_ago(10))
    days = Decimal("1")
    place = "University Library"
    what_happened = "Morning input on risk; afternoon on a real dilemma."


class MentorLogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorLogEntry

    enrolment = factory.SubFactory(EnrolmentFactory)
    phase = Phase.PREPARATORY
    date = factory.LazyFunction(lambda: days_ago(7))
    duration_minutes = 60
    mode = MentorLogEntry.Mode.VIDEO
    focus = "Preparing for the first day in my authority"
    notes = "Talked through what to look for in the front door service."
    agreed_actions = "Sam to draft questions for the team manager."
