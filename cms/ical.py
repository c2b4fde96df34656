"""iCalendar (RFC 5545) files for events: one event, or a feed of upcoming events.

Times are written in Europe/London with a VTIMEZONE, so calendar apps show the time the event
was advertised at, whichever side of a clock change it falls. UIDs are built from the page id
and the site's host name, so the same event keeps its UID in every download and calendar apps
update it instead of adding a copy.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar

from django.http import HttpResponse

from wagtail.models import Site

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Praxis//Events//EN"
# The VTIMEZONE covers the events' dates with this much to spare on either side.
TIMEZONE_MARGIN = datetime.timedelta(days=366)


def site_host(request) -> str:
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def event_uid(event, host: str) -> str:
    return f"event-{event.pk}@{host}"


def event_component(event, *, host: str, url: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event_uid(event, host))
    # DTSTAMP is when this version of the event was published, so repeated downloads match.
    # Pages created in code (imports, fixtures) may never have been published through Wagtail;
    # the start time is the stable fallback, never "now".
    published = event.last_published_at or event.latest_revision_created_at or event.start
    component.add("dtstamp", published.astimezone(datetime.UTC))
    component.add("last-modified", published.astimezone(datetime.UTC))
    component.add("dtstart", event.start.astimezone(LONDON))
    component.add("dtend", event.end.astimezone(LONDON))
    component.add("summary", event.title)
    component.add("description", "\n\n".join(part for part in (event.summary, url) if part))
    location = event.location_text
    if event.online_url and location != "Online":
        location = f"{location} (online: {event.online_url})"
    elif event.online_url:
        location = event.online_url
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("categories", [event.get_kind_display()])
    component.add("status", "CONFIRMED")
    return component


def build_calendar(events, *, host: str, name: str, url_for) -> icalendar.Calendar:
    """A VCALENDAR holding `events`; url_for(event) gives each event's absolute URL."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", LONDON.key)
    for event in events:
        calendar.add_component(event_component(event, host=host, url=url_for(event)))
    if events:
        first = min(event.start for event in events).astimezone(LONDON).date()
        last = max(event.end for event in events).astimezone(LONDON).date()
        calendar.add_missing_timezones(first_date=first - TIMEZONE_MARGIN, last_date=last + TIMEZONE_MARGIN)
    return calendar


def calendar_response(events, *, request, name: str, filename: str) -> HttpResponse:
    calendar = build_calendar(
        list(events), host=site_host(request), name=name, url_for=lambda event: event.get_full_url(request)
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
