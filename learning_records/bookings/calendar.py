"""Calendar files of bookings: the .ics attached to each booking email, and the member's private
feed of their confirmed bookings and programme days. The entries come from cms/ical.py, so a
booked event keeps the UID of the event's own download and calendar apps update one entry."""

import datetime

import icalendar

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cms import ical
from learning_records.bookings.models import Booking, CalendarFeed, new_feed_secret
from learning_records.common.links import absolute_url
from learning_records.programme.models import ProgrammeDay


def booking_components(
    booking: Booking, *, host: str, url_for=lambda page: page.full_url, status: str = "CONFIRMED"
) -> list[icalendar.Event]:
    """The booked thing's entries: a cohort's session days (or its dates), or the event.
    `url_for(page)` gives the course or event page's full URL."""
    if booking.cohort_id:
        cohort = booking.cohort
        return ical.cohort_components(cohort, host=host, url=url_for(cohort.course), status=status)
    event = booking.event
    return [ical.event_component(event, host=host, url=url_for(event), status=status)]


def booking_ics(booking: Booking, *, status: str = "CONFIRMED") -> bytes:
    """The .ics of one booking for an email. `status` says what it is to the member: CONFIRMED,
    TENTATIVE (waiting list or offered) or CANCELLED (so a calendar app can drop the entry)."""
    components = booking_components(booking, host=ical.default_host(), status=status)
    return ical.calendar_of(components, name=booking.target_label()).to_ical()


def programme_day_uid(day: ProgrammeDay, host: str) -> str:
    return f"programme-day-{day.pk}@{host}"


def programme_day_component(day: ProgrammeDay, *, host: str) -> icalendar.Event:
    # A residential is one entry of two days; other entries are a day or half a day.
    length = max(1, int(day.days))
    return ical.all_day_component(
        uid=programme_day_uid(day, host),
        first=day.date,
        last=day.date + datetime.timedelta(days=length - 1),
        summary=f"Programme: {day.get_activity_type_display()}",
        stamp=day.updated_at,
        description="\n\n".join(part for part in (day.place, day.get_status_display()) if part),
        status="CONFIRMED",
    )


def feed_url(feed: CalendarFeed) -> str:
    return absolute_url(reverse("bookings:calendar_feed", args=[feed.secret]))


def member_feed(member, *, request) -> icalendar.Calendar:
    """The member's confirmed bookings and their programme days, in a fixed number of queries."""
    host = ical.site_host(request)
    bookings = (
        Booking.objects.filter(member=member, status=Booking.Status.CONFIRMED)
        .select_related("cohort__course", "event")
        .order_by("pk")
    )
    components = []
    for booking in bookings:
        components += booking_components(booking, host=host, url_for=lambda page: page.get_full_url(request))
    days = ProgrammeDay.objects.for_aspirant(member).order_by("date", "pk")
    components += [programme_day_component(day, host=host) for day in days]
    return ical.calendar_of(components, name="My Praxis bookings")


def feed_for(member) -> CalendarFeed:
    """The member's feed, made the first time they need its URL."""
    feed, _created = CalendarFeed.objects.get_or_create(member=member)
    return feed


@transaction.atomic
def reset_feed(member) -> CalendarFeed:
    """A new secret for the member's feed: the old URL stops working at once."""
    feed = CalendarFeed.objects.select_for_update().filter(member=member).first()
    if feed is None:
        return CalendarFeed.objects.create(member=member)
    feed.secret = new_feed_secret()
    feed.created_at = timezone.now()
    feed.save(update_fields=["secret", "created_at"])
    return feed
