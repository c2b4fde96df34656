""" "Record this as CPD": records:create?page=<id> prefills from a course, event or research page."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone

from cms.models import EventPage
from learning_records.cpd.models import CPDRecord
from tests.cms.factories import (
    CourseCohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ResearchIndexPageFactory,
    ResearchOutputPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar(home):
    events = EventIndexPageFactory(parent=home)
    start = timezone.make_aware(datetime.datetime(2026, 3, 10, 9, 30))
    return EventPageFactory(
        parent=events,
        title="The Politics of Risk in Child Protection",
        kind=EventPage.Kind.SEMINAR,
        start=start,
        end=start + datetime.timedelta(hours=6),
        cpd_hours=Decimal("5.5"),
    )


def initial(client, page):
    response = client.get(reverse("records:create"), {"page": page.pk})
    assert response.status_code == 200
    return response.context["form"].initial, response


@pytest.mark.parametrize(
    ("kind", "activity_type"),
    [
        (EventPage.Kind.SEMINAR, "seminar_event"),
        (EventPage.Kind.WORKSHOP, "seminar_event"),
        (EventPage.Kind.CONFERENCE, "conference"),
        (EventPage.Kind.PRACTICE_EDUCATOR_FORUM, "reflective_group"),
        (EventPage.Kind.RESIDENTIAL, "course"),
    ],
)
def test_event_kinds_map_to_activity_types(member_client, seminar, kind, activity_type):
    seminar.kind = kind
    seminar.save_revision().publish()
    values, _response = initial(member_client, seminar)
    assert values["activity_type"] == activity_type


def test_event_prefills_title_provider_dates_hours_and_link(member_client, seminar):
    values, response = initial(member_client, seminar)
    assert values["title"] == "The Politics of Risk in Child Protection"
    assert values["provider"] == "Praxis Teaching Partnership"
    assert values["start_date"] == datetime.date(2026, 3, 10)
    assert "end_date" not in values  # one-day event
    assert values["hours"] == Decimal("5.5")
    html = response.content.decode()
    assert f'name="source_page" value="{seminar.pk}"' in html
    assert seminar.url in html


def test_saving_a_prefilled_record_links_the_page(member_client, member, seminar):
    member_client.post(
        reverse("records:create"), {"title": seminar.title, "source_page": seminar.pk, "action": "draft"}
    )
    record = CPDRecord.objects.get(member=member)
    assert record.source_page_id == seminar.pk


def test_course_prefills_from_its_cohort(member_client, home):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), title="Systemic practice")
    today = timezone.localdate()
    CourseCohortFactory(
        course=course,
        start_date=today - datetime.timedelta(days=60),
        end_date=today - datetime.timedelta(days=5),
    )
    CourseCohortFactory(course=course, start_date=today + datetime.timedelta(days=90))
    values, _response = initial(member_client, course)
    assert values["activity_type"] == "course"
    assert values["start_date"] == today - datetime.timedelta(days=60)
    assert values["end_date"] == today - datetime.timedelta(days=5)
    assert values["hours"] == Decimal("105")


def test_research_output_prefills_reading(member_client, home):
    output = ResearchOutputPageFactory(
        parent=ResearchIndexPageFactory(parent=home), publisher="Research in Practice"
    )
    values, _response = initial(member_client, output)
    assert values["activity_type"] == "reading_research"
    assert values["provider"] == "Research in Practice"
    assert values["start_date"] == timezone.localdate()


def test_draft_private_or_other_pages_are_ignored(member_client, seminar, home):
    seminar.unpublish()
    values, _response = initial(member_client, seminar)
    assert values == {}
    standard = StandardPageFactory(parent=home)
    values, _response = initial(member_client, standard)
    assert values == {}
    response = member_client.get(reverse("records:create"), {"page": "not-a-number"})
    assert response.status_code == 200


def test_private_page_is_ignored(member_client, seminar):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=seminar, restriction_type=PageViewRestriction.LOGIN)
    values, response = initial(member_client, seminar)
    assert values == {}
    assert "source_page" not in response.content.decode()
