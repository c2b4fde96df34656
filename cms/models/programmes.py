"""Centre for Social Work programmes, such as the Practice Leader Development Programme.

A programme's requirement rows are the rules that aspirants' day logs are checked against, so
editors can run another programme with other limits without a code change.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.admin_forms import ProgrammePageForm, duplicate_requirement_message
from cms.blocks import BodyBlock

from .base import BasePage


class Phase(models.TextChoices):
    PREPARATORY = "preparatory", "Preparatory phase"
    IN_ROLE = "in_role", "In-role phase"


class ActivityType(models.TextChoices):
    RESIDENTIAL = "residential", "Residential"
    SEMINAR = "seminar", "Seminar"
    MENTOR_AUTHORITY_DAY = "mentor_authority_day", "Day in the mentor's authority"
    MENTOR_VISIT_DAY = "mentor_visit_day", "Mentor day in own authority"
    OFSTED_EXERCISE = "ofsted_exercise", "Ofsted inspection exercise"
    SERVICE_PROJECT = "service_project", "Service development project"
    MENTORING = "mentoring", "Mentor input"
    OTHER = "other", "Other"


class ProgrammeIndexPage(BasePage):
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.ProgrammePage", "cms.StandardPage"]
    max_count = 1
    template = "cms/programme_index_page.html"

    @property
    def programmes(self):
        return (
            ProgrammePage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
        )

    @property
    def other_pages(self):
        """Standard pages under the centre (about us, contact), for a second list."""
        return self.get_children().live().public().not_type(ProgrammePage).specific()


class ProgrammePage(BasePage):
    summary = models.TextField(help_text="Two or three sentences: what the programme is and who it is for.")
    who_can_apply = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)
    how_to_apply = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)
    apply_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The application or expression-of-interest form, if there is one.",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        InlinePanel("phases", heading="Phases", label="Phase"),
        InlinePanel(
            "requirements",
            heading="Requirements",
            label="Requirement",
            help_text="What each aspirant must log. Day logs are checked against these rows.",
        ),
        FieldPanel("who_can_apply"),
        FieldPanel("how_to_apply"),
        FieldPanel("apply_page"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.ProgrammeIndexPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/programme_page.html"
    serving_select_related = ("apply_page",)  # read with the page when served (cms/routing.py)
    # Checks the requirement rows as the editor submitted them (see cms/admin_forms.py for why).
    base_form_class = ProgrammePageForm

    def clean(self):
        super().clean()
        seen = set()
        for requirement in self.requirements.all():
            key = (requirement.activity_type, requirement.phase)
            if key in seen:
                raise ValidationError(
                    duplicate_requirement_message(
                        requirement.get_activity_type_display(), requirement.get_phase_display()
                    )
                )
            seen.add(key)

    def requirements_by_phase(self) -> list[tuple[str, list]]:
        """[(phase label, [requirement rows in editor order]), ...] in programme order."""
        rows = list(self.requirements.all())
        return [
            (phase.label, [row for row in rows if row.phase == phase])
            for phase in Phase
            if any(row.phase == phase for row in rows)
        ]

    def requirement_for(self, activity_type: str, phase: str):
        for requirement in self.requirements.all():
            if requirement.activity_type == activity_type and requirement.phase == phase:
                return requirement
        return None


class ProgrammePhase(Orderable):
    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="phases")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    duration = models.CharField(max_length=100, blank=True, help_text="e.g. 'About 12 months'.")
    description = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)

    panels = [FieldRowPanel([FieldPanel("phase"), FieldPanel("duration")]), FieldPanel("description")]

    def __str__(self):
        return self.get_phase_display()


class ProgrammeRequirement(Orderable):
    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="requirements")
    activity_type = models.CharField(max_length=30, choices=ActivityType.choices)
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.PREPARATORY)
    min_days = models.DecimalField(
        "minimum days",
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
        help_text="Days needed to complete the phase. 0 if optional.",
    )
    max_days = models.DecimalField(
        "maximum days",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="The most days that may be logged. Leave blank for no limit.",
    )
    mentor_attends = models.BooleanField(
        default=False, help_text="Tick if the mentor takes part (their days are recorded too)."
    )
    notes = models.CharField(
        max_length=255, blank=True, help_text="Shown to aspirants beside the requirement."
    )

    panels = [
        FieldRowPanel([FieldPanel("activity_type"), FieldPanel("phase")]),
        FieldRowPanel([FieldPanel("min_days"), FieldPanel("max_days")]),
        FieldPanel("mentor_attends"),
        FieldPanel("notes"),
    ]

    def __str__(self):
        return f"{self.get_activity_type_display()} ({self.get_phase_display()})"

    def clean(self):
        if self.max_days is not None and self.min_days is not None and self.max_days < self.min_days:
            raise ValidationError({"max_days": "The maximum cannot be less than the minimum."})

    @property
    def is_optional(self) -> bool:
        return not self.min_days
