"""The events list: upcoming and past apart, filters by kind and topic, pagination."""

import datetime

import pytest

from django.utils import timezone

from tests.cms import factories as f
from tests.html import assert_headings_in_order, parse, text

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def event(index, title, days_from_now, kind="seminar", tags=()):
    start = timezone.now() + days_from_now * DAY
    page = f.EventPageFactory(
        parent=index, title=title, kind=kind, start=start, end=start + datetime.timedelta(hours=3)
    )
    if tags:
        page.tags.add(*tags)
        page.save()
    return page


@pytest.fixture
def events(event_index):
    return [
        event(event_index, "Dementia Matters", 20, tags=["older people"]),
        event(event_index, "Lunch with academics", 5, kind="lunch", tags=["research"]),
        event(event_index, "Transitional Safeguarding", 40, kind="workshop", tags=["safeguarding"]),
        event(event_index, "Last year's forum", -300, kind="pe_forum", tags=["research"]),
        event(event_index, "Last month's seminar", -30, tags=["older people"]),
    ]


def upcoming_titles(soup):
    return [text(h) for h in soup.find(id="event-list").find_parent("section").select(".card__title")]


def past_titles(soup):
    return [text(h) for h in soup.find(id="past-events").find_parent("section").select("h3")]


def test_upcoming_soonest_first_and_recent_past_listed_separately(client, event_index, events):
    soup = parse(client.get(event_index.url))
    assert upcoming_titles(soup) == ["Lunch with academics", "Dementia Matters", "Transitional Safeguarding"]
    assert past_titles(soup) == ["Last month's seminar", "Last year's forum"]
    assert text(soup.find(id="results-count")) == "3 upcoming events"
    assert_headings_in_order(soup)


def test_an_event_in_progress_is_still_upcoming(client, event_index):
    start = timezone.now() - datetime.timedelta(hours=1)
    f.EventPageFactory(
        parent=event_index, title="Happening now", start=start, end=start + datetime.timedelta(hours=3)
    )
    assert upcoming_titles(parse(client.get(event_index.url))) == ["Happening now"]


@pytest.mark.parametrize(
    ("query", "upcoming", "past"),
    [
        ({"kind": "lunch"}, ["Lunch with academics"], []),
        ({"kind": "seminar"}, ["Dementia Matters"], ["Last month's seminar"]),
        ({"tag": "research"}, ["Lunch with academics"], ["Last year's forum"]),
        ({"tag": "older-people", "kind": "workshop"}, [], []),
    ],
)
def test_filters_apply_to_upcoming_and_past(client, event_index, events, query, upcoming, past):
    soup = parse(client.get(event_index.url, query))
    assert upcoming_titles(soup) == upcoming
    assert past_titles(soup) == past
    assert soup.find("a", string="Clear filters")["href"] == event_index.url
    if not upcoming:
        assert text(soup.find(id="results-count")) == "No upcoming events match these filters"
        assert "Nothing matches these filters" in text(soup.select_one(".empty-state"))


def test_all_past_events_keeps_the_filters(client, event_index, events):
    soup = parse(client.get(event_index.url, {"tag": "research"}))
    link = soup.find("a", string="See all past events")["href"]
    assert "when=past" in link and "tag=research" in link
    past = parse(client.get(event_index.url + link))
    assert text(past.find(id="event-list")) == "Past events"
    assert upcoming_titles(past) == ["Last year's forum"]
    assert text(past.find(id="results-count")) == "1 past event matches these filters"


def test_upcoming_events_are_paginated(client, event_index):
    for day in range(1, 15):
        event(event_index, f"Seminar on day {day:02d}", day)
    first = parse(client.get(event_index.url))
    assert len(upcoming_titles(first)) == 12
    second = parse(client.get(event_index.url + first.find("a", rel="next")["href"]))
    assert upcoming_titles(second) == ["Seminar on day 13", "Seminar on day 14"]


def test_no_events_at_all(client, event_index):
    soup = parse(client.get(event_index.url))
    assert "No events are planned just now" in text(soup.select_one(".empty-state"))
    assert "No past events." in text(soup.find(id="past-events").find_parent("section"))


def test_feeds_are_linked_from_the_head(client, event_index, research_index):
    soup = parse(client.get(event_index.url))
    alternates = {link["href"]: link["type"] for link in soup.head.find_all("link", rel="alternate")}
    assert alternates == {
        f"{event_index.url}feed/": "application/rss+xml",
        f"{research_index.url}feed/": "application/rss+xml",
    }
