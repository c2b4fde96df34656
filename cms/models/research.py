"""Research outputs: reports, evaluations, articles, briefings, handbooks and case studies."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms import citations
from cms.blocks import BodyBlock
from cms.feeds import ResearchFeed
from cms.filters import ResearchFilterForm, index_tag_choices, listing_context
from cms.structured_data import research_output_data

from .base import BasePage

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


class ResearchIndexPage(RoutablePageMixin, BasePage):
    """Lists research outputs with filters, and serves an RSS feed of them at feed/."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    outputs_per_page = 12
    feed_size = 30

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.ResearchOutputPage"]
    max_count = 1
    template = "cms/research_index_page.html"

    @property
    def outputs(self):
        return ResearchOutputPage.objects.child_of(self).live().public().for_cards()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outputs = self.outputs
        form = ResearchFilterForm(
            request.GET,
            output_type=ResearchOutputPage.OutputType.choices,
            year=[(year, str(year)) for year in outputs.publication_years()],
            tag=index_tag_choices(request, self, outputs),
        )
        context.update(listing_context(request, form, outputs, self.outputs_per_page))
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return ResearchFeed(self)(request)


class ResearchOutputQuerySet(PageQuerySet):
    def for_cards(self, *, renditions: bool = True):
        """What a research card shows: image (and its renditions, unless the caller reads them
        with other lists' in one go), authors with their directory entries."""
        queryset = (
            self.select_related("listing_image", "document")
            .prefetch_related(Prefetch("authors", queryset=ResearchAuthor.objects.select_related("person")))
            .order_by("-publication_date", "title")
        )
        return queryset.prefetch_related("listing_image__renditions") if renditions else queryset

    def of_type(self, output_type: str):
        return self.filter(output_type=output_type)

    def published_in(self, year: int):
        return self.filter(publication_date__year=year)

    def tagged(self, slug: str):
        return self.filter(tags__slug=slug)

    def publication_years(self) -> list[int]:
        """The years that have outputs, newest first."""
        return [day.year for day in self.order_by().dates("publication_date", "year", order="DESC")]


class ResearchOutputPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.ResearchOutputPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResearchOutputPage(RoutablePageMixin, BasePage):
    class OutputType(models.TextChoices):
        REPORT = "report", "Report"
        EVALUATION = "evaluation", "Evaluation"
        ARTICLE = "article", "Journal article"
        BRIEFING = "briefing", "Briefing"
        HANDBOOK = "handbook", "Handbook"
        CASE_STUDY = "case_study", "Case study"

    output_type = models.CharField(max_length=20, choices=OutputType.choices, default=OutputType.REPORT)
    publication_date = models.DateField()
    publisher = models.CharField(max_length=200, blank=True)
    journal = models.CharField(max_length=200, blank=True, help_text="For journal articles.")
    doi = models.CharField(
        "DOI", max_length=200, blank=True, help_text="Just the DOI, e.g. 10.1093/bjsw/bcab123."
    )
    abstract = models.TextField()
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full text as a PDF.",
    )
    tags = ClusterTaggableManager(through=ResearchOutputPageTag, blank=True, verbose_name="topics")
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(ResearchOutputQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("output_type"),
        InlinePanel("authors", heading="Authors", label="Author", min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("publisher")]),
                FieldRowPanel([FieldPanel("journal"), FieldPanel("doi")]),
            ],
            heading="Publication",
        ),
        FieldPanel("abstract"),
        FieldPanel("document"),
        FieldPanel("tags"),
        InlinePanel("related_pages", heading="Related pages", label="Related page"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.SearchField("publisher"),
        index.FilterField("output_type"),
        index.FilterField("publication_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["cms.ResearchIndexPage"]
    subpage_types = []
    template = "cms/research_output_page.html"
    # Read with the page when it is served (cms/routing.py).
    serving_select_related = ("document",)
    serving_prefetch_related = ("tags",)

    def clean(self):
        super().clean()
        if self.doi:
            self.doi = self.doi.strip().removeprefix("https://doi.org/").removeprefix("doi:")
            if not DOI_PATTERN.match(self.doi):
                raise ValidationError({"doi": "Enter a DOI such as 10.1093/bjsw/bcab123."})

    @property
    def author_names(self) -> list[str]:
        return [author.display_name for author in self.authors.all()]

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def is_journal_article(self) -> bool:
        return self.output_type == self.OutputType.ARTICLE

    def author_list(self) -> list["ResearchAuthor"]:
        return list(self.authors.select_related("person"))

    def live_related_pages(self) -> list[Page]:
        """The related pages that are published and public, as their specific types, in order."""
        ids = [item.related_id for item in self.related_pages.all()]
        pages = Page.objects.filter(pk__in=ids).live().public().specific()
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in ids if pk in by_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        authors = self.author_list()
        context["authors"] = authors
        context["related_pages"] = self.live_related_pages()
        context["related_events"] = self.related_events.live().public().order_by("-start")
        context["citation"] = citations.formatted_citation(self, authors)
        context["citation_meta"] = citations.scholar_meta(self, request, authors)
        context["structured_data"] = research_output_data(self, request, authors)
        return context

    @path("cite/bibtex/", name="bibtex")
    def bibtex(self, request):
        return citations.download(
            citations.bibtex(self, request, self.author_list()),
            content_type="application/x-bibtex; charset=utf-8",
            filename=f"{self.slug}.bib",
        )

    @path("cite/ris/", name="ris")
    def ris(self, request):
        return citations.download(
            citations.ris(self, request, self.author_list()),
            content_type="application/x-research-info-systems; charset=utf-8",
            filename=f"{self.slug}.ris",
        )


class ResearchAuthor(Orderable):
    page = ParentalKey(ResearchOutputPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "cms.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    given_names = models.CharField(
        max_length=100, blank=True, help_text="For an author not in the directory."
    )
    family_name = models.CharField(
        max_length=100, blank=True, help_text="For an author not in the directory."
    )

    panels = [FieldPanel("person"), FieldRowPanel([FieldPanel("given_names"), FieldPanel("family_name")])]

    def clean(self):
        if not self.person_id and not self.family_name:
            raise ValidationError(
                {"person": "Choose a person from the directory, or type the author's names."}
            )

    @property
    def names(self) -> tuple[str, str]:
        """(given names, family name), from the directory entry when there is one."""
        if self.person_id:
            return self.person.first_name, self.person.last_name
        return self.given_names, self.family_name

    @property
    def display_name(self) -> str:
        return " ".join(part for part in self.names if part)

    @property
    def citation_name(self) -> str:
        """'Family, Given' as reference managers and Google Scholar expect."""
        given, family = self.names
        return f"{family}, {given}" if given else family


class ResearchRelatedPage(Orderable):
    page = ParentalKey(ResearchOutputPage, on_delete=models.CASCADE, related_name="related_pages")
    related = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("related")]
