"""General pages, and forms built by editors (for example expressions of interest)."""

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.routing import CachedViewRestrictionsMixin

from .base import BasePage, ListingFieldsMixin, SocialFieldsMixin


class StandardPage(BasePage):
    intro = models.TextField(blank=True, help_text="An opening paragraph, shown larger.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "cms.StandardPage", "cms.ProgrammeIndexPage", "cms.ProgrammePage"]
    subpage_types = ["cms.StandardPage", "cms.FormPage"]
    template = "cms/standard_page.html"


class FormField(AbstractFormField):
    page = ParentalKey("cms.FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(CachedViewRestrictionsMixin, ListingFieldsMixin, SocialFieldsMixin, AbstractEmailForm):
    """A form editors build, such as an expression of interest in a change project."""

    intro = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown after someone sends the form. Say what happens next.",
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form field"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email the answers to",
        ),
    ]
    promote_panels = BasePage.promote_panels
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage", "cms.StandardPage"]
    subpage_types = []
    template = "cms/form_page.html"
    landing_page_template = "cms/form_page_landing.html"
