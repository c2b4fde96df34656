"""Bookings for "download all my data" (see members.member_data): bookings.json, and
calendar_feed.json with the private calendar link if the member has one."""

from django.db.models import Prefetch

from learning_records.bookings.calendar import feed_url
from learning_records.bookings.models import Attendance, Booking, CalendarFeed
from members.member_data import write_json


def add_to_archive(*, member, archive) -> None:
    bookings = (
        Booking.objects.filter(member=member)
        .select_related("cohort__course", "event", "organisation")
        .prefetch_related(Prefetch("attendance", queryset=Attendance.objects.order_by("date")))
    )
    write_json(
        archive,
        "bookings.json",
        [
            {
                "course": booking.cohort.course.title if booking.cohort_id else None,
                "cohort": booking.cohort.name if booking.cohort_id else None,
                "event": booking.event.title if booking.event_id else None,
                "status": booking.get_status_display(),
                "organisation": booking.organisation.name if booking.organisation_id else None,
                "audience": booking.audience,
                "booked_at": booking.created_at,
                "status_changed_at": booking.status_changed_at,
                "offer_expires_at": booking.offer_expires_at,
                "attendance": [
                    {"date": mark.date, "mark": mark.get_mark_display()} for mark in booking.attendance.all()
                ],
            }
            for booking in bookings
        ],
    )
    feed = CalendarFeed.objects.filter(member=member).first()
    if feed is not None:
        write_json(
            archive, "calendar_feed.json", {"calendar_link": feed_url(feed), "made_at": feed.created_at}
        )
