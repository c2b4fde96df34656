"""iCalendar (RFC 5545) files for events and course cohorts: one event, a feed of upcoming
events, or the entries of a member's own calendar (built by learning_records from these parts).

Times are written in Europe/London with a VTIMEZONE, so calendar apps show the time the event
was advertised at, whichever side of a clock change it falls. UIDs are built from the page id
and the site's host name, so the same event keeps its UID in every download and calendar apps
update it instead of adding a copy.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from django.conf import settings
from django.http import HttpResponse

from wagtail.models import Site

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Praxis//Events//EN"
# The VTIMEZONE covers the events' dates with this much to spare on either side.
TIMEZONE_MARGIN = datetime.timedelta(days=366)


def site_host(request) -> str:
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def default_host() -> str:
    """The host for UIDs made away from a request (emails): the default site's, else SITE_URL's."""
    site = Site.objects.filter(is_default_site=True).only("hostname").first()
    return site.hostname if site else urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def event_uid(event, host: str) -> str:
    return f"event-{event.pk}@{host}"


def cohort_uid(cohort, host: str, day: datetime.date | None = None) -> str:
    """One UID per session day (`day`), or one for the whole cohort when it lists no days."""
    return f"cohort-{cohort.pk}-{day:%Y%m%d}@{host}" if day else f"cohort-{cohort.pk}@{host}"


def event_component(event, *, host: str, url: str, status: str = "CONFIRMED") -> icalendar.Event:
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
    component.add("status", status)
    return component


def all_day_component(
    *,
    uid: str,
    first: datetime.date,
    last: datetime.date,
    summary: str,
    stamp: datetime.datetime,
    description: str = "",
    url: str = "",
    status: str = "CONFIRMED",
) -> icalendar.Event:
    """An all-day entry from `first` to `last` inclusive (DTEND is the day after, RFC 5545 3.6.1)."""
    component = icalendar.Event()
    component.add("uid", uid)
    component.add("dtstamp", stamp.astimezone(datetime.UTC))
    component.add("dtstart", first)
    component.add("dtend", last + datetime.timedelta(days=1))
    component.add("summary", summary)
    if description:
        component.add("description", description)
    if url:
        component.add("url", url)
    component.add("status", status)
    component.add("transp", "OPAQUE")
    return component


def cohort_components(cohort, *, host: str, url: str, status: str = "CONFIRMED") -> list[icalendar.Event]:
    """A course cohort: one all-day entry per session day, or one over its dates if it lists none.

    Session days have no times on the page (the cohort's dates note says them in words), so each
    is a whole day. `cohort.course` should be fetched with the cohort."""
    course = cohort.course
    summary = f"{course.title}: {cohort.name}"
    # As for events: stable between downloads, from when the course page was published.
    stamp = course.last_published_at or course.latest_revision_created_at or _midnight(cohort.start_date)
    description = "\n\n".join(part for part in (cohort.dates_note, course.summary, url) if part)
    common = {"summary": summary, "stamp": stamp, "description": description, "url": url, "status": status}
    days = cohort.session_days
    if not days:
        return [
            all_day_component(
                uid=cohort_uid(cohort, host), first=cohort.start_date, last=cohort.end_date, **common
            )
        ]
    return [
        all_day_component(
            uid=cohort_uid(cohort, host, day),
            first=day,
            last=day,
            **{**common, "summary": f"{summary} (day {n})"},
        )
        for n, day in enumerate(days, start=1)
    ]


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=LONDON)


def new_calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", LONDON.key)
    return calendar


def calendar_of(components, *, name: str) -> icalendar.Calendar:
    """A VCALENDAR of ready-made entries, with the VTIMEZONE for those that have times."""
    calendar = new_calendar(name)
    for component in components:
        calendar.add_component(component)
    timed = [
        (entry.decoded("dtstart"), entry.decoded("dtend") if "dtend" in entry else entry.decoded("dtstart"))
        for entry in calendar.walk("VEVENT")
        if isinstance(entry.decoded("dtstart"), datetime.datetime)
    ]
    if timed:
        first = min(start for start, _end in timed).astimezone(LONDON).date()
        last = max(end for _start, end in timed).astimezone(LONDON).date()
        calendar.add_missing_timezones(first_date=first - TIMEZONE_MARGIN, last_date=last + TIMEZONE_MARGIN)
    return calendar


def build_calendar(events, *, host: str, name: str, url_for) -> icalendar.Calendar:
    """A VCALENDAR holding `events`; url_for(event) gives each event's absolute URL."""
    return calendar_of([event_component(event, host=host, url=url_for(event)) for event in events], name=name)


def calendar_response(events, *, request, name: str, filename: str) -> HttpResponse:
    calendar = build_calendar(
        list(events), host=site_host(request), name=name, url_for=lambda event: event.get_full_url(request)
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
