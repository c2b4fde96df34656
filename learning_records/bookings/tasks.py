"""Booking emails, each with the calendar file of what was booked attached.

The services enqueue them with `enqueue_email` once the change is committed, so a booking that
was rolled back sends nothing and the task sees the committed rows. A task takes the booking's
primary key and the kind of email, so any queue backend can carry it; a failed send is retried
with backoff (learning_records/common/email.py).
"""

from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cms.ical import LONDON
from learning_records.bookings import calendar, selectors
from learning_records.bookings.models import Booking
from learning_records.common.email import Attachment, email_task, send_templated_email
from learning_records.common.links import absolute_url


@dataclass(frozen=True)
class Kind:
    template: str
    ics_status: str  # what the attached entry is to the member's calendar
    # Sent only while the booking still has this status: an offer already answered, or a
    # reminder for a place cancelled since, would be wrong by the time it arrives.
    only_while: str | None = None


KINDS = {
    "confirmed": Kind("booking_confirmed", "CONFIRMED"),
    "waiting": Kind("booking_waiting", "TENTATIVE"),
    "cancelled": Kind("booking_cancelled", "CANCELLED"),
    "offered": Kind("booking_offered", "TENTATIVE", only_while=Booking.Status.OFFERED),
    "expired": Kind("booking_expired", "CANCELLED"),
    "reminder": Kind("booking_reminder", "CONFIRMED", only_while=Booking.Status.CONFIRMED),
}
HTML_TEMPLATE = "learning_records/email/booking_email.html"


def enqueue_email(booking: Booking, kind: str) -> None:
    """Send the `kind` email about `booking` once the current transaction commits."""
    if kind not in KINDS:
        raise ValueError(f"No booking email called {kind!r}.")
    transaction.on_commit(partial(email_booking.enqueue, booking.pk, kind))


@email_task
def email_booking(booking_id: int, kind: str) -> bool:
    """Returns whether an email went: not for a booking gone with its account, nor stale news."""
    spec = KINDS[kind]
    booking = (
        Booking.objects.select_related("member", "cohort__course", "event").filter(pk=booking_id).first()
    )
    if booking is None or (spec.only_while and booking.status != spec.only_while):
        return False
    page = booking.cohort.course if booking.cohort_id else booking.event
    context = {
        "booking": booking,
        "member": booking.member,
        "what": booking.target_label(),
        "cohort": booking.cohort,
        "event": booking.event,
        "event_start": timezone.localtime(booking.event.start, LONDON) if booking.event_id else None,
        "event_end": timezone.localtime(booking.event.end, LONDON) if booking.event_id else None,
        "position": selectors.waiting_position(booking),
        "offer_expires_at": timezone.localtime(booking.offer_expires_at, LONDON)
        if booking.offer_expires_at
        else None,
        "my_bookings_url": absolute_url(reverse("bookings:list")),
        "page_url": page.full_url,
    }
    send_templated_email(
        spec.template,
        context,
        [booking.member.email],
        html_template=HTML_TEMPLATE,
        attachments=(
            Attachment(
                f"{page.slug}.ics",
                calendar.booking_ics(booking, status=spec.ics_status),
                "text/calendar; charset=utf-8",
            ),
        ),
    )
    return True
