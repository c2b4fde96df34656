"""What runs on a timer (`manage.py run_booking_jobs`, every 15 minutes): offers past their time
expire, and reminders go out two days before a booked cohort or event starts.

Safe to run twice, or on two hosts at once: an offer is expired under the offer's row lock and
only while it is still offered (services.expire_offers), and a reminder is claimed by one
conditional UPDATE, so only the runner whose UPDATE changed the row sends it.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cms.ical import LONDON
from learning_records.bookings import services
from learning_records.bookings.models import Booking
from learning_records.bookings.tasks import enqueue_email

REMINDER_DAYS_BEFORE = 2


@dataclass(frozen=True)
class JobsRun:
    offers_expired: int
    places_offered: int
    reminders_sent: int


def starts_at(booking: Booking) -> datetime.datetime:
    """When the booked thing starts: an event's start; a cohort's first session day (or its start
    date when it lists none) at midnight, UK time."""
    if booking.event_id:
        return booking.event.start
    days = booking.cohort.session_days
    first = days[0] if days else booking.cohort.start_date
    return datetime.datetime.combine(first, datetime.time(), tzinfo=LONDON)


def reminder_due_at(booking: Booking) -> datetime.datetime:
    """Two days before the start. For a cohort that is midnight UK time, two days before its
    first day; for an event, 48 hours before it starts."""
    return starts_at(booking) - datetime.timedelta(days=REMINDER_DAYS_BEFORE)


def due_reminders(now: datetime.datetime) -> list[Booking]:
    """Confirmed places starting within two days and not reminded yet. A place confirmed after
    its reminder fell due gets none: its confirmation email came only just now."""
    horizon = now + datetime.timedelta(days=REMINDER_DAYS_BEFORE)
    # A cohort's session days lie within its dates, so its start date bounds the first day.
    candidates = (
        Booking.objects.filter(status=Booking.Status.CONFIRMED, reminder_sent_at__isnull=True)
        .filter(
            Q(event__start__gt=now, event__start__lte=horizon)
            | Q(cohort__start_date__lte=timezone.localdate(horizon, LONDON), cohort__end_date__gte=now.date())
        )
        .select_related("cohort__course", "event")
    )
    return [
        booking
        for booking in candidates
        if reminder_due_at(booking) <= now < starts_at(booking)
        and booking.status_changed_at < reminder_due_at(booking)
    ]


def send_due_reminders(*, now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    sent = 0
    for booking in due_reminders(now):
        with transaction.atomic():
            claimed = Booking.objects.filter(
                pk=booking.pk, status=Booking.Status.CONFIRMED, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if claimed:
                enqueue_email(booking, "reminder")
                sent += 1
    return sent


def run(*, now: datetime.datetime | None = None) -> JobsRun:
    now = now or timezone.now()
    promoted = services.expire_offers(now=now)
    # Expired by this run: another runner's expiries carry their own `now`.
    expired = Booking.objects.filter(status=Booking.Status.EXPIRED, status_changed_at=now).count()
    return JobsRun(
        offers_expired=expired, places_offered=len(promoted), reminders_sent=send_due_reminders(now=now)
    )
