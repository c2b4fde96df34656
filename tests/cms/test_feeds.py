"""RSS feeds of research outputs and upcoming events, parsed back as XML."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from django.utils import timezone

from tests.cms import factories as f

pytestmark = pytest.mark.django_db


def channel_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, built by Django)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def test_research_feed_lists_outputs_newest_first(client, research_index):
    older = f.ResearchOutputPageFactory(
        parent=research_index,
        title="Teaching partnership evaluation",
        publication_date=datetime.date(2024, 5, 1),
    )
    newer = f.ResearchOutputPageFactory(
        parent=research_index,
        title="Social isolation amongst older people",
        publication_date=datetime.date(2025, 9, 15),
        abstract="Who is lonely, and what helps.",
    )
    newer.tags.add("older people")
    newer.save()
    f.ResearchAuthorFactory(page=newer, given_names="Priya", family_name="Shah")
    f.ResearchOutputPageFactory(parent=research_index, title="Unpublished", live=False)

    channel = channel_of(client.get(f"{research_index.url}feed/"))
    assert channel.findtext("title") == "Research | Praxis Teaching Partnership"
    assert channel.findtext("link") == research_index.full_url
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [newer.title, older.title]
    first = items[0]
    assert first.findtext("link") == newer.full_url
    assert first.findtext("description") == "Who is lonely, and what helps."
    assert [c.text for c in first.findall("category")] == ["older people"]
    assert "Priya Shah" in first.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert parsedate_to_datetime(first.findtext("pubDate")).date() == datetime.date(2025, 9, 15)


def test_events_feed_lists_only_upcoming_events_soonest_first(client, event_index):
    now = timezone.now()
    later = f.EventPageFactory(parent=event_index, title="Later", start=now + datetime.timedelta(days=9))
    sooner = f.EventPageFactory(
        parent=event_index, title="Sooner", start=now + datetime.timedelta(days=2), venue="Room 1"
    )
    f.EventPageFactory(
        parent=event_index,
        title="Finished",
        start=now - datetime.timedelta(days=2),
        end=now - datetime.timedelta(days=2, hours=-1),
    )
    channel = channel_of(client.get(f"{event_index.url}feed/"))
    assert channel.findtext("title") == "Upcoming events | Praxis Teaching Partnership"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Sooner", "Later"]
    assert items[0].findtext("link") == sooner.full_url
    description = items[0].findtext("description")
    assert "(UK time)" in description and "Where: Room 1" in description
    assert later.summary in items[1].findtext("description")


def test_empty_feeds_are_valid(client, event_index, research_index):
    assert channel_of(client.get(f"{event_index.url}feed/")).findall("item") == []
    assert channel_of(client.get(f"{research_index.url}feed/")).findall("item") == []
