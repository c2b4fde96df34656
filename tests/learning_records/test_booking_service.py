"""The booking service: places per authority and audience, the waiting list in order, offers of
freed places that expire, and refusals that say why."""

import datetime

import pytest

from django.utils import timezone

from learning_records.bookings import selectors, services
from learning_records.bookings.models import Booking
from learning_records.bookings.services import BookingRefused
from tests.learning_records.booking_fixtures import practitioner
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = Booking.Status


def statuses(bookings):
    return [Booking.objects.get(pk=b.pk).status for b in bookings]


def test_places_per_authority_and_role_then_the_waiting_list(cohort, north, west):
    north_practitioners = [services.book(member=practitioner(north), cohort=cohort) for _ in range(4)]
    manager = services.book(member=UserFactory(role="frontline_manager", organisation=north), cohort=cohort)
    late_manager = services.book(
        member=UserFactory(role="frontline_manager", organisation=north), cohort=cohort
    )
    west_people = [services.book(member=practitioner(west), cohort=cohort) for _ in range(2)]

    assert statuses(north_practitioners) == [Status.CONFIRMED] * 3 + [Status.WAITING]
    assert statuses([manager, late_manager]) == [Status.CONFIRMED, Status.WAITING]
    assert statuses(west_people) == [Status.CONFIRMED, Status.CONFIRMED]  # West's places are open to all
    assert selectors.waiting_position(north_practitioners[3]) == 1
    assert selectors.waiting_position(late_manager) == 1


def test_a_cancellation_offers_the_place_to_the_first_in_line_for_it(cohort, north, west):
    now = timezone.now()
    confirmed = [services.book(member=practitioner(north), cohort=cohort, now=now) for _ in range(3)]
    waiting = [
        services.book(member=practitioner(north), cohort=cohort, now=now + datetime.timedelta(minutes=n))
        for n in (1, 2, 3)
    ]
    services.book(member=UserFactory(role="frontline_manager", organisation=north), cohort=cohort)
    other_line = services.book(
        member=UserFactory(role="frontline_manager", organisation=north), cohort=cohort
    )

    promoted = services.cancel(confirmed[0], now=now + datetime.timedelta(hours=1))

    assert [b.pk for b in promoted] == [waiting[0].pk]
    offered = Booking.objects.get(pk=waiting[0].pk)
    assert offered.status == Status.OFFERED
    assert offered.offer_expires_at == now + datetime.timedelta(hours=49)
    assert statuses(waiting[1:]) == [Status.WAITING, Status.WAITING]
    assert [selectors.waiting_position(Booking.objects.get(pk=b.pk)) for b in waiting[1:]] == [1, 2]
    assert Booking.objects.get(pk=other_line.pk).status == Status.WAITING  # another role's line
    # The offered place is held: a newcomer joins the line behind the others.
    assert services.book(member=practitioner(north), cohort=cohort).status == Status.WAITING


def test_leaving_the_waiting_list_frees_no_place(cohort, north):
    for _ in range(3):
        services.book(member=practitioner(north), cohort=cohort)
    first, second = (services.book(member=practitioner(north), cohort=cohort) for _ in range(2))

    assert services.cancel(first) == []
    assert Booking.objects.get(pk=first.pk).status == Status.CANCELLED
    assert selectors.waiting_position(Booking.objects.get(pk=second.pk)) == 1


def test_an_accepted_offer_confirms_the_place(cohort, north):
    held = [services.book(member=practitioner(north), cohort=cohort) for _ in range(3)]
    waiting = services.book(member=practitioner(north), cohort=cohort)
    services.cancel(held[0])

    services.accept_offer(Booking.objects.get(pk=waiting.pk))

    booking = Booking.objects.get(pk=waiting.pk)
    assert (booking.status, booking.offer_expires_at) == (Status.CONFIRMED, None)


def test_an_expired_offer_goes_to_the_next_in_line(cohort, north):
    now = timezone.now()
    held = [services.book(member=practitioner(north), cohort=cohort, now=now) for _ in range(3)]
    first, second = (services.book(member=practitioner(north), cohort=cohort, now=now) for _ in range(2))
    services.cancel(held[0], now=now)

    assert services.expire_offers(now=now + datetime.timedelta(hours=47)) == []
    promoted = services.expire_offers(now=now + datetime.timedelta(hours=48, seconds=1))

    assert [b.pk for b in promoted] == [second.pk]
    assert statuses([first, second]) == [Status.EXPIRED, Status.OFFERED]


