"""Reads for bookings: an offer's places from its page, the places held, a waiting-list position."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from cms.models import Audience, CourseCohort, EventPage
from learning_records.bookings import rules
from learning_records.bookings.models import Booking

AUDIENCE_LABELS = dict(Audience.choices)


def _end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def cohort_offer(cohort: CourseCohort) -> rules.Offer:
    course = cohort.course
    allocations = list(course.place_allocations.all())
    last_day = cohort.application_deadline or (cohort.start_date - datetime.timedelta(days=1))
    return rules.Offer(
        bookable=course.members_book_here and course.live,
        audiences=frozenset(course.audiences or ()),
        quotas={(a.organisation_id, a.audience): a.places for a in allocations} if allocations else None,
        opens_on=cohort.booking_opens_on,
        closes_at=_end_of(last_day),
        audience_labels=AUDIENCE_LABELS,
    )


def event_offer(event: EventPage) -> rules.Offer:
    return rules.Offer(
        bookable=event.members_book_here and event.live,
        audiences=frozenset(event.audiences or ()),
        capacity=event.capacity,
        closes_at=event.start,
        audience_labels=AUDIENCE_LABELS,
    )


def offer_for(*, cohort=None, event=None) -> rules.Offer:
    return cohort_offer(cohort) if cohort is not None else event_offer(event)


def places_held(*, cohort=None, event=None, group: tuple[int, str] | None) -> tuple[int, int]:
    """(held in the booking's group, held in all), in one query. Held: confirmed or offered."""
    in_group = (
        Q(organisation_id=group[0], quota_audience=group[1], has_quota=True) if group else Q(pk__isnull=False)
    )
    counts = (
        Booking.objects.for_target(cohort=cohort, event=event)
        .holding()
        .aggregate(in_group=Count("pk", filter=in_group), in_all=Count("pk"))
    )
    return counts["in_group"], counts["in_all"]


def line_for(*, cohort=None, event=None, group: tuple[int, str] | None):
    """The waiting list a freed place in `group` goes to, first in line first."""
    waiting = Booking.objects.for_target(cohort=cohort, event=event).waiting_in_line()
    if group is None:
        return waiting
    return waiting.filter(organisation_id=group[0], quota_audience=group[1], has_quota=True)


def waiting_position(booking: Booking) -> int | None:
    """1 for the first in line; None unless the booking is waiting."""
    if booking.status != Booking.Status.WAITING:
        return None
    ahead = line_for(cohort=booking.cohort, event=booking.event, group=booking.group).filter(
        Q(created_at__lt=booking.created_at) | Q(created_at=booking.created_at, pk__lt=booking.pk)
    )
    return ahead.count() + 1
