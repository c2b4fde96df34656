"""Every project model that points at a member is in "download all my data", and nothing points at
the member once the account is deleted. A model that gains a foreign key to the user fails here
until its domain's data export and deletion handle it (issue 13)."""

import datetime
import io
import zipfile

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from learning_records.bookings import calendar, register
from learning_records.bookings import services as bookings
from learning_records.certificates.services import issue_certificate, revoke_certificate
from learning_records.programme.models import ServiceProjectAgreement
from tests.cms.factories import (
    CourseCohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
)
from tests.learning_records.completion_fixtures import propose_plan
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.programme_factories import (
    AspirantFactory,
    EnrolmentFactory,
    MentorLogEntryFactory,
)
from tests.members.factories import DEFAULT_PASSWORD

PROJECT_APPS = {"members", "cms", "home", "search", "learning_records"}

# Each model with a link to the member -> text the member's download must contain for the row
# made below. Links that record a staff action (issued_by, revoked_by, staff_contacts) are not
# the member's data, but are still checked for deletion.
IN_THE_DOWNLOAD = {
    "learning_records.CPDRecord": "Coverage CPD record",
    "learning_records.Enrolment": "Coverage cohort",
    "learning_records.Cohort": "Coverage cohort",
    "learning_records.ServiceProjectVersion": "Coverage plan",
    "learning_records.ServiceProjectAgreement": f'"party": "{ServiceProjectAgreement.Party.ASPIRANT.label}"',
    "learning_records.Certificate": "Systemic practice",
    "learning_records.Booking": "Coverage seminar",
    "learning_records.Attendance": '"mark": "Late"',
    "learning_records.CalendarFeed": "/my/bookings/calendar/",
}


def user_links():
    """(model, field) for each project model's own field that points at the user model."""
    user_model = get_user_model()
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            # Fields inherited from Wagtail's Page (owner, locked_by) are editors', not members'.
            inherited = field.model._meta.app_label not in PROJECT_APPS if field.concrete else True
            if field.is_relation and field.concrete and field.related_model is user_model and not inherited:
                yield model, field


@pytest.fixture
def member_everywhere(home, attendance_kind, attendance_params):
    """One member linked through every field that points at a user."""
    member = AspirantFactory(email="everywhere@example.org")
    CPDRecordFactory(member=member, title="Coverage CPD record")
    enrolment = EnrolmentFactory(aspirant=member, cohort__name="Coverage cohort")
    enrolment.cohort.staff_contacts.add(member)
    propose_plan(enrolment, title="Coverage plan")
    mentored = EnrolmentFactory(mentor=member, mentor_organisation=member.organisation)
    MentorLogEntryFactory(enrolment=mentored, focus="Coverage mentoring contact")
    certificate = issue_certificate(
        kind=attendance_kind, recipient=member, params=attendance_params, issued_by=member
    )
    revoke_certificate(certificate=certificate, reason="Issued by mistake.", revoked_by=member)
    seminar = EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="Coverage seminar",
        members_book_here=True,
        audiences=[],
    )
    bookings.book(member=member, event=seminar)
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home), members_book_here=True, audiences=[]
    )
    cohort = CourseCohortFactory(
        course=course, session_dates=["2027-03-02"], start_date=datetime.date(2027, 3, 2)
    )
    booking = bookings.book(
        member=member, cohort=cohort, now=timezone.make_aware(datetime.datetime(2027, 1, 4))
    )
    register.take_register(cohort, datetime.date(2027, 3, 2), {booking.pk: "late"}, by=member)
    calendar.feed_for(member)
    return member


def test_every_model_linked_to_a_member_is_known_here():
    linked = {model._meta.label for model, _field in user_links()}
    assert linked == set(IN_THE_DOWNLOAD), "add the model to its domain's member_data and to this table"


def test_the_download_holds_a_row_of_every_linked_model(client, member_everywhere):
    client.force_login(member_everywhere)
    response = client.get(reverse("members:download_data"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    text = "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".json"))
    missing = {label: needle for label, needle in IN_THE_DOWNLOAD.items() if needle not in text}
    assert missing == {}
    assert "Coverage mentoring contact" in text  # what they wrote as a mentor goes with them too


def test_deleting_the_account_leaves_no_row_linked_to_the_member(client, member_everywhere):
    pk = member_everywhere.pk
    links = list(user_links())
    assert all(model._default_manager.filter(**{field.name: pk}).exists() for model, field in links), (
        "the fixture must link the member through every field"
    )
    client.force_login(member_everywhere)
    response = client.post(reverse("members:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=pk).exists()
    still_linked = [
        f"{model._meta.label}.{field.name}"
        for model, field in links
        if model._default_manager.filter(**{field.name: pk}).exists()
    ]
    assert still_linked == []
