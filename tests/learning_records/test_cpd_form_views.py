"""The record form: drafts, submission, editing a submitted record, autosave."""

import datetime

import pytest

from django.urls import reverse

from cms.models import Statement
from learning_records.cpd.models import CPDRecord
from tests.learning_records.factories import CPDRecordFactory

COMPLETE = {
    "activity_type": "seminar_event",
    "title": "The Politics of Risk",
    "description": "A seminar about risk.",
    "start_date": "2026-03-10",
    "end_date": "",
    "hours": "3",
    "provider": "Praxis",
    "learning": "Fear of blame shapes decisions.",
    "impact": "I name uncertainty in assessments.",
    "peer_role": "",
    "peer_date": "",
    "peer_learning": "",
}


def test_new_record_form_renders(member_client):
    response = member_client.get(reverse("records:create"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Record some CPD" in html
    assert "data-autosave-url" in html
    assert 'name="statements"' in html  # the seeded frameworks' statements


def test_save_draft_needs_only_a_title(member_client, member):
    response = member_client.post(
        reverse("records:create"), {"title": "Half-written notes", "action": "draft"}
    )
    record = CPDRecord.objects.get(member=member)
    assert response.status_code == 302
    assert response.url == reverse("records:detail", args=[record.pk])
    assert record.status == CPDRecord.Status.DRAFT


def test_draft_without_a_title_is_refused_and_keeps_the_text(member_client, member):
    response = member_client.post(
        reverse("records:create"),
        {**COMPLETE, "title": "", "learning": "Keep <this> text", "action": "draft"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Keep &lt;this&gt; text" in html
    assert not CPDRecord.objects.exists()


def test_submit_complete_record(member_client, member):
    statement = (
        Statement.objects.filter(framework__slug__icontains="swe").first() or Statement.objects.first()
    )
    response = member_client.post(
        reverse("records:create"), {**COMPLETE, "statements": [statement.pk], "action": "submit"}
    )
    record = CPDRecord.objects.get(member=member)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert record.status == CPDRecord.Status.SUBMITTED
    assert record.submitted_at is not None
    assert list(record.statements.all()) == [statement]
    assert record.registration_year == 2026


def test_submit_incomplete_record_saves_a_draft_and_says_what_is_missing(member_client, member):
    data = {**COMPLETE, "learning": "", "impact": "", "action": "submit", "description": "Kept text"}
    response = member_client.post(reverse("records:create"), data)
    assert response.status_code == 200
    record = CPDRecord.objects.get(member=member)
    assert record.status == CPDRecord.Status.DRAFT
    assert record.description == "Kept text"
    html = response.content.decode()
    assert "Say what you learnt." in html
    assert "Saved as a draft" in html
    assert reverse("records:edit", args=[record.pk]) in html  # the form now updates that draft


def test_half_written_peer_reflection_blocks_submission(member_client, member):
    data = {**COMPLETE, "peer_role": "manager", "action": "submit"}
    response = member_client.post(reverse("records:create"), data)
    assert "Enter the date of the discussion." in response.content.decode()
    assert CPDRecord.objects.get(member=member).status == CPDRecord.Status.DRAFT


def test_editing_a_submitted_record_keeps_it_submitted_while_complete(member_client, record):
    data = {**COMPLETE, "title": "Renamed", "action": "save"}
    response = member_client.post(reverse("records:edit", args=[record.pk]), data)
    record.refresh_from_db()
    assert response.status_code == 302
    assert record.title == "Renamed"
    assert record.status == CPDRecord.Status.SUBMITTED


def test_editing_a_submitted_record_into_an_incomplete_one_makes_it_a_draft(member_client, record):
    data = {**COMPLETE, "impact": "", "action": "save"}
    response = member_client.post(reverse("records:edit", args=[record.pk]), data)
    record.refresh_from_db()
    assert response.status_code == 200
    assert record.status == CPDRecord.Status.DRAFT
    assert record.impact == ""
    assert "now a draft" in response.content.decode()


def test_add_peer_reflection_later(member_client, member):
    record = CPDRecordFactory(member=member)
    data = {
        **COMPLETE,
        "peer_role": "social_worker",
        "peer_date": "2026-03-20",
        "peer_learning": "Talked it through.",
    }
    member_client.post(reverse("records:edit", args=[record.pk]), {**data, "action": "save"})
    record.refresh_from_db()
    assert record.has_peer_reflection and record.is_submitted


def test_autosave_creates_then_updates_one_draft(member_client, member):
    first = member_client.post(
        reverse("records:autosave_new"), {"title": "Typing away", "learning": "so far"}
    )
    assert first.status_code == 200
    body = first.json()
    assert body["saved"] is True
    second = member_client.post(
        body["autosave_url"], {"title": "Typing away", "learning": "so far, and more"}
    )
    assert second.json()["saved"] is True
    record = CPDRecord.objects.get(member=member)
    assert record.learning == "so far, and more"
    assert record.status == CPDRecord.Status.DRAFT


def test_autosave_reports_errors_without_saving(member_client):
    response = member_client.post(reverse("records:autosave_new"), {"title": "", "learning": "text"})
    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert not CPDRecord.objects.exists()


def test_autosave_never_touches_a_submitted_record(member_client, record):
    response = member_client.post(reverse("records:autosave", args=[record.pk]), {"title": "Changed"})
    assert response.status_code == 409
    record.refresh_from_db()
    assert record.title != "Changed"


def test_delete_record(member_client, record):
    assert member_client.get(reverse("records:delete", args=[record.pk])).status_code == 200
    response = member_client.post(reverse("records:delete", args=[record.pk]))
    assert response.status_code == 302
    assert not CPDRecord.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("2026-03-10", "2026-03-01", "end_date", "The end date must be the same as or after the start date."),
    ],
)
def test_end_before_start_is_refused_on_draft_too(member_client, start, end, field, message):
    data = {**COMPLETE, "start_date": start, "end_date": end, "action": "draft"}
    response = member_client.post(reverse("records:create"), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_future_record_cannot_be_submitted(member_client, member):
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    response = member_client.post(
        reverse("records:create"), {**COMPLETE, "start_date": future, "action": "submit"}
    )
    assert "once the activity has happened" in response.content.decode()
    assert CPDRecord.objects.get(member=member).status == CPDRecord.Status.DRAFT
