"""A member's CPD record, following the Social Work England form, and its evidence files."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models

from learning_records.common.storage import private_storage
from learning_records.cpd import rules


class CPDActivityType(models.TextChoices):
    COURSE = "course", "Course"
    SEMINAR_EVENT = "seminar_event", "Seminar or event"
    READING_RESEARCH = "reading_research", "Reading or research"
    SUPERVISION = "supervision", "Supervision"
    REFLECTIVE_GROUP = "reflective_group", "Reflective group or intervision"
    SHADOWING = "shadowing", "Shadowing"
    ELEARNING = "elearning", "E-learning"
    CONFERENCE = "conference", "Conference"
    MENTORING = "mentoring", "Mentoring (giving or receiving)"
    OTHER = "other", "Other"


class PeerRole(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Registered social worker"
    MANAGER = "manager", "Line manager or supervisor"
    OTHER_PROFESSIONAL = "other_professional", "Other professional"


class CPDRecordQuerySet(models.QuerySet):
    def for_member(self, user):
        """The records a member owns; every member-facing view starts here."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(member=user)

    def submitted(self):
        return self.filter(status=CPDRecord.Status.SUBMITTED)

    def drafts(self):
        return self.filter(status=CPDRecord.Status.DRAFT)

    def in_registration_year(self, year: int):
        """Records that count towards a registration year: those whose activity ended in it."""
        return self.filter(registration_year=year)

    def touching_registration_year(self, year: int):
        """Records in a year plus those that started in it but ended later (shown as not counting)."""
        start, end = rules.year_bounds(year)
        return self.filter(models.Q(registration_year=year) | models.Q(start_date__range=(start, end)))

    def for_listing(self):
        return self.annotate(evidence_count=models.Count("evidence_files", distinct=True))


class CPDRecord(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_records")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    activity_type = models.CharField(
        "type of activity", max_length=20, choices=CPDActivityType.choices, blank=True
    )
    title = models.CharField(max_length=200)
    description = models.TextField(
        "short description and why it is relevant",
        blank=True,
        help_text="What the activity was, and why you chose it for your practice.",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Leave blank for a one-day activity. The record counts in the year it ends.",
    )
    hours = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Time spent learning, to the nearest half hour, e.g. 3.5.",
    )
    provider = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who ran or published it, if anyone: e.g. a university or author.",
    )
    learning = models.TextField("what I learnt", blank=True)
    impact = models.TextField(
        "the impact on my practice and the people I work with",
        blank=True,
        help_text="What you do differently, and what difference it makes to people who use services.",
    )
    peer_role = models.CharField(
        "the peer's role", max_length=20, choices=PeerRole.choices, blank=True, help_text="Not their name."
    )
    peer_date = models.DateField("date of the discussion", null=True, blank=True)
    peer_learning = models.TextField("what I learnt from the discussion", blank=True)
    statements = models.ManyToManyField(
        "cms.Statement",
        blank=True,
        related_name="cpd_records",
        verbose_name="standards it evidences",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The Praxis course, event or research page this came from.",
    )
    # Set when the record was drafted from a mentoring contact, so asking again opens this draft.
    # The entry belongs to the programme, not to this member: if it goes, the record stays.
    mentor_log_entry = models.ForeignKey(
        "learning_records.MentorLogEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Set when the record was drafted from a place attended on a Praxis course (bookings/cpd.py):
    # its dates, hours and provider come from the register and are locked (rules.CONFIRMED_FIELDS).
    # The booking may go (with the course's page); the record stays, still provider-confirmed.
    booking = models.ForeignKey(
        "learning_records.Booking",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    provider_confirmed = models.BooleanField(
        default=False,
        editable=False,
        help_text="The provider confirmed the dates, hours and provider from its register.",
    )
    # Derived from the dates on save (see rules.registration_year_of), kept so years group and
    # aggregate in the database. bulk_create callers must set it themselves.
    registration_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = CPDRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "CPD record"
        ordering = ["-end_date", "-start_date", "-created_at"]
        indexes = [
            models.Index(fields=["member", "registration_year", "status"], name="cpd_member_year_status")
        ]
        permissions = [
            ("view_cpd_report", "Can see the CPD activity report (counts only, no record content)")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="cpd_record_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(hours__isnull=True) | models.Q(hours__gt=0),
                name="cpd_record_hours_positive",
            ),
            models.UniqueConstraint(
                fields=["member", "mentor_log_entry"],
                condition=models.Q(mentor_log_entry__isnull=False),
                name="cpd_record_one_per_member_per_mentoring_contact",
            ),
            models.UniqueConstraint(
                fields=["member", "booking"],
                condition=models.Q(booking__isnull=False),
                name="cpd_record_one_per_member_per_booking",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.registration_year = self.compute_registration_year()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "registration_year"}
        super().save(*args, **kwargs)

    def compute_registration_year(self) -> int | None:
        date = self.activity_date
        return rules.registration_year_of(date) if date else None

    @property
    def activity_date(self):
        """The date that places the record in a year: the day the activity ended."""
        return self.end_date or self.start_date

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def has_peer_reflection(self) -> bool:
        return rules.has_peer_reflection(self.peer_role, self.peer_date, self.peer_learning)

    @property
    def year_name(self) -> str:
        return rules.year_name(self.registration_year) if self.registration_year else ""

    def facts(self) -> rules.RecordFacts:
        return rules.RecordFacts(
            submitted=self.is_submitted,
            start_date=self.start_date,
            end_date=self.end_date,
            has_peer_reflection=self.has_peer_reflection,
            hours=self.hours,
        )


def evidence_path(instance, filename: str) -> str:
    # An unguessable name, kept apart per member; the member's own filename is kept in a field.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"cpd-evidence/{instance.record.member_id}/{uuid.uuid4().hex}{suffix}"


class EvidenceFile(models.Model):
    record = models.ForeignKey(CPDRecord, on_delete=models.CASCADE, related_name="evidence_files")
    file = models.FileField(upload_to=evidence_path, storage=private_storage, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(max_length=200, blank=True, help_text="Optional: what this file shows.")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name
