"""Seminars, workshops, lunch with academics, practice educator forums and residentials."""

import functools

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms import ical
from cms.blocks import BodyBlock
from cms.feeds import UpcomingEventsFeed
from cms.fields import MultipleChoiceField
from cms.filters import EventFilterForm, index_tag_choices, listing_context
from cms.structured_data import event_data

from .base import BasePage
from .courses import Audience


class EventIndexPage(RoutablePageMixin, BasePage):
    """Lists upcoming and past events; also serves an RSS feed and an iCalendar feed of them.

    The feeds are routes of this page (feed/ and calendar/) so they follow it in the page tree
    and share its privacy settings.
    """

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    events_per_page = 12
    recent_past_count = 3
    feed_size = 50

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.EventPage"]
    max_count = 1
    template = "cms/event_index_page.html"

    @property
    def events(self):
        return EventPage.objects.child_of(self).live().public().for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.events
        form = EventFilterForm(
            request.GET, kind=EventPage.Kind.choices, tag=index_tag_choices(request, self, events)
        )
        now = timezone.now()
        # The listing is read when the template first shows it: the template keeps it as a
        # shared fragment for each query string (cms.cache.fragment), for no longer than the
        # page cache keeps a page, so an event that has just finished moves to the past
        # events as late as it would with the page cache.
        if form.showing_past:
            listing = listing_context(request, form, events.past(now), self.events_per_page, lazy=True)
        else:
            listing = listing_context(request, form, events.upcoming(now), self.events_per_page, lazy=True)
            past = form.apply(events.past(now))
            context["recent_past_events"] = functools.cache(lambda: list(past[: self.recent_past_count]))
        context.update(listing)
        context["showing_past"] = form.showing_past
        return context

    def upcoming_feed_items(self):
        return self.events.upcoming().prefetch_related("tags")[: self.feed_size]

    @path("feed/", name="feed")
    def feed(self, request):
        return UpcomingEventsFeed(self)(request)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        events = list(self.upcoming_feed_items())
        return ical.calendar_response(events, request=request, name=self.title, filename=f"{self.slug}.ics")


class EventPageQuerySet(PageQuerySet):
    def for_listing(self):
        # Cards show no topics; the feeds add them (upcoming_feed_items).
        return self.select_related("listing_image").prefetch_related("listing_image__renditions")

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def tagged(self, slug: str):
        return self.filter(tags__slug=slug)

    def upcoming(self, now=None):
        """Events that have not yet finished, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


class EventPage(RoutablePageMixin, BasePage):
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
    booking_url = models.URLField(blank=True, help_text="Where to book, if booking is elsewhere.")
    members_book_here = models.BooleanField(
        "members book places here",
        default=False,
        help_text="Signed-in members book on this page until the event starts, up to the places above.",
    )
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
        FieldRowPanel([FieldPanel("members_book_here"), FieldPanel("booking_url")]),
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
    serving_prefetch_related = ("tags",)  # read with the page when served (cms/routing.py)

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

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_in_person(self) -> bool:
        return bool(self.venue)

    @property
    def location_text(self) -> str:
        """Venue and address on one line, or "Online"."""
        parts = [self.venue, ", ".join(line.strip() for line in self.address.splitlines() if line.strip())]
        return ", ".join(part for part in parts if part) or ("Online" if self.online_url else "")

    def speaker_list(self):
        return self.speakers.select_related("person__organisation")

    def live_related_research(self):
        related = self.related_research.all()
        # A subquery when the relation is in the database; its ids in previews, where the
        # relation is held in memory.
        ids = related.values("pk") if isinstance(related, QuerySet) else [page.pk for page in related]
        return self.related_research.model.objects.filter(pk__in=ids).live().public().for_cards()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = list(self.speaker_list())
        context["related_research"] = self.live_related_research()
        context["structured_data"] = event_data(self, request, speakers=context["speakers"])
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return ical.calendar_response([self], request=request, name=self.title, filename=f"{self.slug}.ics")


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