def test_accepting_too_late_expires_the_offer_and_says_so(cohort, north):
    now = timezone.now()
    held = [services.book(member=practitioner(north), cohort=cohort, now=now) for _ in range(3)]
    first, second = (services.book(member=practitioner(north), cohort=cohort, now=now) for _ in range(2))
    services.cancel(held[0], now=now)

    with pytest.raises(BookingRefused) as refused:
        services.accept_offer(first, now=now + datetime.timedelta(hours=49))

    assert refused.value.code == "offer_expired"
    assert statuses([first, second]) == [Status.EXPIRED, Status.OFFERED]


def test_declining_an_offer_passes_it_on(cohort, north):
    held = [services.book(member=practitioner(north), cohort=cohort) for _ in range(3)]
    first, second = (services.book(member=practitioner(north), cohort=cohort) for _ in range(2))
    services.cancel(held[0])

    services.decline_offer(Booking.objects.get(pk=first.pk))

    assert statuses([first, second]) == [Status.DECLINED, Status.OFFERED]


@pytest.mark.parametrize(
    ("member_fields", "code"),
    [
        ({"role": "student"}, "audience"),
        ({"role": ""}, "no_role"),
        ({"organisation": None}, "no_authority"),
        ({"role": "frontline_manager", "organisation": "other"}, "authority"),
    ],
)
def test_refusals_book_nothing(cohort, north, member_fields, code):
    fields = {"role": "practitioner", "organisation": north, **member_fields}
    if fields["organisation"] == "other":
        from tests.members.factories import OrganisationFactory

        fields["organisation"] = OrganisationFactory(name="Eastham Council")
    with pytest.raises(BookingRefused) as refused:
        services.book(member=UserFactory(**fields), cohort=cohort)
    assert refused.value.code == code
    assert not Booking.objects.exists()


def test_one_active_booking_each(cohort, north):
    member = practitioner(north)
    booking = services.book(member=member, cohort=cohort)
    with pytest.raises(BookingRefused) as refused:
        services.book(member=member, cohort=cohort)
    assert refused.value.code == "already_booked"

    services.cancel(booking)
    assert services.book(member=member, cohort=cohort).status == Status.CONFIRMED  # may book again


def test_booking_window(cohort, north):
    cohort.booking_opens_on = timezone.localdate() + datetime.timedelta(days=3)
    cohort.save()
    with pytest.raises(BookingRefused) as refused:
        services.book(member=practitioner(north), cohort=cohort)
    assert refused.value.code == "not_open"

    cohort.booking_opens_on = None
    cohort.application_deadline = timezone.localdate() - datetime.timedelta(days=1)
    cohort.save()
    with pytest.raises(BookingRefused) as refused:
        services.book(member=practitioner(north), cohort=cohort)
    assert refused.value.code == "closed"


def test_a_course_not_booked_here_is_refused(cohort, course, north):
    course.members_book_here = False
    course.save()
    with pytest.raises(BookingRefused) as refused:
        services.book(member=practitioner(north), cohort=cohort)
    assert refused.value.code == "not_bookable"


def test_an_event_fills_to_its_capacity_and_closes_when_it_starts(seminar, north):
    bookings = [services.book(member=practitioner(north), event=seminar) for _ in range(3)]
    assert statuses(bookings) == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING]

    with pytest.raises(BookingRefused) as refused:
        services.book(
            member=practitioner(north), event=seminar, now=seminar.start + datetime.timedelta(minutes=1)
        )
    assert refused.value.code == "closed"


def test_deleting_an_account_offers_its_place_to_the_next_in_line(seminar, north):
    leaving, staying = (practitioner(north) for _ in range(2))
    services.book(member=leaving, event=seminar)
    services.book(member=staying, event=seminar)
    waiting = services.book(member=practitioner(north), event=seminar)

    leaving.delete()

    assert not Booking.objects.filter(member_id=leaving.pk).exists()
    assert Booking.objects.get(pk=waiting.pk).status == Status.OFFERED
