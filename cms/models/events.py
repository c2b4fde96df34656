"""Seminars, workshops, lunch with academics, practice educator forums and residentials."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
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
from cms.fields import MultipleChoiceField

from .base import BasePage
from .courses import Audience


class EventIndexPage(BasePage):
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    events_per_page = 12

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.EventPage"]
    max_count = 1
    template = "cms/event_index_page.html"

    @property
    def events(self):
        return EventPage.objects.child_of(self).live().public().for_listing()


class EventPageQuerySet(PageQuerySet):
    def for_listing(self):
        return self.select_related("listing_image").prefetch_related("tags")

    def upcoming(self, now=None):
        """Events that have not yet finished, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


class EventPage(BasePage):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", "Seminar"
        WORKSHOP = "workshop", "Workshop"
        LUNCH_WITH_ACADEMICS = "lunch", "Lunch with academics"
        PRACTICE_EDUCATOR_FORUM = "pe_forum", "Practice educator forum"
        RESIDENTIAL = "residential", "Residential"
        CONFERENCE = "conference", "Conference"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SEMINAR)
    summary = models.TextField(help_text="Two or three sentences: what the event is about.")
    start = models.DateTimeField(help_text="UK time.")
    end = models.DateTimeField(help_text="UK time.")
    venue = models.CharField(max_length=255, blank=True, help_text="Building and room.")
    address = models.TextField(blank=True)
    online_url = models.URLField("online joining link", blank=True, help_text="For online or hybrid events.")
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Leave blank if unlimited.")
    audiences = MultipleChoiceField(choices=Audience.choices, help_text="Who the event is for.")
    cpd_hours = models.DecimalField(
        "CPD hours", max_digits=4, decimal_places=1, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    booking_url = models.URLField(blank=True, help_text="Where to book, if booking is needed.")
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name="topics")
    related_research = ParentalManyToManyField(
        "cms.ResearchOutputPage", blank=True, related_name="related_events"
    )
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading="When"),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")], heading="Where"
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("cpd_hours")]),
        FieldPanel("audiences"),
        FieldPanel("booking_url"),
        InlinePanel("speakers", heading="Speakers", label="Speaker"),
        FieldPanel("tags"),
        FieldPanel("related_research"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
        index.FilterField("kind"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []
    template = "cms/event_page.html"

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="event_ends_after_start"
            )
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The event must end after it starts."})
        if not self.venue and not self.online_url:
            raise ValidationError(
                {"venue": "Give a venue, an online joining link, or both, so people know where to go."}
            )

    @property
    def audience_labels(self) -> list[str]:
        return self._meta.get_field("audiences").labels(self.audiences)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()


class EventSpeaker(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "cms.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=150, blank=True, help_text="For a speaker not in the directory.")
    role = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("person"), FieldRowPanel([FieldPanel("name"), FieldPanel("role")])]

    def clean(self):
        if not self.person_id and not self.name:
            raise ValidationError({"person": "Choose a person from the directory or type a name."})

    @property
    def display_name(self) -> str:
        return self.person.full_name if self.person_id else self.name
