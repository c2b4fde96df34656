"""Accredited courses run by the Centre for Social Work and the partnership."""

import datetime
import functools

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.fields import DateListField, MultipleChoiceField, list_contains
from cms.filters import CourseFilterForm, index_tag_choices, listing_context
from cms.structured_data import course_data

from .base import BasePage


class Audience(models.TextChoices):
    """Who a course or event is for. Shared by courses and events."""

    PRACTITIONERS = "practitioners", "Practitioners"
    FRONTLINE_MANAGERS = "frontline_managers", "Frontline managers"
    PRACTICE_SUPERVISORS = "practice_supervisors", "Practice supervisors"
    PRACTICE_LEADERS = "practice_leaders", "Practice leaders"
    PRACTICE_EDUCATORS = "practice_educators", "Practice educators"
    STUDENTS = "students", "Students"
    ACADEMICS = "academics", "Academics"


class CourseIndexPage(BasePage):
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.CoursePage"]
    max_count = 1
    template = "cms/course_index_page.html"
    courses_per_page = 12

    @property
    def courses(self):
        return CoursePage.objects.child_of(self).live().public().for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = self.courses
        form = CourseFilterForm(
            request.GET, tag=index_tag_choices(request, self, courses), audience=Audience.choices
        )
        context.update(listing_context(request, form, courses, self.courses_per_page))
        return context


class CoursePageQuerySet(PageQuerySet):
    def for_listing(self):
        return (
            self.select_related("listing_image")
            .prefetch_related("cohorts", "listing_image__renditions")
            .order_by("title")
        )

    def tagged(self, slug: str):
        return self.filter(tags__slug=slug)

    def for_audience(self, audience: str):
        return self.filter(list_contains("audiences", audience))


class CoursePageTag(TaggedItemBase):
    content_object = ParentalKey("cms.CoursePage", on_delete=models.CASCADE, related_name="tagged_items")


