"""The aspirant's dashboard (/my/programme/): progress, next seminar, project, mentor log."""

import datetime
from decimal import Decimal as D

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.models import ActivityType
from learning_records.programme import services
from learning_records.programme.models import ProgrammeDay
from learning_records.programme.services import project
from tests.cms.factories import EventIndexPageFactory, EventPageFactory, home_page
from tests.learning_records.programme_factories import (
    CohortFactory,
    EnrolmentFactory,
    MentorLogEntryFactory,
    ProgrammeDayFactory,
    days_ago,
)

pytestmark = pytest.mark.django_db


def dashboard(client_for, enrolment):
    response = client_for(enrolment.aspirant).get(reverse("programme:dashboard", args=[enrolment.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_my_programme_goes_straight_to_the_only_enrolment(enrolment, client_for):
    response = client_for(enrolment.aspirant).get(reverse("programme:my_programme"))
    assert response.status_code == 302
    assert response["Location"] == reverse("programme:dashboard", args=[enrolment.pk])


def test_my_programme_lists_several_enrolments(enrolment, client_for):
    second = EnrolmentFactory(
        aspirant=enrolment.aspirant,
        aspirant_organisation=enrolment.aspirant_organisation,
        cohort=CohortFactory(programme=enrolment.cohort.programme),
    )
    response = client_for(enrolment.aspirant).get(reverse("programme:my_programme"))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("programme:dashboard", args=[enrolment.pk]) in body
    assert reverse("programme:dashboard", args=[second.pk]) in body


def test_progress_shows_done_confirmed_remaining_and_over_the_minimum(enrolment, client_for):
    for i in range(4):
        day = ProgrammeDayFactory(
            enrolment=enrolment, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(20 + i)
        )
        if i < 2:
            services.confirm_day(day=day, mentor=enrolment.mentor)
    body = dashboard(client_for, enrolment)
    row = body[body.index("Day in the mentor&#x27;s authority") :][:1200]
    assert "4 days" in row  # done
    assert "2 days" in row  # confirmed
    assert "1 day over the minimum" in row  # minimum 3
    assert "Up to 1 day more can be logged." in row  # maximum 5
    assert "Done, awaiting confirmation" in row
    seminar = body[body.index('<th scope="row">Seminar') :][:1000]
    assert "8 days still needed." in seminar
    assert "Optional" in body[body.index("Ofsted inspection exercise") :][:600]


def test_the_limit_is_shown_when_reached(enrolment, client_for):
    for i in range(2):
        ProgrammeDayFactory(
            enrolment=enrolment, activity_type=ActivityType.MENTOR_VISIT_DAY, date=days_ago(30 + i)
        )
    body = dashboard(client_for, enrolment)
    assert "Limit reached: no more can be logged." in body[body.index("Mentor day in own authority") :][:1200]


def test_the_next_seminar_comes_from_the_events_pages(enrolment, client_for):
    events = EventIndexPageFactory(parent=home_page())
    EventPageFactory(
        parent=events, title="Last year's seminar", start=timezone.now() - datetime.timedelta(days=30)
    )
    EventPageFactory(
        parent=events, title="Dementia Matters", start=timezone.now() + datetime.timedelta(days=20)
    )
    EventPageFactory(
        parent=events, title="Transitional Safeguarding", start=timezone.now() + datetime.timedelta(days=9)
    )
    EventPageFactory(
        parent=events, title="A workshop", kind="workshop", start=timezone.now() + datetime.timedelta(days=2)
    )
    body = dashboard(client_for, enrolment)
    aside = body[body.index("Next seminar") :][:600]
    assert "Transitional Safeguarding" in aside
    assert "A workshop" not in aside


def test_no_seminar_announced(enrolment, client_for):
    assert "No seminar is announced yet." in dashboard(client_for, enrolment)


def test_empty_states_for_a_new_aspirant(enrolment, client_for):
    body = dashboard(client_for, enrolment)
    assert "No days logged yet" in body
    assert "No project plan yet" in body
    assert "No mentoring contacts logged yet" in body
    assert reverse("programme:day_create", args=[enrolment.pk]) in body


def test_the_project_and_its_agreements_are_shown(enrolment, client_for):
    version, _ = project.save_plan(
        enrolment=enrolment,
        user=enrolment.aspirant,
        title="Redesigning the front door",
        aim="Fewer repeat referrals.",
        need="Repeat referrals are high.",
        planned_outcomes="A fall of a fifth.",
        milestones=[project.MilestoneInput(title="Scoping with the MASH", due_on=datetime.date(2026, 5, 1))],
    )
    project.mentor_decides(enrolment=enrolment, mentor=enrolment.mentor, version_number=1, decision="agreed")
    body = dashboard(client_for, enrolment)
    assert "Redesigning the front door" in body
    assert "Scoping with the MASH" in body
    assert "Waiting for agreement" in body
    agreements = body[body.index("Agreements to version 1") :][:2500]
    assert agreements.count("Agreed") == 2
    assert "Not yet" in agreements
    assert f"Send {enrolment.manager_name} a new link" in body


def test_queried_days_and_the_mentor_log_are_shown(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    services.query_day(day=day, mentor=enrolment.mentor, comment="Which speaker was this?")
    MentorLogEntryFactory(enrolment=enrolment, focus="Getting ready for the residential")
    body = dashboard(client_for, enrolment)
    assert "Your mentor has a question about 1 day" in body
    assert "Which speaker was this?" in body
    assert reverse("programme:day_edit", args=[enrolment.pk, day.pk]) in body
    assert "Getting ready for the residential" in body


def test_a_withdrawn_aspirant_sees_the_record_but_cannot_log(enrolment, client_for):
    ProgrammeDayFactory(enrolment=enrolment)
    services.end_enrolment(enrolment=enrolment, status="withdrawn", on=days_ago(1))
    body = dashboard(client_for, enrolment)
    assert "nothing new can be logged. The record is kept." in body
    assert reverse("programme:day_create", args=[enrolment.pk]) not in body
    assert "Seminar" in body


def test_in_role_shows_the_in_role_phase_first_and_keeps_the_preparatory_record(enrolment, client_for):
    ProgrammeDayFactory(enrolment=enrolment)
    services.move_to_in_role(
        enrolment=enrolment, started_on=enrolment.cohort.preparatory_end + datetime.timedelta(days=1)
    )
    body = dashboard(client_for, enrolment)
    assert body.index("Progress in the in-role phase") < body.index("Preparatory phase: the record")


def add_days(enrolment, start, count):
    ProgrammeDay.objects.bulk_create(
        ProgrammeDayFactory.build(
            enrolment=enrolment,
            activity_type=[ActivityType.SEMINAR, ActivityType.MENTOR_AUTHORITY_DAY][i % 2],
            date=enrolment.cohort.start + datetime.timedelta(days=i),
            days=D("0.5") if i % 2 else D("1"),
            status=["logged", "confirmed", "queried"][i % 3],
            query_comment="Which one?",
        )
        for i in range(start, start + count)
    )


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_logged_days(enrolment, client_for):
    """The same number of queries for 10 and for 200 logged days."""
    client = client_for(enrolment.aspirant)
    url = reverse("programme:dashboard", args=[enrolment.pk])
    for i in range(6):
        MentorLogEntryFactory(enrolment=enrolment, date=days_ago(10 + i))
    add_days(enrolment, 0, 10)
    client.get(url)  # warm the site and settings caches
    small = queries_for(client, url)
    add_days(enrolment, 10, 190)
    assert enrolment.days.count() == 200
    assert queries_for(client, url) == small
