"""The aspirant proposes and changes their service development project plan."""

import pytest

from django.urls import reverse

from learning_records.programme import tokens
from learning_records.programme.models import ServiceProjectVersion
from learning_records.programme.services import project

pytestmark = pytest.mark.django_db


def plan_data(**overrides):
    values = {
        "title": "Redesigning the front door",
        "aim": "Fewer repeat referrals.",
        "need": "One in four referrals is a repeat.",
        "planned_outcomes": "Repeat referrals fall by a fifth.",
        "milestones-TOTAL_FORMS": "3",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "20",
        "milestones-0-title": "Scoping with the MASH",
        "milestones-0-due_on": "2026-05-01",
        "milestones-0-status": "not_started",
        "milestones-1-title": "Pilot",
        "milestones-1-due_on": "2026-09-01",
        "milestones-1-status": "not_started",
        "milestones-2-title": "",
        "milestones-2-due_on": "",
        "milestones-2-status": "not_started",
    }
    return {**values, **overrides}


def test_the_empty_form_explains_who_agrees(enrolment, client_for):
    body = (
        client_for(enrolment.aspirant)
        .get(reverse("programme:project_edit", args=[enrolment.pk]))
        .content.decode()
    )
    assert "Propose your service development project" in body
    assert enrolment.manager_name in body
    assert 'name="milestones-0-title"' in body


def test_proposing_the_plan(enrolment, client_for):
    response = client_for(enrolment.aspirant).post(
        reverse("programme:project_edit", args=[enrolment.pk]), plan_data(), follow=True
    )
    version = ServiceProjectVersion.objects.get(project__enrolment=enrolment)
    assert [m.title for m in version.milestones.all()] == ["Scoping with the MASH", "Pilot"]
    assert "Version 1 of your plan is sent" in response.content.decode()


def test_a_plan_needs_a_milestone_and_keeps_what_was_typed(enrolment, client_for):
    data = plan_data(
        **{
            "milestones-0-title": "",
            "milestones-0-due_on": "",
            "milestones-1-title": "",
            "milestones-1-due_on": "",
        }
    )
    response = client_for(enrolment.aspirant).post(
        reverse("programme:project_edit", args=[enrolment.pk]), data
    )
    body = response.content.decode()
    assert "Add at least one milestone with a date." in body
    assert "One in four referrals is a repeat." in body
    assert not ServiceProjectVersion.objects.exists()


def test_a_milestone_without_a_date_is_a_field_error(enrolment, client_for):
    response = client_for(enrolment.aspirant).post(
        reverse("programme:project_edit", args=[enrolment.pk]), plan_data(**{"milestones-1-due_on": ""})
    )
    assert "Milestone 2, due by: This field is required." in response.content.decode()


def test_changing_the_agreed_plan_makes_version_two_and_keeps_history(enrolment, client_for):
    client = client_for(enrolment.aspirant)
    url = reverse("programme:project_edit", args=[enrolment.pk])
    client.post(url, plan_data())
    version = ServiceProjectVersion.objects.get()
    project.mentor_decides(enrolment=enrolment, mentor=enrolment.mentor, version_number=1, decision="agreed")
    project.manager_decides(token=tokens.make_manager_token(version), decision="agreed")
    edit_page = client.get(url).content.decode()
    assert "starts version 2" in edit_page
    assert 'value="Redesigning the front door"' in edit_page
    data = plan_data(title="Redesigning the front door with partners", **{"milestones-INITIAL_FORMS": "2"})
    response = client.post(url, data, follow=True)
    assert "Version 2 of your plan is sent" in response.content.decode()
    history = client.get(reverse("programme:project_history", args=[enrolment.pk])).content.decode()
    assert history.index("Version 2") < history.index("Version 1")
    first = history[history.index('id="version-1"') :]
    assert "Replaced by a later version" in first
    assert first.count(">Agreed</span>") == 3
    assert enrolment.manager_name in first


def test_updating_milestone_progress_keeps_the_version(enrolment, client_for):
    client = client_for(enrolment.aspirant)
    url = reverse("programme:project_edit", args=[enrolment.pk])
    client.post(url, plan_data())
    # The edit form renders the two saved milestones as initial forms.
    assert 'name="milestones-INITIAL_FORMS" value="2"' in client.get(url).content.decode()
    response = client.post(
        url, plan_data(**{"milestones-INITIAL_FORMS": "2", "milestones-0-status": "done"}), follow=True
    )
    assert "Milestone progress saved" in response.content.decode()
    version = ServiceProjectVersion.objects.get()
    assert version.milestones.first().status == "done"


def test_resending_the_managers_link(enrolment, client_for, django_capture_on_commit_callbacks):
    from django.core import mail

    client = client_for(enrolment.aspirant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programme:project_edit", args=[enrolment.pk]), plan_data())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("programme:project_resend", args=[enrolment.pk]), follow=True)
    assert "A new link has been sent" in response.content.decode()
    assert len(mail.outbox) == 2
    first_link, second_link = (
        next(line for line in m.body.splitlines() if "/agree/" in line).replace("http://testserver", "")
        for m in mail.outbox
    )
    assert client.get(first_link).status_code == 404
    assert client.get(second_link).status_code == 200


def test_resend_is_post_only(enrolment, client_for):
    response = client_for(enrolment.aspirant).get(reverse("programme:project_resend", args=[enrolment.pk]))
    assert response.status_code == 405
