"""The mentor's pages: their aspirants, days to confirm or query, and agreeing the plan."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from learning_records.programme.models import ProgrammeDay
from learning_records.programme.services import project
from tests.learning_records.programme_factories import (
    AspirantFactory,
    EnrolmentFactory,
    MentorLogEntryFactory,
    ProgrammeDayFactory,
)

pytestmark = pytest.mark.django_db


def test_the_mentoring_page_lists_only_their_aspirants_and_waiting_days(enrolment, client_for):
    second = EnrolmentFactory(mentor=enrolment.mentor, mentor_organisation=enrolment.mentor_organisation)
    stranger = EnrolmentFactory(aspirant=AspirantFactory(first_name="Not", last_name="Mentored-By-You"))
    ProgrammeDayFactory(enrolment=enrolment, place="Day at Westborough")
    ProgrammeDayFactory(enrolment=second, place="Day at Eastfield")
    ProgrammeDayFactory(enrolment=stranger, place="Day at Elsewhere")
    MentorLogEntryFactory(enrolment=second, focus="Talking through the Ofsted exercise")
    body = client_for(enrolment.mentor).get(reverse("programme:mentoring")).content.decode()
    assert enrolment.aspirant.display_name in body
    assert second.aspirant.display_name in body
    assert stranger.aspirant.display_name not in body
    assert "Day at Westborough" in body and "Day at Eastfield" in body
    assert "Day at Elsewhere" not in body
    assert "Talking through the Ofsted exercise" in body


def test_confirm_is_one_click(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    client = client_for(enrolment.mentor)
    page = client.get(reverse("programme:mentoring")).content.decode()
    assert reverse("programme:day_confirm", args=[day.pk]) in page
    response = client.post(
        reverse("programme:day_confirm", args=[day.pk]), {"next": reverse("programme:mentoring")}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("programme:mentoring")
    assert "Confirmed: Seminar" in response.content.decode()
    day.refresh_from_db()
    assert day.status == ProgrammeDay.Status.CONFIRMED


def test_confirming_a_future_day_is_refused_with_a_message(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment, date=timezone.localdate() + datetime.timedelta(days=3))
    response = client_for(enrolment.mentor).post(reverse("programme:day_confirm", args=[day.pk]), follow=True)
    assert "This day has not happened yet" in response.content.decode()
    day.refresh_from_db()
    assert day.status == ProgrammeDay.Status.LOGGED


def test_confirm_ignores_an_offsite_next(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    response = client_for(enrolment.mentor).post(
        reverse("programme:day_confirm", args=[day.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("programme:mentee", args=[enrolment.pk])


def test_querying_a_day_with_a_comment(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    client = client_for(enrolment.mentor)
    response = client.post(
        reverse("programme:day_query", args=[day.pk]), {"comment": "Which seminar was this?"}, follow=True
    )
    assert "The aspirant has been emailed your comment" in response.content.decode()
    day.refresh_from_db()
    assert (day.status, day.query_comment) == ("queried", "Which seminar was this?")


def test_a_query_without_a_comment_shows_the_form_with_the_error(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    response = client_for(enrolment.mentor).post(
        reverse("programme:day_query", args=[day.pk]), {"comment": ""}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_the_mentee_page_shows_progress_waiting_days_and_log(enrolment, client_for):
    ProgrammeDayFactory(enrolment=enrolment, place="Westborough front door")
    MentorLogEntryFactory(enrolment=enrolment, focus="First conversation")
    body = client_for(enrolment.mentor).get(reverse("programme:mentee", args=[enrolment.pk])).content.decode()
    assert "Westborough front door" in body
    assert "Progress in the preparatory phase" in body
    assert "First conversation" in body
    assert reverse("programme:log_create", args=[enrolment.pk]) in body


def make_plan(enrolment):
    return project.save_plan(
        enrolment=enrolment,
        user=enrolment.aspirant,
        title="Redesigning the front door",
        aim="Fewer repeat referrals.",
        need="Repeat referrals are high.",
        planned_outcomes="A fall of a fifth.",
        milestones=[project.MilestoneInput(title="Scoping", due_on=datetime.date(2026, 5, 1))],
    )[0]


def test_the_mentor_agrees_the_plan(enrolment, client_for):
    version = make_plan(enrolment)
    client = client_for(enrolment.mentor)
    url = reverse("programme:project_decision", args=[enrolment.pk])
    assert "Redesigning the front door" in client.get(url).content.decode()
    response = client.post(url, {"version": "1", "decision": "agreed", "comment": ""}, follow=True)
    assert "Your decision on the plan is recorded" in response.content.decode()
    assert version.agreements.filter(party="mentor", decision="agreed", user=enrolment.mentor).exists()
    assert "You have responded to this version" in client.get(url).content.decode()


def test_the_mentor_asks_for_changes_with_a_comment(enrolment, client_for):
    version = make_plan(enrolment)
    client = client_for(enrolment.mentor)
    url = reverse("programme:project_decision", args=[enrolment.pk])
    response = client.post(url, {"version": "1", "decision": "changes_requested", "comment": ""})
    assert "Say what should change" in response.content.decode()
    client.post(url, {"version": "1", "decision": "changes_requested", "comment": "Add a pilot date."})
    version.refresh_from_db()
    assert version.status == "changes_requested"


def test_a_decision_on_a_stale_version_is_refused(enrolment, client_for):
    make_plan(enrolment)
    response = client_for(enrolment.mentor).post(
        reverse("programme:project_decision", args=[enrolment.pk]), {"version": "7", "decision": "agreed"}
    )
    assert "The plan has changed since you opened it" in response.content.decode()


def test_no_plan_yet_is_404(enrolment, client_for):
    response = client_for(enrolment.mentor).get(reverse("programme:project_decision", args=[enrolment.pk]))
    assert response.status_code == 404
