"""Change projects run with partner agencies, and case studies in the DfE template."""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.admin_forms import ChangeProjectPageForm
from cms.blocks import BodyBlock, FactBoxBlock, QuoteBlock
from cms.filters import ChangeProjectFilterForm, listing_context, paginate
from cms.rules import MAX_PARTNER_AGENCIES, partner_agency_count_error

from .base import BasePage

RICH = ["bold", "italic", "link", "ul", "ol"]


class ChangeProjectIndexPage(BasePage):
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.ChangeProjectPage"]
    max_count = 1
    template = "cms/change_project_index_page.html"
    projects_per_page = 12

    @property
    def projects(self):
        return ChangeProjectPage.objects.child_of(self).live().public().for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ChangeProjectFilterForm(request.GET, stage=ChangeProjectPage.Stage.choices)
        context.update(listing_context(request, form, self.projects, self.projects_per_page))
        return context


class ChangeProjectQuerySet(PageQuerySet):
    def for_listing(self):
        return (
            self.select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-start_date", "title")
        )

    def at_stage(self, stage: str):
        return self.filter(stage=stage)


class ChangeProjectPage(BasePage):
    class Stage(models.TextChoices):
        CONSULTATION = "consultation", "Consultation"
        SCOPING = "scoping", "Scoping seminar"
        DRAFTING = "drafting", "Drafting products"
        PILOTING = "piloting", "Piloting"
        EVALUATION = "evaluation", "Evaluation"
        REFINEMENT = "refinement", "Refinement"
        PUBLISHED = "published", "Published"

    topic = models.CharField(max_length=255, help_text="The question the project tackles, in a line.")
    summary = models.TextField()
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.CONSULTATION)
    partner_agencies = ParentalManyToManyField(
        "members.Organisation",
        blank=True,
        related_name="change_projects",
        help_text=f"Up to {MAX_PARTNER_AGENCIES} agencies, chosen from the open call.",
    )
    start_date = models.DateField()
    expected_end_date = models.DateField(null=True, blank=True, help_text="Projects run 18 to 24 months.")
    how_to_express_interest = RichTextField(features=RICH, blank=True)
    interest_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The expression-of-interest form, if the call is open.",
    )
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(ChangeProjectQuerySet)()
    # Checks the number of partner agencies the editor chose (see cms/admin_forms.py for why).
    base_form_class = ChangeProjectPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("stage"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("expected_end_date")]),
        FieldPanel("partner_agencies"),
        InlinePanel("products", heading="Products", label="Product"),
        MultiFieldPanel(
            [FieldPanel("how_to_express_interest"), FieldPanel("interest_page")],
            heading="Expressions of interest",
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("topic"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("stage"),
    ]
    parent_page_types = ["cms.ChangeProjectIndexPage"]
    subpage_types = []
    template = "cms/change_project_page.html"
    serving_select_related = ("interest_page",)  # read with the page when served (cms/routing.py)

    def clean(self):
        super().clean()
        errors = {}
        # Covers code that assigns the relation before full_clean(); the admin form checks the
        # editor's choice itself, because it only assigns the relation after validation.
        if message := partner_agency_count_error(self.partner_agencies.count()):
            errors["partner_agencies"] = message
        if self.start_date and self.expected_end_date and self.expected_end_date < self.start_date:
            errors["expected_end_date"] = "The expected end must be after the start."
        if errors:
            raise ValidationError(errors)

    def stage_steps(self) -> list[dict]:
        """Every stage in order, each marked done, current or to come, for the step list."""
        stages = list(self.Stage)
        current = stages.index(self.Stage(self.stage))
        return [
            {
                "number": number,
                "label": stage.label,
                "state": "done" if number - 1 < current else "current" if number - 1 == current else "todo",
            }
            for number, stage in enumerate(stages, start=1)
        ]

    @property
    def stage_number(self) -> int:
        return list(self.Stage).index(self.Stage(self.stage)) + 1

    @property
    def stage_count(self) -> int:
        return len(self.Stage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_agencies"] = sorted(self.partner_agencies.all(), key=lambda org: org.name)
        context["products"] = self.products.select_related("document")
        return context


class ChangeProjectProduct(Orderable):
    project = ParentalKey(ChangeProjectPage, on_delete=models.CASCADE, related_name="products")
    title = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True)
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("document")]


class CaseStudyIndexPage(BasePage):
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.CaseStudyPage"]
    max_count = 1
    template = "cms/case_study_index_page.html"
    case_studies_per_page = 12

    @property
    def case_studies(self):
        return (
            CaseStudyPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image", "lead_organisation")
            .prefetch_related("listing_image__renditions")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(request, self.case_studies, self.case_studies_per_page)
        return context


class CaseStudyPage(BasePage):
    """A case study in the DfE teaching partnership template."""

    partnership = models.CharField(max_length=200, help_text="The teaching partnership's name.")
    lead_organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    work_areas = models.CharField(
        max_length=255,
        blank=True,
        help_text="e.g. 'Academics in practice; continuing professional development'.",
    )
    summary = models.TextField()
    fact_box = StreamField([("fact_box", FactBoxBlock())], blank=True, max_num=1)
    quotes = StreamField([("quote", QuoteBlock())], blank=True)
    objectives = RichTextField(features=RICH, blank=True)
    body = StreamField(BodyBlock(), blank=True, help_text="What the partnership did.")
    outcomes = RichTextField(features=RICH, blank=True)
    future_developments = RichTextField(features=RICH, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("partnership"),
        FieldPanel("lead_organisation"),
        FieldPanel("work_areas"),
        FieldPanel("summary"),
        FieldPanel("fact_box"),
        FieldPanel("objectives"),
        FieldPanel("body"),
        FieldPanel("outcomes"),
        FieldPanel("quotes"),
        FieldPanel("future_developments"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("partnership"),
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("body"),
        index.SearchField("outcomes"),
    ]
    parent_page_types = ["cms.CaseStudyIndexPage"]
    subpage_types = []
    template = "cms/case_study_page.html"
