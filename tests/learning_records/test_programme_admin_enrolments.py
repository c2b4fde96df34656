"""Enrolments in the Wagtail admin: the form edits who and where; the phase and status change
only through actions that call the services, which hold the rules."""

import datetime

import pytest

from django.urls import reverse

from learning_records.programme.models import Enrolment
from tests.learning_records.programme_factories import (
    AspirantFactory,
    EnrolmentFactory,
    MentorFactory,
    ProgrammeDayFactory,
)

pytestmark = pytest.mark.django_db


def enrolment_data(cohort, aspirant, mentor, **overrides):
    values = {
        "aspirant": aspirant.pk,
        "cohort": cohort.pk,
        "aspirant_organisation": "",
        "mentor": mentor.pk,
        "mentor_organisation": "",
        "manager_name": "Dana Marsh",
        "manager_email": "dana@council.example",
        "enrolled_on": str(cohort.start),
    }
    return {**values, **overrides}


def action_url(name, enrolment):
    return reverse(f"programme_enrolments:{name}", args=[enrolment.pk])


def test_staff_enrol_an_aspirant_with_a_mentor_from_another_authority(staff, client_for):
    cohort = EnrolmentFactory().cohort
    aspirant, mentor = AspirantFactory(), MentorFactory()
    response = client_for(staff).post(
        reverse("programme_enrolments:add"), enrolment_data(cohort, aspirant, mentor)
    )
    enrolment = Enrolment.objects.get(aspirant=aspirant)
    assert response.status_code == 302
    assert response["Location"] == reverse("programme_enrolments:index")
    assert (enrolment.phase, enrolment.status) == ("preparatory", "active")
    assert enrolment.aspirant_organisation == aspirant.organisation
    assert enrolment.mentor_organisation == mentor.organisation


def test_a_mentor_from_the_same_authority_is_refused_clearly(staff, client_for):
    cohort = EnrolmentFactory().cohort
    aspirant = AspirantFactory()
    mentor = MentorFactory(organisation=aspirant.organisation)
    response = client_for(staff).post(
        reverse("programme_enrolments:add"), enrolment_data(cohort, aspirant, mentor)
    )
    body = response.content.decode()
    assert "The mentor must come from another authority: both are from" in body
    assert aspirant.organisation.name in body
    assert not Enrolment.objects.filter(aspirant=aspirant).exists()


def test_the_aspirant_cannot_mentor_themselves(staff, client_for):
    cohort = EnrolmentFactory().cohort
    aspirant = AspirantFactory()
    response = client_for(staff).post(
        reverse("programme_enrolments:add"), enrolment_data(cohort, aspirant, aspirant)
    )
    assert "The aspirant and the mentor must be different people." in response.content.decode()
    assert not Enrolment.objects.filter(aspirant=aspirant).exists()


def test_the_form_shows_phase_and_status_but_a_post_cannot_change_them(staff, client_for, enrolment):
    client = client_for(staff)
    url = reverse("programme_enrolments:edit", args=[enrolment.pk])
    form = client.get(url).context["form"]
    assert not {"phase", "in_role_started_on", "status", "ended_on", "status_note"} & set(form.fields)
    started = enrolment.cohort.preparatory_end + datetime.timedelta(days=7)
    data = enrolment_data(
        enrolment.cohort,
        enrolment.aspirant,
        enrolment.mentor,
        manager_name="Dana Marsh-Reid",
        phase="in_role",
        in_role_started_on=str(started),
        status="withdrawn",
        ended_on=str(started),
    )
    response = client.post(url, data)
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.manager_name == "Dana Marsh-Reid"
    assert (enrolment.phase, enrolment.in_role_started_on) == ("preparatory", None)
    assert (enrolment.status, enrolment.ended_on) == ("active", None)


def test_the_edit_page_offers_the_actions_that_apply(staff, client_for, enrolment):
    body = client_for(staff).get(reverse("programme_enrolments:edit", args=[enrolment.pk])).content.decode()
    assert action_url("move_to_in_role", enrolment) in body
    assert action_url("end", enrolment) in body
    assert action_url("return_to_preparatory", enrolment) not in body


def test_moving_to_in_role_goes_through_the_service_and_its_rules(staff, client_for, enrolment):
    client = client_for(staff)
    url = action_url("move_to_in_role", enrolment)
    too_early = enrolment.cohort.preparatory_end
    body = client.post(url, {"started_on": str(too_early)}).content.decode()
    assert "The in-role phase starts after the preparatory phase ends" in body
    enrolment.refresh_from_db()
    assert enrolment.phase == "preparatory"

    started = enrolment.cohort.preparatory_end + datetime.timedelta(days=7)
    response = client.post(url, {"started_on": str(started)})
    assert response.status_code == 302
    assert response["Location"] == reverse("programme_enrolments:edit", args=[enrolment.pk])
    enrolment.refresh_from_db()
    assert (enrolment.phase, enrolment.in_role_started_on) == ("in_role", started)
    # Once in role, the move is refused by the service, even when posted directly.
    again = client.post(url, {"started_on": str(started)}).content.decode()
    assert "The aspirant is already in the in-role phase." in again


def test_going_back_to_preparatory_is_refused_once_in_role_days_are_logged(staff, client_for, enrolment):
    client = client_for(staff)
    started = enrolment.cohort.preparatory_end + datetime.timedelta(days=7)
    client.post(action_url("move_to_in_role", enrolment), {"started_on": str(started)})
    ProgrammeDayFactory(enrolment=enrolment, phase="in_role", activity_type="mentoring", date=started)
    body = client.post(action_url("return_to_preparatory", enrolment)).content.decode()
    assert "cannot go back to the preparatory phase" in body
    enrolment.refresh_from_db()
    assert enrolment.phase == "in_role"


def test_a_move_made_by_mistake_is_undone_while_nothing_is_logged_in_role(staff, client_for, enrolment):
    client = client_for(staff)
    started = enrolment.cohort.preparatory_end + datetime.timedelta(days=7)
    client.post(action_url("move_to_in_role", enrolment), {"started_on": str(started)})
    assert client.post(action_url("return_to_preparatory", enrolment)).status_code == 302
    enrolment.refresh_from_db()
    assert (enrolment.phase, enrolment.in_role_started_on) == ("preparatory", None)


def test_ending_an_enrolment_needs_a_date_and_records_how_it_ended(staff, client_for, enrolment):
    client = client_for(staff)
    url = action_url("end", enrolment)
    body = client.post(url, {"status": "withdrawn", "on": ""}).content.decode()
    assert "This field is required." in body
    too_early = str(enrolment.enrolled_on - datetime.timedelta(days=1))
    body = client.post(url, {"status": "withdrawn", "on": too_early}).content.decode()
    assert "This date is before the aspirant enrolled." in body
    enrolment.refresh_from_db()
    assert enrolment.status == "active"
    ended = enrolment.enrolled_on + datetime.timedelta(days=30)
    response = client.post(url, {"status": "withdrawn", "on": str(ended), "note": "Moved to another role."})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.ended_on, enrolment.status_note) == (
        "withdrawn",
        ended,
        "Moved to another role.",
    )


def test_a_member_cannot_use_the_actions(client_for, enrolment):
    response = client_for(enrolment.aspirant).post(
        action_url("end", enrolment), {"status": "withdrawn", "on": str(enrolment.enrolled_on)}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    enrolment.refresh_from_db()
    assert enrolment.status == "active"
