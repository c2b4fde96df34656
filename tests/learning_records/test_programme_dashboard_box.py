"""The programme's box on the member's dashboard (/my/): aspirants, mentors, and nobody else."""

from decimal import Decimal

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import ActivityType
from learning_records.programme.models import ProgrammeDay
from tests.learning_records.programme_factories import EnrolmentFactory, ProgrammeDayFactory, days_ago

pytestmark = pytest.mark.django_db

CONFIRMED, LOGGED = ProgrammeDay.Status.CONFIRMED, ProgrammeDay.Status.LOGGED


@pytest.fixture
def progress(enrolment):
    """A residential confirmed (2 of 2), three seminars of which one confirmed (3 of 8)."""
    ProgrammeDayFactory(
        enrolment=enrolment, activity_type=ActivityType.RESIDENTIAL, days=Decimal("2"), status=CONFIRMED
    )
    ProgrammeDayFactory(enrolment=enrolment, status=CONFIRMED, date=days_ago(30))
    ProgrammeDayFactory.create_batch(2, enrolment=enrolment, status=LOGGED)
    return enrolment


def dashboard(client):
    response = client.get(reverse("records:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_an_aspirant_sees_their_programme_days_and_what_waits(progress, client_for):
    body = dashboard(client_for(progress.aspirant))
    assert 'id="programme-heading"' in body
    assert progress.cohort.programme.title in body
    # Needed in the preparatory phase: residential 2, seminars 8, mentor's authority 3, visit 1.
    assert "5 days done of the 14 days needed in this phase (1 of 4 requirements met)." in body
    assert "2 days waiting for your mentor to confirm." in body
    assert reverse("programme:dashboard", args=[progress.pk]) in body
    assert 'id="mentoring-heading"' not in body


def test_a_mentor_sees_their_aspirants_and_the_days_waiting_for_them(progress, client_for):
    EnrolmentFactory(mentor=progress.mentor)  # a second aspirant, nothing logged
    body = dashboard(client_for(progress.mentor))
    assert 'id="mentoring-heading"' in body
    assert "You mentor 2 aspiring practice leaders at present." in body
    assert "2 days waiting for you to confirm." in body
    assert reverse("programme:mentoring") in body
    assert 'id="programme-heading"' not in body


def test_nothing_waiting_is_said_plainly(enrolment, client_for):
    assert "No days are waiting for your mentor." in dashboard(client_for(enrolment.aspirant))
    assert "No days are waiting for you to confirm." in dashboard(client_for(enrolment.mentor))


def test_other_members_see_no_programme_box(progress, client_for, stranger):
    body = dashboard(client_for(stranger))
    assert 'id="programme-heading"' not in body and 'id="mentoring-heading"' not in body
    assert progress.cohort.programme.title not in body


def test_a_former_aspirant_sees_the_status_of_their_enrolment(enrolment, client_for):
    enrolment.status, enrolment.ended_on = "withdrawn", days_ago(1)
    enrolment.save()
    assert "Withdrawn" in dashboard(client_for(enrolment.aspirant))


def queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        dashboard(client)
    return len(captured)


def test_queries_stay_the_same_as_days_and_aspirants_grow(progress, client_for):
    aspirant_client, mentor_client = client_for(progress.aspirant), client_for(progress.mentor)
    dashboard(aspirant_client), dashboard(mentor_client)  # the first request fills caches
    aspirant_before, mentor_before = queries(aspirant_client), queries(mentor_client)
    for offset in range(40):
        ProgrammeDayFactory(enrolment=progress, date=days_ago(40 + offset), days=Decimal("0.5"))
    for _ in range(5):
        ProgrammeDayFactory(enrolment=EnrolmentFactory(mentor=progress.mentor))
    assert queries(aspirant_client) == aspirant_before
    assert queries(mentor_client) == mentor_before
