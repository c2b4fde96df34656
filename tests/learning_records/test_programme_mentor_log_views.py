"""The mentor log: the mentor writes it, the aspirant reads it."""

import pytest

from django.urls import reverse

from learning_records.programme.models import MentorLogEntry
from tests.learning_records.programme_factories import MentorLogEntryFactory, days_ago

pytestmark = pytest.mark.django_db


def entry_data(**overrides):
    values = {
        "date": days_ago(2).isoformat(),
        "duration_minutes": "45",
        "mode": "video",
        "focus": "Preparing the service project",
        "notes": "Looked at the referral data together.",
        "agreed_actions": "Sam to book time with the MASH manager.",
        "visibility": "staff",
    }
    return {**values, **overrides}


def test_adding_a_mentoring_contact(enrolment, client_for):
    client = client_for(enrolment.mentor)
    url = reverse("programme:log_create", args=[enrolment.pk])
    assert "Add a mentoring contact" in client.get(url).content.decode()
    response = client.post(url, entry_data(), follow=True)
    assert "Mentor log entry added" in response.content.decode()
    entry = MentorLogEntry.objects.get(enrolment=enrolment)
    assert (entry.duration_minutes, entry.visibility, entry.phase) == (45, "staff", "preparatory")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"duration_minutes": "2"}, "Ensure this value is greater than or equal to 5."),
        ({"date": days_ago(-3).isoformat()}, "This date is in the future."),
        ({"focus": ""}, "This field is required."),
    ],
)
def test_bad_entries_get_field_messages_and_keep_the_text(enrolment, client_for, overrides, message):
    response = client_for(enrolment.mentor).post(
        reverse("programme:log_create", args=[enrolment.pk]), entry_data(**overrides)
    )
    body = response.content.decode()
    assert message in body
    assert "Looked at the referral data together." in body
    assert not MentorLogEntry.objects.exists()


def test_changing_and_deleting_an_entry(enrolment, client_for):
    entry = MentorLogEntryFactory(enrolment=enrolment)
    client = client_for(enrolment.mentor)
    client.post(reverse("programme:log_edit", args=[entry.pk]), entry_data(focus="A better focus"))
    entry.refresh_from_db()
    assert entry.focus == "A better focus"
    assert (
        "Delete this entry?" in client.get(reverse("programme:log_delete", args=[entry.pk])).content.decode()
    )
    client.post(reverse("programme:log_delete", args=[entry.pk]))
    assert not MentorLogEntry.objects.filter(pk=entry.pk).exists()


def test_the_aspirant_reads_the_whole_log_paged(enrolment, client_for):
    for i in range(30):
        MentorLogEntryFactory(enrolment=enrolment, date=days_ago(i + 1), focus=f"Contact {i}")
    body = (
        client_for(enrolment.aspirant)
        .get(reverse("programme:mentor_log", args=[enrolment.pk]))
        .content.decode()
    )
    assert "Contact 0" in body
    assert "Page 1 of 2" in body
    assert reverse("programme:log_edit", args=[MentorLogEntry.objects.first().pk]) not in body


def test_the_mentor_sees_the_whole_log_with_change_links(enrolment, client_for):
    entry = MentorLogEntryFactory(enrolment=enrolment)
    body = (
        client_for(enrolment.mentor)
        .get(reverse("programme:mentee_log", args=[enrolment.pk]))
        .content.decode()
    )
    assert reverse("programme:log_edit", args=[entry.pk]) in body
