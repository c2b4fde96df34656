"""No overbooking when many members book at once (row locks on PostgreSQL, not luck)."""

import pytest

from learning_records.bookings import services
from learning_records.bookings.models import Booking
from tests.concurrency import at_once, needs_row_locks
from tests.learning_records.booking_fixtures import practitioner

Status = Booking.Status


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_members_booking_the_last_five_places_at_once(seminar, north):
    needs_row_locks()
    seminar.capacity = 10
    seminar.save()
    for _ in range(5):
        services.book(member=practitioner(north), event=seminar)
    members = [practitioner(north) for _ in range(30)]

    outcomes = at_once(lambda member: services.book(member=member, event=seminar).status, members)

    assert (outcomes.count(Status.CONFIRMED), outcomes.count(Status.WAITING)) == (5, 25)
    assert Booking.objects.filter(event=seminar, status=Status.CONFIRMED).count() == 10
    assert Booking.objects.filter(event=seminar, status=Status.WAITING).count() == 25


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_member_booking_twice_at_once_gets_one_booking(seminar, north):
    needs_row_locks()
    member = practitioner(north)

    outcomes = at_once(
        lambda _: services.book(member=member, event=seminar).status, [1, 2], refused=services.BookingRefused
    )

    assert sorted(str(getattr(o, "code", o)) for o in outcomes) == ["already_booked", Status.CONFIRMED]
    assert Booking.objects.filter(member=member).count() == 1
