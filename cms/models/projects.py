"""Change projects run with partner agencies, and case studies in the DfE template."""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BodyBlock, FactBoxBlock, QuoteBlock

from .base import BasePage

MAX_PARTNER_AGENCIES = 7
RICH = ["bold", "italic", "link", "ul", "ol"]


class ChangeProjectIndexPage(BasePage):
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.ChangeProjectPage"]
    max_count = 1
    template = "cms/change_project_index_page.html"

    @property
    def projects(self):
        return (
            ChangeProjectPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("-start_date")
        )


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

    def clean(self):
        super().clean()
        errors = {}
        # The in-memory relation holds the editor's choice before it is saved.
        if self.partner_agencies.count() > MAX_PARTNER_AGENCIES:
            errors["partner_agencies"] = (
                f"A change project can have at most {MAX_PARTNER_AGENCIES} partner agencies; "
                f"{self.partner_agencies.count()} are chosen. Remove "
                f"{self.partner_agencies.count() - MAX_PARTNER_AGENCIES} to save."
            )
        if self.start_date and self.expected_end_date and self.expected_end_date < self.start_date:
            errors["expected_end_date"] = "The expected end must be after the start."
        if errors:
            raise ValidationError(errors)


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

    @property
    def case_studies(self):
        return (
            CaseStudyPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image", "lead_organisation")
            .order_by("title")
        )


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