class CoursePage(BasePage):
    class AccreditationStatus(models.TextChoices):
        ACCREDITED = "accredited", "Accredited"
        PENDING = "pending", "Accreditation applied for"
        NOT_ACCREDITED = "not_accredited", "Not accredited"

    summary = models.TextField(help_text="Two or three sentences: what the course is and who it is for.")
    tags = ClusterTaggableManager(through=CoursePageTag, blank=True, verbose_name="topics")
    audiences = MultipleChoiceField(choices=Audience.choices, help_text="Who the course is for.")
    accreditation_body = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Association for Family Therapy'."
    )
    accreditation_status = models.CharField(
        max_length=20, choices=AccreditationStatus.choices, default=AccreditationStatus.NOT_ACCREDITED
    )
    cpd_hours = models.DecimalField(
        "CPD hours",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Total hours of learning a participant can record as CPD.",
    )
    classroom_days = models.PositiveSmallIntegerField(default=0, help_text="e.g. 15.")
    embedded_service_days = models.PositiveSmallIntegerField(
        default=0, help_text="Days spent embedded in a service, e.g. 'up to 5'."
    )
    attendance_threshold_percent = models.PositiveSmallIntegerField(
        "attendance needed for a certificate (%)",
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_days_missed = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Optional: the most days a participant may miss, e.g. 2."
    )
    statements = ParentalManyToManyField(
        "cms.Statement",
        blank=True,
        related_name="courses",
        help_text="The framework statements this course helps participants evidence.",
    )
    how_to_apply = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)
    apply_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The application or expression-of-interest form, if there is one.",
    )
    enquiry_email = models.EmailField(blank=True)
    members_book_here = models.BooleanField(
        "members book places here",
        default=False,
        help_text="Signed-in members book a cohort on this page, within the places per authority below.",
    )
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(CoursePageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("tags"),
        FieldPanel("audiences"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("accreditation_body"), FieldPanel("accreditation_status")]),
                FieldPanel("cpd_hours"),
                FieldRowPanel([FieldPanel("classroom_days"), FieldPanel("embedded_service_days")]),
                FieldRowPanel([FieldPanel("attendance_threshold_percent"), FieldPanel("max_days_missed")]),
            ],
            heading="Accreditation and attendance",
        ),
        InlinePanel("cohorts", heading="Cohorts", label="Cohort"),
        InlinePanel("place_allocations", heading="Places per authority", label="Allocation"),
        InlinePanel("tutors", heading="Tutors", label="Tutor"),
        FieldPanel("statements", heading="Framework statements"),
        MultiFieldPanel(
            [
                FieldPanel("members_book_here"),
                FieldPanel("how_to_apply"),
                FieldPanel("apply_page"),
                FieldPanel("enquiry_email"),
            ],
            heading="How to book or apply",
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("accreditation_body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["cms.CourseIndexPage"]
    subpage_types = []
    template = "cms/course_page.html"
    # Read with the page when it is served (cms/routing.py): the template shows each twice.
    serving_select_related = ("apply_page",)
    serving_prefetch_related = ("tags", "cohorts")

    @property
    def audience_labels(self) -> list[str]:
        return self._meta.get_field("audiences").labels(self.audiences)

    def upcoming_cohorts(self):
        today = timezone.localdate()
        return [cohort for cohort in self.cohorts.all() if cohort.end_date >= today]

    @property
    def next_cohort(self):
        """The first cohort that has not yet started, for cards ("Starts 3 March 2027")."""
        today = timezone.localdate()
        return next((cohort for cohort in self.cohorts.all() if cohort.start_date >= today), None)

    def statements_by_framework(self) -> list[tuple]:
        """[(framework, [statements in framework order]), ...], frameworks by name."""
        statements = self.statements.select_related("framework").order_by(
            "framework__name", "framework_id", "sort_order"
        )
        groups: dict = {}
        for statement in statements:
            groups.setdefault(statement.framework, []).append(statement)
        return list(groups.items())

    def tutor_people(self) -> list:
        tutors = self.tutors.select_related("person__organisation", "person__photo").prefetch_related(
            "person__photo__renditions"
        )
        return [tutor.person for tutor in tutors]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the template first shows them, not here: the page's content is a shared
        # fragment (cms/course_page.html), and while it is fresh these queries are not made.
        # Django's templates call a callable they are given.
        context["tutors"] = functools.cache(self.tutor_people)
        context["place_allocations"] = self.place_allocations.select_related("organisation")
        context["statement_groups"] = functools.cache(self.statements_by_framework)
        context["structured_data"] = course_data(self, request)
        return context


class CourseCohort(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=100, help_text="e.g. 'Spring 2027'.")
    start_date = models.DateField()
    end_date = models.DateField()
    application_deadline = models.DateField(
        null=True, blank=True, help_text="The last day to book. Blank: the day before the cohort starts."
    )
    booking_opens_on = models.DateField(
        null=True, blank=True, help_text="The first day members can book. Blank: as soon as the page is live."
    )
    dates_note = models.CharField(
        max_length=255, blank=True, help_text="e.g. 'Tuesdays, fortnightly, 9.30am to 4pm'."
    )
    session_dates = DateListField(
        "session days",
        help_text=(
            "The classroom days, one date per line (e.g. 2 March 2027). Staff take a register on "
            "each, and the course's attendance threshold is worked out from them."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("booking_opens_on"), FieldPanel("application_deadline")]),
        FieldPanel("dates_note"),
        FieldPanel("session_dates"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["start_date"]

    def __str__(self):
        return self.name

    @property
    def session_days(self) -> list[datetime.date]:
        return DateListField.as_dates(self.session_dates)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The cohort must end on or after its start date."})
        if self.start_date and self.end_date:
            outside = [day for day in self.session_days if not self.start_date <= day <= self.end_date]
            if outside:
                days = ", ".join(f"{day:%-d %B %Y}" for day in outside)
                message = f"Every session day must fall within the cohort's dates: {days} does not."
                raise ValidationError({"session_dates": message})


class CoursePlaceAllocation(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="place_allocations")
    organisation = models.ForeignKey("members.Organisation", on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(
        max_length=30,
        choices=Audience.choices,
        blank=True,
        help_text="Who these places are for. Leave blank for places open to every audience of the course.",
    )
    places = models.PositiveSmallIntegerField(help_text="Places in each cohort.")

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("audience"), FieldPanel("places")])]


class CourseTutor(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="tutors")
    person = models.ForeignKey("cms.Person", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("person")]
