"""Provider-confirmed CPD records: drafted for each attendee from the register, with the dates,
hours and provider locked; the member writes the rest and submits it, and can change neither the
locked fields through the form, a hand-made POST, the autosave nor the services."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from cms.models import SiteSettings
from learning_records.bookings import issuing, register, services
from learning_records.cpd import services as cpd_services
from learning_records.cpd.models import CPDRecord
from tests.learning_records.booking_fixtures import FINISHED_BOOKED_AT, FINISHED_DAYS
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

CHANGED = {"start_date": "2020-01-01", "end_date": "2020-01-02", "hours": "99", "provider": "Me"}


@pytest.fixture
def attendee(db):
    return UserFactory(first_name="Ann", last_name="Ahmed")


@pytest.fixture
def record(home, finished_cohort, attendee, staff, django_capture_on_commit_callbacks):
    """Ann Ahmed attended days 2 to 9 of 10 (absent on the first and last); drafts made."""
    settings = SiteSettings.for_site(home.get_site())
    settings.organisation_name = "Northshire Teaching Partnership"
    settings.save()
    booking = services.book(member=attendee, cohort=finished_cohort, now=FINISHED_BOOKED_AT)
    for index, day in enumerate(finished_cohort.session_days):
        mark = "present" if 1 <= index <= 8 else "absent"
        register.take_register(finished_cohort, day, {booking.pk: mark}, by=staff)
    with django_capture_on_commit_callbacks(execute=True):
        issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    return CPDRecord.objects.get(member=attendee)


def form_data(record, **changes):
    data = {
        "activity_type": record.activity_type,
        "title": record.title,
        "description": record.description,
        "learning": "Circular questions open up a family's own explanations.",
        "impact": "I use genograms in my first visits now.",
        "action": "submit",
    }
    return {**data, **changes}


def test_the_draft_holds_what_the_provider_knows(record, finished_cohort, attendee, taught_course):
    assert record.provider_confirmed and record.status == CPDRecord.Status.DRAFT
    assert record.booking.cohort == finished_cohort and record.source_page.specific == taught_course
    assert (record.start_date, record.end_date) == (FINISHED_DAYS[1], FINISHED_DAYS[8])  # days attended
    assert record.hours == Decimal("72.0")  # 8 of 10 days of a 90-hour course
    assert record.provider == "Northshire Teaching Partnership"
    assert record.title == "Systemic practice: Autumn 2026" and record.activity_type == "course"
    assert (record.learning, record.impact) == ("", "")


def test_the_form_shows_the_locked_fields_disabled(record, client_for, attendee):
    page = client_for(attendee).get(reverse("records:edit", args=[record.pk])).content.decode()
    assert "Northshire Teaching Partnership confirmed the dates and hours of this record" in page
    for name in ("start_date", "end_date", "hours", "provider"):
        tag = page[page.index(f'name="{name}"') :].split(">", 1)[0]
        assert " disabled" in tag, name
    assert "disabled" not in page[page.index('name="learning"') :].split(">", 1)[0]


def test_a_post_cannot_change_the_date_hours_or_provider(record, client_for, attendee):
    response = client_for(attendee).post(
        reverse("records:edit", args=[record.pk]), form_data(record, **CHANGED)
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.is_submitted  # the member's own answers went in, and it could be submitted
    assert record.learning.startswith("Circular questions")
    assert (record.start_date, record.end_date) == (FINISHED_DAYS[1], FINISHED_DAYS[8])
    assert (record.hours, record.provider) == (Decimal("72.0"), "Northshire Teaching Partnership")


def test_the_autosave_cannot_change_them_either(record, client_for, attendee):
    data = form_data(record, **CHANGED)
    data.pop("action")
    response = client_for(attendee).post(reverse("records:autosave", args=[record.pk]), data)
    assert response.status_code == 200 and response.json()["saved"] is True
    record.refresh_from_db()
    assert (record.hours, record.provider, record.start_date) == (
        Decimal("72.0"),
        "Northshire Teaching Partnership",
        FINISHED_DAYS[1],
    )
    assert record.learning.startswith("Circular questions")


def test_the_services_keep_them_whatever_a_caller_sends(record, attendee):
    values = {
        "title": record.title,
        "start_date": datetime.date(2020, 1, 1),
        "end_date": None,
        "hours": Decimal("2"),
        "provider": "Someone else",
    }
    cpd_services.save_draft(member=attendee, values=values, record=record)
    record.refresh_from_db()
    assert (record.start_date, record.end_date, record.hours, record.provider) == (
        FINISHED_DAYS[1],
        FINISHED_DAYS[8],
        Decimal("72.0"),
        "Northshire Teaching Partnership",
    )


def test_an_ordinary_record_keeps_every_field_editable(client_for, member):
    ordinary = CPDRecord.objects.create(member=member, title="Reading", provider="A journal")
    page = client_for(member).get(reverse("records:edit", args=[ordinary.pk])).content.decode()
    assert "disabled" not in page[page.index('name="provider"') :].split(">", 1)[0]


def test_another_member_gets_404_on_the_record(record, client_for, other_member):
    client = client_for(other_member)
    assert client.get(reverse("records:edit", args=[record.pk])).status_code == 404
    assert client.post(reverse("records:edit", args=[record.pk]), form_data(record)).status_code == 404
    assert client.get(reverse("records:detail", args=[record.pk])).status_code == 404


def test_drafting_again_makes_no_second_record(record, finished_cohort, staff):
    again = issuing.issue_attendance_certificates(finished_cohort, issued_by=staff)
    assert (again.drafted, again.drafted_already) == (0, 1)
    assert CPDRecord.objects.filter(booking=record.booking).count() == 1


def test_the_detail_page_says_it_is_provider_confirmed(record, client_for, attendee):
    page = client_for(attendee).get(reverse("records:detail", args=[record.pk])).content.decode()
    assert "The provider confirmed the dates, hours and provider from its register." in page


def test_the_record_list_says_it_is_confirmed_by_the_provider(record, client_for, attendee):
    page = client_for(attendee).get(reverse("records:list")).content.decode()
    assert "Confirmed by the provider</span>" in page
