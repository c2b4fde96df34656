"""Every write to bookings. Each takes a row lock on the cohort or event first, so bookings,
cancellations and offers for one offer happen one at a time: the last place goes to one person.
Each queues the member's email (bookings/tasks.py) for when its transaction commits."""

from django.db import transaction
from django.utils import timezone

from cms.models import CourseCohort, EventPage
from learning_records.bookings import rules, selectors
from learning_records.bookings.models import Booking
from learning_records.bookings.tasks import enqueue_email


class BookingRefused(Exception):
    def __init__(self, refusal: rules.Refusal):
        super().__init__(refusal.message)
        self.code = refusal.code
        self.message = refusal.message


def _lock(*, cohort=None, event=None):
    """Lock the offer's row until the transaction ends; returns it fresh from the database."""
    if cohort is not None:
        return CourseCohort.objects.select_for_update(of=("self",)).select_related("course").get(
            pk=cohort.pk
        ), None
    return None, EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _set_status(booking: Booking, status: str, now, **fields) -> None:
    booking.status = status
    booking.status_changed_at = now
    for name, value in fields.items():
        setattr(booking, name, value)
    booking.save(update_fields=["status", "status_changed_at", *fields])


@transaction.atomic
def book(*, member, cohort=None, event=None, now=None) -> Booking:
    """A confirmed place if one is free for the member, else a place on the waiting list.

    Raises BookingRefused (with a message for the member) when they may not book at all."""
    if (cohort is None) == (event is None):
        raise ValueError("Book a cohort or an event.")
    now = now or timezone.now()
    cohort, event = _lock(cohort=cohort, event=event)
    outlook = selectors.outlook(member, cohort=cohort, event=event, now=now)
    if outlook.refusal:
        raise BookingRefused(outlook.refusal)
    booking = Booking.objects.create(
        member=member,
        cohort=cohort,
        event=event,
        organisation=member.organisation,
        audience=rules.audience_of(member.role) or "",
        quota_audience=outlook.group[1] if outlook.group else "",
        has_quota=outlook.group is not None,
        status=Booking.Status.CONFIRMED if outlook.free else Booking.Status.WAITING,
        created_at=now,
        status_changed_at=now,
    )
    enqueue_email(booking, "confirmed" if booking.status == Booking.Status.CONFIRMED else "waiting")
    return booking


def _promote(*, cohort, event, group, now) -> list[Booking]:
    """Offer freed places in `group` to the first in line; the caller holds the lock."""
    offer = selectors.offer_for(cohort=cohort, event=event)
    held_in_group, held_in_all = selectors.places_held(cohort=cohort, event=event, group=group)
    free = rules.places_left(offer, group, held_in_group=held_in_group, held_in_all=held_in_all)
    promoted = []
    if free:
        for booking in selectors.line_for(cohort=cohort, event=event, group=group)[:free]:
            _set_status(booking, Booking.Status.OFFERED, now, offer_expires_at=rules.offer_expires_at(now))
            enqueue_email(booking, "offered")
            promoted.append(booking)
    return promoted


# A member who declines an offer has just said so on the page; the others learn it by email.
RELEASE_EMAILS = {Booking.Status.CANCELLED: "cancelled", Booking.Status.EXPIRED: "expired"}


def _release(booking: Booking, status: str, now) -> list[Booking]:
    cohort, event = _lock(cohort=booking.cohort, event=booking.event)
    booking.refresh_from_db()
    held_a_place = booking.status in Booking.HOLDING
    if booking.status not in Booking.ACTIVE:
        return []
    _set_status(booking, status, now, offer_expires_at=None)
    if status in RELEASE_EMAILS:
        enqueue_email(booking, RELEASE_EMAILS[status])
    if not held_a_place:
        return []
    return _promote(cohort=cohort, event=event, group=booking.group, now=now)


@transaction.atomic
def cancel(booking: Booking, *, now=None) -> list[Booking]:
    """Cancel a place or leave the waiting list; returns the bookings offered the freed place."""
    return _release(booking, Booking.Status.CANCELLED, now or timezone.now())


@transaction.atomic
def decline_offer(booking: Booking, *, now=None) -> list[Booking]:
    return _release(booking, Booking.Status.DECLINED, now or timezone.now())


def accept_offer(booking: Booking, *, now=None) -> Booking:
    """Take up an offered place before it expires. Too late, the offer expires there and then
    and the place goes to the next in line."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock(cohort=booking.cohort, event=booking.event)
        booking.refresh_from_db()
        if booking.status != Booking.Status.OFFERED:
            raise BookingRefused(rules.Refusal("no_offer", "There is no offer of a place to accept."))
        expired = booking.offer_expires_at is not None and now > booking.offer_expires_at
        if expired:
            _release(booking, Booking.Status.EXPIRED, now)
        else:
            _set_status(booking, Booking.Status.CONFIRMED, now, offer_expires_at=None)
            enqueue_email(booking, "confirmed")
    if expired:
        raise BookingRefused(
            rules.Refusal("offer_expired", "The offer has expired, so the place went to the next in line.")
        )
    return booking


def expire_offers(*, now=None) -> list[Booking]:
    """Expire every offer past its time and offer each freed place to the next in line.

    Run every 15 minutes by `manage.py run_booking_jobs` (deploy/systemd/praxis-booking-jobs.timer).
    Returns the bookings newly offered a place."""
    now = now or timezone.now()
    promoted = []
    overdue = Booking.objects.filter(status=Booking.Status.OFFERED, offer_expires_at__lt=now).order_by("pk")
    for booking in overdue:
        with transaction.atomic():
            _lock(cohort=booking.cohort, event=booking.event)
            booking.refresh_from_db()
            if booking.status == Booking.Status.OFFERED and booking.offer_expires_at < now:
                promoted += _release(booking, Booking.Status.EXPIRED, now)
    return promoted
