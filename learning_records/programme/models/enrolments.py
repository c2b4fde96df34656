"""Practice Leader Development Programme: cohorts, enrolments, programme days and mentor logs.

What an aspirant must log comes from the `ProgrammeRequirement` rows on the cohort's
`ProgrammePage`; the rules that check a log live in `learning_records/programme/rules.py` and
every write goes through `learning_records/programme/services/`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from cms.models import Phase
from learning_records.programme import rules


class Cohort(models.Model):
    """One intake of a programme, with the dates its preparatory phase runs."""

    programme = models.ForeignKey(
        "cms.ProgrammePage",
        on_delete=models.PROTECT,
        related_name="cohorts",
        help_text="The programme page whose requirements this cohort's day logs are checked against.",
    )
    name = models.CharField(max_length=150, help_text="For example 'Cohort 3 (2026 to 2027)'.")
    start = models.DateField(help_text="The first day of the preparatory phase.")
    preparatory_end = models.DateField(
        "end of the preparatory phase",
        help_text="The last day of the preparatory phase. In-role days are logged after it.",
    )
    staff_contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="programme_cohorts_supported",
        help_text="Programme staff whom aspirants and mentors can contact about this cohort.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(preparatory_end__gt=models.F("start")),
                name="cohort_preparatory_end_after_start",
            ),
            models.UniqueConstraint(fields=["programme", "name"], name="cohort_unique_name_per_programme"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start and self.preparatory_end and self.preparatory_end <= self.start:
            raise ValidationError(
                {"preparatory_end": "The preparatory phase must end after the cohort starts."}
            )


class PairScopedQuerySet(models.QuerySet):
    """Rows that belong to an aspirant and mentor pair, scoped to one side of it.

    `enrolment_path` leads from the model to its enrolment ("" for the enrolment itself).
    """

    enrolment_path = ""

    def _scoped(self, user, *roles: str):
        if not user.is_authenticated:
            return self.none()
        condition = Q()
        for role in roles:
            condition |= Q(**{f"{self.enrolment_path}{role}": user})
        return self.filter(condition)

    def for_aspirant(self, user):
        """Only this aspirant's own; nobody else's."""
        return self._scoped(user, "aspirant")

    def mentored_by(self, user):
        """Only what this user mentors; nobody else's."""
        return self._scoped(user, "mentor")

    def readable_by(self, user):
        """The pairs this user belongs to, as the aspirant or as the mentor."""
        return self._scoped(user, "aspirant", "mentor")


class EnrolmentQuerySet(PairScopedQuerySet):
    def active(self):
        return self.filter(status=Enrolment.Status.ACTIVE)

    def with_people(self):
        return self.select_related(
            "aspirant",
            "aspirant_organisation",
            "mentor",
            "mentor_organisation",
            "cohort__programme",
        )


