"""What "Delete my account" does to bookings (see members.account_deletion): they go with it,
and a place the member held is offered to the next in line."""

from learning_records.bookings.models import Booking


def notices(*, member) -> list[str]:
    held = Booking.objects.filter(member=member).holding().count()
    if not held:
        return []
    plural = "s" if held != 1 else ""
    return [f"Your {held} booked place{plural} will be cancelled and offered to the next person waiting."]
