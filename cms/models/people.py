"""The directory of academics and practitioners."""

from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.fields import MultipleChoiceField, list_contains
from cms.filters import PersonFilterForm, index_tag_choices, listing_context

from .base import BasePage


class PersonTag(TaggedItemBase):
    content_object = ParentalKey("cms.Person", on_delete=models.CASCADE, related_name="tagged_items")


class PersonQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("organisation", "photo").prefetch_related(
            "areas_of_interest", "photo__renditions"
        )

    def tagged(self, slug: str):
        return self.filter(areas_of_interest__slug=slug)

    def at_organisation(self, organisation_id: int):
        return self.filter(organisation_id=organisation_id)

    def offering(self, offer: str):
        return self.filter(list_contains("offers", offer))

    def organisation_choices(self) -> list[tuple[int, str]]:
        """(id, name) of the organisations people in this queryset belong to, by name."""
        rows = (
            self.exclude(organisation=None)
            .order_by("organisation__name")
            .values_list("organisation_id", "organisation__name")
            .distinct()
        )
        return list(rows)


class Person(index.Indexed, ClusterableModel):
    class Offer(models.TextChoices):
        SHADOWING = "shadowing", "Shadowing days"
        LUNCH = "lunch", "Lunch with academics"
        RESEARCH_SEMINARS = "research_seminars", "Research seminars"
        CRITICAL_FRIEND = "critical_friend", "Critical friend"

    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    honorific = models.CharField(max_length=30, blank=True, help_text="For example 'Dr' or 'Prof'.")
    role = models.CharField(max_length=150, help_text="Job title, e.g. 'Senior lecturer'.")
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    areas_of_interest = ClusterTaggableManager(
        through=PersonTag,
        blank=True,
        verbose_name="areas of interest",
        help_text="Topics this person works on, e.g. 'domestic abuse'. Used to filter the directory.",
    )
    biography = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offers = MultipleChoiceField(
        choices=Offer.choices, help_text="What practitioners can ask this person for."
    )
    email = models.EmailField(blank=True, help_text="Shown publicly. Leave blank to hide.")

    objects = PersonQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("honorific"), FieldPanel("first_name"), FieldPanel("last_name")],
            heading="Name",
        ),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("photo"),
        FieldPanel("areas_of_interest"),
        FieldPanel("offers"),
        FieldPanel("biography"),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.AutocompleteField("last_name"),
        index.SearchField("role"),
        index.SearchField("biography"),
        index.FilterField("organisation"),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.honorific, self.first_name, self.last_name) if part)

    @property
    def offer_labels(self) -> list[str]:
        return self._meta.get_field("offers").labels(self.offers)


class PersonIndexPage(BasePage):
    """The directory of academics and practitioners, filterable by interest and organisation."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    people_per_page = 24

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "cms/person_index_page.html"

    class Meta:
        verbose_name = "people directory"

    @property
    def people(self):
        return Person.objects.for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = self.people
        form = PersonFilterForm(
            request.GET,
            tag=index_tag_choices(request, self, people, "areas_of_interest"),
            organisation=people.organisation_choices(),
            offer=Person.Offer.choices,
        )
        context.update(listing_context(request, form, people, self.people_per_page))
        return context
