"""What happens on the programme: the days an aspirant logs and the mentor's log of contacts."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from cms.models import ActivityType, Phase
from learning_records.programme import rules

from .enrolments import Enrolment, PairScopedQuerySet


class ProgrammeDayQuerySet(PairScopedQuerySet):
    enrolment_path = "enrolment__"

    def waiting(self):
        return self.filter(status=ProgrammeDay.Status.LOGGED)

    def totals(self):
        """Days done and confirmed per (phase, activity type): one query, however many days."""
        return (
            self.order_by()
            .values("phase", "activity_type")
            .annotate(
                done=models.Sum("days"),
                confirmed=models.Sum("days", filter=Q(status=ProgrammeDay.Status.CONFIRMED)),
            )
        )


class ProgrammeDay(models.Model):
    """A day (or half day) an aspirant spent on one of the programme's activities.

    A residential is one entry of 2 days starting on `date`; the mentor joins on day 2.
    """

    class Status(models.TextChoices):
        LOGGED = "logged", "Waiting for the mentor"
        CONFIRMED = "confirmed", "Confirmed by the mentor"
        QUERIED = "queried", "Queried by the mentor"

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="days")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    activity_type = models.CharField("activity", max_length=30, choices=ActivityType.choices)
    date = models.DateField(help_text="For a residential, the first of its two days.")
    days = models.DecimalField(max_digits=3, decimal_places=1)
    place = models.CharField("place or authority", max_length=200, blank=True, help_text="Where it happened.")
    what_happened = models.TextField(blank=True)
    what_i_learnt = models.TextField("what I learnt", blank=True)
    mentor_joined_on_day = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a residential: the day the mentor joined."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.LOGGED)
    query_comment = models.TextField(blank=True, help_text="The mentor's question about this day.")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgrammeDayQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        indexes = [
            models.Index(fields=["enrolment", "phase", "activity_type"], name="programmeday_totals_idx")
        ]
        constraints = [
            # Half days and whole days; a residential is one 2-day entry and nothing else is.
            models.CheckConstraint(
                condition=(
                    Q(activity_type=ActivityType.RESIDENTIAL, days=Decimal("2"))
                    | (
                        ~Q(activity_type=ActivityType.RESIDENTIAL)
                        & Q(days__in=[Decimal("0.5"), Decimal("1")])
                    )
                ),
                name="programmeday_days_half_whole_or_residential",
            ),
            models.CheckConstraint(
                condition=~Q(status="queried") | ~Q(query_comment=""),
                name="programmeday_query_has_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_activity_type_display()}, {self.date:%d %B %Y}"

    @property
    def last_date(self):
        return rules.last_day_of(self.date, self.days)

    @property
    def can_be_changed(self) -> bool:
        return self.status != self.Status.CONFIRMED


class MentorLogEntryQuerySet(PairScopedQuerySet):
    enrolment_path = "enrolment__"

    def visible_to_staff(self):
        return self.filter(visibility=MentorLogEntry.Visibility.WITH_STAFF)


class MentorLogEntry(models.Model):
    """A mentoring contact, written by the mentor and read by the aspirant."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIDEO = "video", "Video call"
        PHONE = "phone", "Phone"

    class Visibility(models.TextChoices):
        PRIVATE = "pair", "The aspirant and mentor only"
        WITH_STAFF = "staff", "The aspirant, mentor and programme staff"

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="mentor_log")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    date = models.DateField()
    duration_minutes = models.PositiveSmallIntegerField(
        "duration (minutes)",
        validators=[
            MinValueValidator(5, "A contact lasts at least 5 minutes."),
            MaxValueValidator(720, "A contact lasts at most 12 hours (720 minutes)."),
        ],
    )
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    focus = models.CharField(max_length=200, help_text="What the contact was about, in a few words.")
    notes = models.TextField(blank=True)
    agreed_actions = models.TextField(blank=True)
    visibility = models.CharField(
        "who may read it", max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentorLogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = "mentor log entry"
        verbose_name_plural = "mentor log entries"
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5) & Q(duration_minutes__lte=720),
                name="mentorlogentry_duration_5_to_720_minutes",
            ),
        ]

    def __str__(self):
        return f"{self.focus} ({self.date:%d %B %Y})"

    @property
    def duration_display(self) -> str:
        return rules.describe_duration(self.duration_minutes)
