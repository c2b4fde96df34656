"""The manager's page at /agree/<token>/: read-only plan, agree or ask for changes, once."""

import datetime
import time

import pytest

from django.core import signing
from django.test import Client
from django.urls import reverse

from learning_records.programme import tokens
from learning_records.programme.models import ServiceProjectAgreement
from learning_records.programme.services import project
from tests.learning_records.programme_factories import EnrolmentFactory, ProgrammeDayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(enrolment):
    return project.save_plan(
        enrolment=enrolment,
        user=enrolment.aspirant,
        title="Redesigning the front door",
        aim="Fewer repeat referrals.",
        need="One in four referrals is a repeat.",
        planned_outcomes="Repeat referrals fall by a fifth.",
        milestones=[project.MilestoneInput(title="Scoping with the MASH", due_on=datetime.date(2026, 5, 1))],
    )[0]


def url_for(version):
    return reverse("programme:manager_agreement", args=[tokens.make_manager_token(version)])


def test_the_plan_is_shown_read_only_without_other_personal_data(version, client):
    enrolment = version.project.enrolment
    ProgrammeDayFactory(enrolment=enrolment, place="A place only the aspirant should see")
    response = client.get(url_for(version))
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "Redesigning the front door" in body
    assert "Scoping with the MASH" in body
    assert enrolment.aspirant.display_name in body
    for private in (
        enrolment.aspirant.email,
        enrolment.mentor.email,
        enrolment.manager_email,
        "A place only the aspirant should see",
    ):
        assert private not in body
    assert 'name="title"' not in body  # nothing to edit
    assert "noindex" in body


def test_a_get_changes_nothing(version, client):
    client.get(url_for(version))
    client.get(url_for(version))
    assert not version.agreements.filter(party="manager").exists()


def test_the_manager_agrees(version, client):
    response = client.post(url_for(version), {"decision": "agreed"})
    assert response.status_code == 200
    assert "You have agreed" in response.content.decode()
    agreement = version.agreements.get(party="manager")
    assert agreement.name == version.project.enrolment.manager_name
    assert agreement.decided_at is not None


def test_the_manager_asks_for_changes_with_a_comment(version, client):
    url = url_for(version)
    response = client.post(url, {"decision": "changes_requested", "comment": ""})
    assert "Say what should change" in response.content.decode()
    assert not version.agreements.filter(party="manager").exists()
    client.post(url, {"decision": "changes_requested", "comment": "Please add who leads the pilot."})
    version.refresh_from_db()
    assert version.status == "changes_requested"
    assert version.agreements.get(party="manager").comment == "Please add who leads the pilot."


def test_the_link_is_refused_after_use(version, client):
    url = url_for(version)
    client.post(url, {"decision": "agreed"})
    for response in (client.get(url), client.post(url, {"decision": "agreed"})):
        assert response.status_code == 410
        assert "already responded" in response.content.decode()
        assert "Redesigning the front door" not in response.content.decode()
    assert ServiceProjectAgreement.objects.filter(party="manager").count() == 1


def test_the_link_is_refused_after_expiry(version, client, monkeypatch):
    now = time.time()
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: now - 15 * 86400)
        url = url_for(version)
    response = client.get(url)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert client.post(url, {"decision": "agreed"}).status_code == 410
    assert not version.agreements.filter(party="manager").exists()


def test_the_link_is_refused_when_altered(version, client):
    token = tokens.make_manager_token(version)
    altered = token[:-2] + ("xx" if not token.endswith("xx") else "yy")
    response = client.get(reverse("programme:manager_agreement", args=[altered]))
    assert response.status_code == 404
    assert "Redesigning the front door" not in response.content.decode()
    assert (
        client.post(
            reverse("programme:manager_agreement", args=[altered]), {"decision": "agreed"}
        ).status_code
        == 404
    )


def test_the_link_does_not_work_for_another_project(version, client):
    other = EnrolmentFactory(cohort=version.project.enrolment.cohort)
    other_version = project.save_plan(
        enrolment=other,
        user=other.aspirant,
        title="Another project",
        aim="a",
        need="b",
        planned_outcomes="c",
        milestones=[project.MilestoneInput(title="m", due_on=datetime.date(2026, 5, 1))],
    )[0]
    forged = signing.dumps(
        {"p": other_version.project_id, "v": 1, "n": version.manager_nonce}, salt=tokens.TOKEN_SALT
    )
    url = reverse("programme:manager_agreement", args=[forged])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "agreed"}).status_code == 404
    assert not other_version.agreements.filter(party="manager").exists()


def test_the_link_for_a_replaced_version_is_refused(version, client):
    url = url_for(version)
    project.save_plan(
        enrolment=version.project.enrolment,
        user=version.project.enrolment.aspirant,
        title="Redesigning the front door with partners",
        aim="Fewer repeat referrals.",
        need="One in four referrals is a repeat.",
        planned_outcomes="Repeat referrals fall by a fifth.",
        milestones=[project.MilestoneInput(title="Scoping with the MASH", due_on=datetime.date(2026, 5, 1))],
    )
    response = client.get(url)
    assert response.status_code == 410
    assert "The plan has changed since this link was sent" in response.content.decode()


def test_no_login_is_needed_but_csrf_is_checked(version):
    client = Client(enforce_csrf_checks=True)
    url = url_for(version)
    assert client.get(url).status_code == 200
    assert client.post(url, {"decision": "agreed"}).status_code == 403
    page = client.get(url)
    token = page.context["csrf_token"]
    assert client.post(url, {"decision": "agreed", "csrfmiddlewaretoken": str(token)}).status_code == 200
    assert version.agreements.filter(party="manager", decision="agreed").exists()
