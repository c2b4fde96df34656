"""“Record this as CPD” on a mentoring contact: each person gets a private draft of their own."""

from decimal import Decimal

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from learning_records.cpd.models import CPDRecord
from learning_records.programme.models import MentorLogEntry
from learning_records.programme.services.cpd_drafts import draft_cpd_from_mentoring, half_hours
from tests.learning_records.programme_factories import EnrolmentFactory, MentorLogEntryFactory
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(enrolment):
    return MentorLogEntryFactory(
        enrolment=enrolment,
        duration_minutes=50,
        focus="Leading a case review",
        notes="PRIVATE PAIR NOTE",
        agreed_actions="Sam to draft the review questions.",
        visibility=MentorLogEntry.Visibility.PRIVATE,
    )


def record_as_cpd(client, entry, **kwargs):
    return client.post(reverse("programme:log_cpd", args=[entry.pk]), **kwargs)


def test_the_mentor_and_the_aspirant_each_get_their_own_draft(entry, client_for):
    enrolment = entry.enrolment
    for person in (enrolment.mentor, enrolment.aspirant):
        response = record_as_cpd(client_for(person), entry, follow=True)
        record = CPDRecord.objects.get(member=person)
        assert response.redirect_chain[-1][0] == reverse("records:edit", args=[record.pk])
        body = response.content.decode()
        assert "A CPD draft of this mentoring contact is ready" in body
        assert record.status == CPDRecord.Status.DRAFT
        assert record.mentor_log_entry == entry
        assert record.source_page_id == enrolment.cohort.programme.pk
        assert record.start_date == entry.date
        assert record.hours == Decimal("1")  # 50 minutes, to the half hour
        assert record.activity_type == "mentoring"
        assert "Leading a case review" in record.title
        assert "PRIVATE PAIR NOTE" not in f"{record.description}{record.learning}{record.impact}"
    mentor_record = CPDRecord.objects.get(member=enrolment.mentor)
    aspirant_record = CPDRecord.objects.get(member=enrolment.aspirant)
    assert mentor_record.title != aspirant_record.title
    assert "Sam to draft the review questions." in aspirant_record.description
    assert "Sam to draft the review questions." not in mentor_record.description


def test_asking_twice_opens_the_existing_draft(entry, client_for):
    client = client_for(entry.enrolment.aspirant)
    record_as_cpd(client, entry)
    record = CPDRecord.objects.get()
    record.title = "My own title"
    record.save()
    response = record_as_cpd(client, entry, follow=True)
    assert CPDRecord.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse("records:edit", args=[record.pk])
    body = response.content.decode()
    assert "You already have a CPD record of this mentoring contact" in body
    assert "My own title" in body


def test_the_service_refuses_a_second_record_for_the_same_person_and_contact(entry):
    first = draft_cpd_from_mentoring(entry=entry, member=entry.enrolment.mentor)
    again = draft_cpd_from_mentoring(entry=entry, member=entry.enrolment.mentor)
    assert (first.created, again.created) == (True, False)
    assert again.record.pk == first.record.pk


@pytest.mark.parametrize("owner_role", ["mentor", "aspirant"])
def test_the_other_person_cannot_see_the_draft(entry, client_for, owner_role):
    enrolment = entry.enrolment
    owner = getattr(enrolment, owner_role)
    other = enrolment.aspirant if owner_role == "mentor" else enrolment.mentor
    record = draft_cpd_from_mentoring(entry=entry, member=owner).record
    other_client = client_for(other)
    for name in ("records:detail", "records:edit", "records:delete"):
        assert other_client.get(reverse(name, args=[record.pk])).status_code == 404, name
    assert record.title not in other_client.get(reverse("records:list")).content.decode()
    assert client_for(owner).get(reverse("records:detail", args=[record.pk])).status_code == 200


@pytest.mark.parametrize("visibility", MentorLogEntry.Visibility.values)
def test_only_the_pair_can_record_a_contact_whatever_its_visibility(entry, client_for, visibility):
    """Programme staff may read entries shared with them, but a contact is the pair's CPD only."""
    entry.visibility = visibility
    entry.save()
    staff = UserFactory()
    staff.groups.add(Group.objects.get(name="Programme staff"))
    other_pair = EnrolmentFactory()
    for outsider in (UserFactory(), staff, other_pair.mentor, other_pair.aspirant):
        assert record_as_cpd(client_for(outsider), entry).status_code == 404
    assert not CPDRecord.objects.exists()
    assert record_as_cpd(client_for(entry.enrolment.aspirant), entry).status_code == 302


def test_anonymous_is_sent_to_log_in(entry, client):
    response = record_as_cpd(client, entry)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not CPDRecord.objects.exists()


def test_a_get_does_not_make_a_draft(entry, client_for):
    assert (
        client_for(entry.enrolment.mentor).get(reverse("programme:log_cpd", args=[entry.pk])).status_code
        == 405
    )
    assert not CPDRecord.objects.exists()


@pytest.mark.parametrize(
    ("url_name", "who"),
    [
        ("programme:dashboard", "aspirant"),
        ("programme:mentor_log", "aspirant"),
        ("programme:mentee", "mentor"),
        ("programme:mentee_log", "mentor"),
        ("programme:mentoring", "mentor"),
    ],
)
def test_the_button_is_on_every_list_of_log_entries(entry, client_for, url_name, who):
    args = [] if url_name == "programme:mentoring" else [entry.enrolment.pk]
    body = client_for(getattr(entry.enrolment, who)).get(reverse(url_name, args=args)).content.decode()
    assert reverse("programme:log_cpd", args=[entry.pk]) in body
    assert "Record this as CPD" in body


def test_the_draft_stays_when_the_contact_is_deleted(entry):
    record = draft_cpd_from_mentoring(entry=entry, member=entry.enrolment.aspirant).record
    entry.delete()
    record.refresh_from_db()
    assert record.mentor_log_entry is None


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ("0.1", "0.5"),
        ("0.7", "0.5"),
        ("0.8", "1"),
        ("1.5", "1.5"),
        ("1.7", "1.5"),
        ("1.8", "2"),
        ("12", "12"),
    ],
)
def test_contact_time_is_kept_to_the_half_hour(hours, expected):
    assert half_hours(Decimal(hours)) == Decimal(expected)
