"""iCalendar files for one event and for all upcoming events, parsed back with icalendar."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from django.utils import timezone

from tests.cms import factories as f

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
LONDON = ZoneInfo("Europe/London")
# Next year, so both events are upcoming whenever the tests run.
YEAR = timezone.now().year + 1


def calendar_from(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def summer_event(event_index):
    return f.EventPageFactory(
        parent=event_index,
        title="Dementia Matters",
        summary="What practitioners need to know.",
        start=datetime.datetime(YEAR, 7, 1, 8, 30, tzinfo=UTC),
        end=datetime.datetime(YEAR, 7, 1, 15, 0, tzinfo=UTC),
        venue="Room 2.14",
        address="1 College Road\nNorthtown",
    )


@pytest.fixture
def winter_event(event_index):
    return f.EventPageFactory(
        parent=event_index,
        title="Transitional Safeguarding",
        start=datetime.datetime(YEAR, 1, 12, 14, 0, tzinfo=UTC),
        end=datetime.datetime(YEAR, 1, 12, 16, 30, tzinfo=UTC),
        venue="",
        online_url="https://meet.example.org/ts",
    )


def test_single_event_file(client, summer_event):
    response = client.get(f"{summer_event.url}calendar/")
    assert response["Content-Disposition"] == f'attachment; filename="{summer_event.slug}.ics"'
    calendar = calendar_from(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    [event] = calendar.events
    assert str(event["UID"]) == f"event-{summer_event.pk}@localhost"
    assert str(event["SUMMARY"]) == "Dementia Matters"
    assert "What practitioners need to know." in str(event["DESCRIPTION"])
    assert summer_event.full_url in str(event["DESCRIPTION"])
    assert str(event["URL"]) == summer_event.full_url
    assert str(event["LOCATION"]) == "Room 2.14, 1 College Road, Northtown"
    assert event["DTSTAMP"].dt.tzinfo is not None


def test_british_summer_time_is_written_in_london_time_and_means_the_same_instant(client, summer_event):
    calendar = calendar_from(client.get(f"{summer_event.url}calendar/"))
    [event] = calendar.events
    start = event.decoded("DTSTART")
    assert start == summer_event.start
    assert start.utcoffset() == datetime.timedelta(hours=1)
    assert (start.hour, start.minute) == (9, 30)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTEND") == summer_event.end
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/London"


def test_greenwich_mean_time_event(client, winter_event):
    [event] = calendar_from(client.get(f"{winter_event.url}calendar/")).events
    start = event.decoded("DTSTART")
    assert start == winter_event.start
    assert start.utcoffset() == datetime.timedelta(0)
    assert (start.hour, start.minute) == (14, 0)
    assert str(event["LOCATION"]) == "https://meet.example.org/ts"


def test_uid_and_dtstamp_are_stable_between_downloads(client, summer_event):
    first = calendar_from(client.get(f"{summer_event.url}calendar/")).events[0]
    second = calendar_from(client.get(f"{summer_event.url}calendar/")).events[0]
    assert first["UID"] == second["UID"]
    assert first.decoded("DTSTAMP") == second.decoded("DTSTAMP")


def test_feed_of_upcoming_events(client, event_index, summer_event, winter_event):
    past_start = timezone.now() - datetime.timedelta(days=3)
    f.EventPageFactory(
        parent=event_index, title="Over", start=past_start, end=past_start + datetime.timedelta(hours=1)
    )
    f.EventPageFactory(parent=event_index, title="Draft", live=False)
    calendar = calendar_from(client.get(f"{event_index.url}calendar/"))
    assert str(calendar["X-WR-CALNAME"]) == event_index.title
    events = calendar.events
    assert [str(event["SUMMARY"]) for event in events] == ["Transitional Safeguarding", "Dementia Matters"]
    assert [event.decoded("DTSTART") for event in events] == [winter_event.start, summer_event.start]
    assert {str(event["UID"]) for event in events} == {
        f"event-{winter_event.pk}@localhost",
        f"event-{summer_event.pk}@localhost",
    }
    # One VTIMEZONE covers both the GMT and the BST event.
    [vtimezone] = calendar.walk("VTIMEZONE")
    offsets = {str(part["TZNAME"]) for part in vtimezone.subcomponents}
    assert offsets == {"GMT", "BST"}
    assert all(event.decoded("DTSTART").astimezone(LONDON) == event.decoded("DTSTART") for event in events)


def test_empty_calendar_feed_is_still_valid(client, event_index):
    calendar = calendar_from(client.get(f"{event_index.url}calendar/"))
    assert calendar.events == []
