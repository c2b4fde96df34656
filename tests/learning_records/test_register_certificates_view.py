"""Issuing attendance certificates from the register overview: the button, the confirmation step,
the action and its message; nobody without the permission reaches it."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from learning_records.bookings import services
from learning_records.certificates.models import Certificate
from learning_records.cpd.models import CPDRecord
from tests.learning_records.booking_fixtures import FINISHED_BOOKED_AT, attend, book_confirmed
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def bookings(finished_cohort, staff):
    """Ahmed 10 of 10, Brown 9 of 10, Cole 5 of 10."""
    people = [UserFactory(first_name="Ann", last_name=name) for name in ("Ahmed", "Brown", "Cole")]
    ahmed, brown, cole = [
        services.book(member=p, cohort=finished_cohort, now=FINISHED_BOOKED_AT) for p in people
    ]
    attend(finished_cohort, ahmed, days=10, by=staff)
    attend(finished_cohort, brown, days=9, by=staff)
    attend(finished_cohort, cole, days=5, by=staff)
    return ahmed, brown, cole


def issue_url(cohort):
    return reverse("registers:certificates", args=[cohort.pk])


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_the_overview_offers_the_action_once_the_course_has_finished(staff_client, finished_cohort, bookings):
    page = staff_client.get(reverse("registers:cohort", args=[finished_cohort.pk])).content.decode()
    assert f'href="{issue_url(finished_cohort)}"' in page and "Issue attendance certificates" in page


def test_the_overview_says_when_certificates_can_be_issued_while_running(staff_client, taught_cohort, staff):
    book_confirmed(taught_cohort, [UserFactory()])
    page = staff_client.get(reverse("registers:cohort", args=[taught_cohort.pk])).content.decode()
    assert "Certificates can be issued once the last session day" in page
    assert issue_url(taught_cohort) not in page


def test_the_confirmation_step_says_who_gets_one_and_issues_nothing(staff_client, finished_cohort, bookings):
    response = staff_client.get(issue_url(finished_cohort))
    page = response.content.decode()
    assert response.status_code == 200
    assert "2</strong> people get a certificate of attendance now" in page
    assert "1</strong> has not reached the threshold" in page
    assert "Ann Ahmed: 10 of 10 days (100%)" in page and "Ann Brown: 9 of 10 days (90%)" in page
    assert "Ann Cole:" not in page
    assert "Issue 2 certificates" in page
    assert not Certificate.objects.exists() and not CPDRecord.objects.exists()


def test_issuing_says_what_was_done_and_goes_back_to_the_register(
    staff_client, finished_cohort, bookings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(issue_url(finished_cohort))
    assert response.status_code == 302
    assert response["Location"] == reverse("registers:cohort", args=[finished_cohort.pk])
    assert messages_of(response) == [
        "Issued 2 attendance certificates; 0 had one already; 1 has not reached the threshold. "
        "Drafted 3 provider-confirmed CPD records (0 had one already)."
    ]
    assert Certificate.objects.count() == 2 and not Certificate.objects.being_prepared().exists()
    # A second visit to the confirmation step shows they have one.
    page = staff_client.get(issue_url(finished_cohort)).content.decode()
    assert "0</strong> people get a certificate" in page and "2</strong> already have one" in page


def test_a_running_cohort_is_refused_with_the_reason(staff_client, taught_cohort, staff):
    book_confirmed(taught_cohort, [UserFactory()])
    page = staff_client.get(issue_url(taught_cohort)).content.decode()
    assert "Certificates can be issued once the last session day" in page
    response = staff_client.post(issue_url(taught_cohort))
    assert response.status_code == 302 and response["Location"] == issue_url(taught_cohort)
    assert messages_of(response)[0].startswith("Certificates can be issued once the last session day")
    assert not Certificate.objects.exists()


def test_nobody_without_the_permission_reaches_it(client_for, finished_cohort, bookings, member):
    editor = UserFactory(is_staff=True, is_superuser=False)
    for user in (member, editor, bookings[0].member):
        client = client_for(user)
        for method in (client.get, client.post):
            assert method(issue_url(finished_cohort)).status_code in (302, 403)
    assert not Certificate.objects.exists()


def test_a_missing_cohort_answers_404(staff_client):
    assert staff_client.get(reverse("registers:certificates", args=[999999])).status_code == 404
    assert staff_client.post(reverse("registers:certificates", args=[999999])).status_code == 404
