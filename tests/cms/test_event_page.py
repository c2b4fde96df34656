"""The event page: what, when (UK time), where, who, and machine-readable descriptions."""

import datetime
import json

import pytest

from tests.cms import factories as f
from tests.cms import related_factories as rf
from tests.html import assert_headings_in_order, parse, text
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
# Always next year, so the events stay upcoming whenever the tests run: one in British Summer
# Time, one in winter (GMT).
SUMMER = datetime.date(datetime.date.today().year + 1, 7, 1)
WINTER = datetime.date(datetime.date.today().year + 1, 1, 12)


def utc(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def long_day(day: datetime.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.fixture
def event(event_index, research_index):
    event = f.EventPageFactory(
        parent=event_index,
        title="The Politics of Risk in Child Protection",
        kind="seminar",
        summary="Morning input, afternoon dilemmas.",
        # 08:30 to 15:00 UTC in British Summer Time is 09:30 to 16:00 in London.
        start=utc(SUMMER, 8, 30),
        end=utc(SUMMER, 15),
        venue="Room 2.14, University Library",
        address="1 College Road\nNorthtown",
        online_url="https://meet.example.org/risk",
        capacity=40,
        audiences=["practitioners", "practice_educators"],
        cpd_hours="5.5",
        booking_url="https://book.example.org/risk",
    )
    event.tags.add("child protection")
    related = f.ResearchOutputPageFactory(parent=research_index, title="Risk in practice: an evaluation")
    event.related_research.add(related)
    event.save()
    rf.EventSpeakerFactory(event=event, name="Dr Maya Patel", role="Reader in social work")
    rf.EventSpeakerFactory(event=event, person=f.PersonFactory(first_name="Tom", last_name="Reed"), name="")
    return event


def test_event_page_shows_every_field(client, event):
    soup = parse(client.get(event.url))
    main = soup.find("main")
    body = text(main)
    assert text(main.find("h1")) == "The Politics of Risk in Child Protection"
    assert text(main.select_one(".page-header__meta")) == "Seminar"
    assert "Morning input, afternoon dilemmas." in body
    assert "Room 2.14, University Library" in body
    assert "1 College Road" in text(main.find("address"))
    assert main.find("a", href="https://meet.example.org/risk")
    assert "40 places" in body
    assert "Practitioners, Practice educators" in body
    assert "5.5 hours" in body
    assert main.find("a", href="https://book.example.org/risk")
    assert "Dr Maya Patel" in body and "Reader in social work" in body
    assert "Tom Reed" in body
    assert "Risk in practice: an evaluation" in text(main.find(id="related-research").find_parent("section"))
    assert {text(a) for a in main.select(".tag-list a")} == {"child protection"}
    assert_headings_in_order(soup)


def test_times_are_shown_in_uk_time_in_summer_and_winter(client, event_index):
    summer = f.EventPageFactory(
        parent=event_index,
        start=utc(SUMMER, 8, 30),
        end=utc(SUMMER, 15),
    )
    winter = f.EventPageFactory(
        parent=event_index,
        start=utc(WINTER, 14),
        end=utc(WINTER + datetime.timedelta(days=1), 11),
    )
    summer_when = parse(client.get(summer.url)).select_one(".key-facts dd")
    assert text(summer_when) == f"{long_day(SUMMER)}, 9:30 a.m. to 4:00 p.m. (UK time)"
    assert [t["datetime"] for t in summer_when("time")] == [
        f"{SUMMER}T09:30:00+01:00",
        f"{SUMMER}T16:00:00+01:00",
    ]
    winter_when = parse(client.get(winter.url)).select_one(".key-facts dd")
    next_day = long_day(WINTER + datetime.timedelta(days=1))
    assert text(winter_when) == f"{long_day(WINTER)}, 2:00 p.m. to {next_day}, 11:00 a.m. (UK time)"
    assert winter_when.find("time")["datetime"] == f"{WINTER}T14:00:00+00:00"


def test_add_to_calendar_links_to_the_events_ical_file(client, event):
    links = parse(client.get(event.url)).select("main a")
    link = next(a for a in links if text(a).startswith("Add to calendar"))
    assert link["href"] == f"{event.url}calendar/"
    assert client.get(link["href"])["Content-Type"].startswith("text/calendar")


def test_event_json_ld(client, event):
    data = json.loads(parse(client.get(event.url)).find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["startDate"] == f"{SUMMER}T09:30:00+01:00"
    assert data["endDate"] == f"{SUMMER}T16:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][0]["name"] == "Room 2.14, University Library"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Praxis Teaching Partnership",
        "url": "http://testserver/",
    }
    assert [p["name"] for p in data["performer"]] == ["Dr Maya Patel", "Tom Reed"]
    assert data["maximumAttendeeCapacity"] == 40


def test_online_only_event_attendance_mode(client, event_index):
    event = f.EventPageFactory(parent=event_index, venue="", online_url="https://meet.example.org/x")
    data = json.loads(parse(client.get(event.url)).find("script", type="application/ld+json").string)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == [{"@type": "VirtualLocation", "url": "https://meet.example.org/x"}]


def test_a_past_event_says_it_has_finished_and_hides_booking(client, event_index):
    start = datetime.datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    event = f.EventPageFactory(
        parent=event_index,
        start=start,
        end=start + datetime.timedelta(hours=2),
        booking_url="https://b.example.org",
    )
    soup = parse(client.get(event.url))
    assert "This event has finished." in text(soup.find("main"))
    assert not soup.find("a", href="https://b.example.org")


@pytest.mark.urls("tests.cms.records_urls")
def test_members_can_record_the_event_as_cpd(client, event):
    client.force_login(UserFactory())
    link = parse(client.get(event.url)).find("a", string="Record this as CPD")
    assert link["href"] == f"/my/records/new/?page={event.pk}"