class Enrolment(models.Model):
    """An aspiring practice leader on a cohort, paired with a mentor from another authority."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # The enrolment is the aspirant's record: it goes with their account (days, logs, project).
    aspirant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_enrolments"
    )
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrolments")
    aspirant_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        blank=True,
        related_name="+",
        verbose_name="aspirant's authority",
        help_text="Where the aspirant works and the service project happens. "
        "Leave blank to use the organisation on their profile.",
    )
    # A mentor who deletes their account leaves the aspirant's record whole: the enrolment keeps
    # their name in `mentor_name` until staff assign a new mentor.
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_enrolments",
        help_text="Empty only when the mentor deleted their account: choose a new mentor.",
    )
    mentor_name = models.CharField(
        "mentor's name",
        max_length=150,
        blank=True,
        editable=False,
        help_text="The mentor's name when they were last set, kept if their account is deleted.",
    )
    mentor_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        blank=True,
        related_name="+",
        verbose_name="mentor's authority",
        help_text="Must be a different authority from the aspirant's. "
        "Leave blank to use the organisation on the mentor's profile.",
    )
    manager_name = models.CharField(
        "manager's name", max_length=150, help_text="The aspirant's line manager, who agrees the project."
    )
    manager_email = models.EmailField(
        "manager's email",
        help_text="The manager is sent a secure link to agree the service development project. "
        "They do not need a Praxis account.",
    )
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.PREPARATORY)
    enrolled_on = models.DateField(help_text="The day the aspirant joined the cohort.")
    in_role_started_on = models.DateField(
        "started in role on",
        null=True,
        blank=True,
        help_text="The first day in a practice leader role. Mentor input is logged for a year from it.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    ended_on = models.DateField(
        null=True, blank=True, help_text="The day the aspirant completed the programme or withdrew."
    )
    status_note = models.CharField(
        max_length=255, blank=True, help_text="For staff: for example why the aspirant withdrew."
    )
    mentor_notified_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the mentor was last emailed about waiting days.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "aspirant__last_name", "aspirant__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["aspirant", "cohort"], name="enrolment_one_per_aspirant_per_cohort"
            ),
            models.CheckConstraint(
                condition=~Q(aspirant=models.F("mentor")), name="enrolment_mentor_is_not_aspirant"
            ),
            models.CheckConstraint(
                condition=~Q(aspirant_organisation=models.F("mentor_organisation")),
                name="enrolment_mentor_from_another_authority",
            ),
            models.CheckConstraint(
                condition=Q(phase=Phase.PREPARATORY) | Q(in_role_started_on__isnull=False),
                name="enrolment_in_role_has_start_date",
            ),
            models.CheckConstraint(
                condition=Q(status="active") | Q(ended_on__isnull=False),
                name="enrolment_ended_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.aspirant} ({self.cohort})"

    def save(self, *args, **kwargs):
        if self.mentor_id:
            self.mentor_name = self.mentor.display_name[:150]
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "mentor_name"}
        super().save(*args, **kwargs)

    def clean(self):
        # The authorities default to the people's profiles, so staff rarely have to choose them.
        if not self.aspirant_organisation_id and self.aspirant_id and self.aspirant.organisation_id:
            self.aspirant_organisation_id = self.aspirant.organisation_id
        if not self.mentor_organisation_id and self.mentor_id and self.mentor.organisation_id:
            self.mentor_organisation_id = self.mentor.organisation_id
        problems = {}
        if not self.mentor_id and self._state.adding:
            problems["mentor"] = "Choose the aspirant's mentor."
        if not self.aspirant_organisation_id:
            problems["aspirant_organisation"] = "The aspirant's profile names no authority. Choose one."
        if not self.mentor_organisation_id:
            problems["mentor_organisation"] = "The mentor's profile names no authority. Choose one."
        problems.update(
            rules.enrolment_problems(
                aspirant_id=self.aspirant_id,
                mentor_id=self.mentor_id,
                aspirant_organisation_id=self.aspirant_organisation_id,
                mentor_organisation_id=self.mentor_organisation_id,
                organisation_name=str(self.aspirant_organisation) if self.aspirant_organisation_id else "",
                phase=self.phase,
                in_role_started_on=self.in_role_started_on,
                preparatory_end=self.cohort.preparatory_end if self.cohort_id else None,
                status=self.status,
                ended_on=self.ended_on,
                enrolled_on=self.enrolled_on,
            )
        )
        if problems:
            raise ValidationError(problems)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def has_former_mentor(self) -> bool:
        """The mentor deleted their account and no new mentor is assigned yet."""
        return self.mentor_id is None

    def mentor_label(self) -> str:
        """The mentor's name, or "Former mentor: <name>" once their account is gone."""
        if self.mentor_id:
            return self.mentor.display_name
        return f"Former mentor: {self.mentor_name}" if self.mentor_name else "No mentor"

    mentor_label.short_description = "Mentor"

    @property
    def programme(self):
        return self.cohort.programme
