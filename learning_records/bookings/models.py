"""A member's booking of a course cohort or an event, where it stands, and the member's private
calendar feed of their bookings."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cms.models import Audience


class BookingQuerySet(models.QuerySet):
    def for_target(self, *, cohort=None, event=None):
        return self.filter(cohort=cohort) if cohort is not None else self.filter(event=event)

    def active(self):
        return self.filter(status__in=Booking.ACTIVE)

    def holding(self):
        """Bookings that hold a place: confirmed, or offered and not yet answered."""
        return self.filter(status__in=Booking.HOLDING)

    def waiting_in_line(self):
        return self.filter(status=Booking.Status.WAITING).order_by("created_at", "pk")


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Place confirmed"
        WAITING = "waiting", "On the waiting list"
        OFFERED = "offered", "Place offered"
        CANCELLED = "cancelled", "Cancelled"
        DECLINED = "declined", "Offer declined"
        EXPIRED = "expired", "Offer expired"

    ACTIVE = (Status.CONFIRMED, Status.WAITING, Status.OFFERED)
    HOLDING = (Status.CONFIRMED, Status.OFFERED)

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings")
    cohort = models.ForeignKey(
        "cms.CourseCohort", null=True, blank=True, on_delete=models.CASCADE, related_name="bookings"
    )
    event = models.ForeignKey(
        "cms.EventPage", null=True, blank=True, on_delete=models.CASCADE, related_name="bookings"
    )
    # The member's authority and audience when they booked, and the places they draw on.
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    audience = models.CharField(max_length=30, choices=Audience.choices, blank=True)
    quota_audience = models.CharField(
        max_length=30,
        blank=True,
        help_text="The audience of the places drawn on; blank: open to every audience.",
    )
    has_quota = models.BooleanField(default=False, help_text="Draws on its authority's places.")
    status = models.CharField(max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    # Claimed by the one runner that sends the reminder two days before (bookings/jobs.py).
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cohort__isnull=False, event__isnull=True)
                | Q(cohort__isnull=True, event__isnull=False),
                name="booking_is_for_a_cohort_or_an_event",
            ),
            models.UniqueConstraint(
                fields=["member", "cohort"],
                condition=Q(status__in=["confirmed", "waiting", "offered"]),
                name="one_active_booking_per_member_and_cohort",
            ),
            models.UniqueConstraint(
                fields=["member", "event"],
                condition=Q(status__in=["confirmed", "waiting", "offered"]),
                name="one_active_booking_per_member_and_event",
            ),
        ]
        indexes = [
            models.Index(fields=["cohort", "status", "created_at"], name="booking_cohort_line"),
            models.Index(fields=["event", "status", "created_at"], name="booking_event_line"),
        ]

    def __str__(self):
        return f"{self.member} – {self.target} ({self.get_status_display()})"

    @property
    def target(self):
        return self.cohort if self.cohort_id else self.event

    def target_label(self) -> str:
        if self.cohort_id:
            return f"{self.cohort.course.title}: {self.cohort.name}"
        return self.event.title

    @property
    def group(self) -> tuple[int, str] | None:
        return (self.organisation_id, self.quota_audience) if self.has_quota else None


class Attendance(models.Model):
    """One person's mark on the register for one session day of a cohort.

    Late and left early count as attended for the course's threshold (the tutor decides in the
    room whether a late arrival missed the day, and marks them absent if so)."""

    class Mark(models.TextChoices):
        PRESENT = "present", "Present"
        ABSENT = "absent", "Absent"
        LATE = "late", "Late"
        LEFT_EARLY = "left_early", "Left early"

    ATTENDED = (Mark.PRESENT, Mark.LATE, Mark.LEFT_EARLY)

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="attendance")
    date = models.DateField()
    mark = models.CharField(max_length=20, choices=Mark.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "booking_id"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(fields=["booking", "date"], name="one_mark_per_booking_and_day")
        ]

    def __str__(self):
        return f"{self.booking.member} – {self.date:%-d %B %Y}: {self.get_mark_display()}"


def new_feed_secret() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


class CalendarFeed(models.Model):
    """The secret that makes a member's calendar feed URL (/my/bookings/calendar/<secret>.ics).

    Kept as it is, not hashed: My bookings shows the URL again whenever the member needs to copy
    it to another device, and whoever could read this table could read the bookings themselves.
    Resetting gives a new secret, and the old URL stops working."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    secret = models.CharField(max_length=64, unique=True, default=new_feed_secret, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed of {self.member}"
