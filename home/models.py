import functools

from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models import (
    BasePage,
    CourseIndexPage,
    CoursePage,
    EventIndexPage,
    EventPage,
    ResearchIndexPage,
    ResearchOutputPage,
)
from cms.models.base import prefetch_renditions
from cms.routing import route_from_root
from members.models import Organisation


class HomePage(BasePage):
    hero_heading = models.CharField(max_length=120, help_text="The main message, in a few words.")
    hero_text = models.TextField(blank=True, help_text="One or two sentences under the heading.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide photograph. Decorative: the heading carries the message.",
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_link_label = models.CharField(max_length=60, blank=True, default="Find a course")
    body = StreamField(BodyBlock(), blank=True)

    upcoming_events_count = 3
    latest_research_count = 3

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                PageChooserPanel("hero_link_page"),
                FieldPanel("hero_link_label"),
            ],
            heading="Hero",
        ),
        InlinePanel(
            "featured_courses",
            heading="Featured courses",
            label="Course",
            max_num=6,
            help_text="Upcoming events, latest research and partners fill in by themselves.",
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    # The site's sections, one index each, plus free-standing pages and forms.
    subpage_types = [
        "cms.CourseIndexPage",
        "cms.EventIndexPage",
        "cms.ResearchIndexPage",
        "cms.ProgrammeIndexPage",
        "cms.ChangeProjectIndexPage",
        "cms.CaseStudyIndexPage",
        "cms.PersonIndexPage",
        "cms.StandardPage",
        "cms.FormPage",
    ]
    max_count = 1
    template = "home/home_page.html"

    # Each list below leaves its images' renditions to get_context, which reads them for every
    # list in one query.
    @property
    def featured_course_pages(self) -> list:
        featured = self.featured_courses.all()
        courses = CoursePage.objects.live().public().select_related("listing_image")
        courses = courses.prefetch_related("cohorts")
        if isinstance(featured, QuerySet):  # in the database: one query, in the editor's order
            order = HomePageFeaturedCourse.objects.filter(page=self, course=OuterRef("pk"))
            order = order.values("sort_order")
            courses = courses.annotate(featured_order=Subquery(order[:1]))
            return list(courses.filter(featured_order__isnull=False).order_by("featured_order"))
        ids = [item.course_id for item in featured]  # a preview, where they are held in memory
        by_id = {course.id: course for course in courses.filter(id__in=ids)}
        return [by_id[course_id] for course_id in ids if course_id in by_id]

    @property
    def upcoming_events(self):
        events = EventPage.objects.live().public().select_related("listing_image")
        return events.upcoming(timezone.now())[: self.upcoming_events_count]

    @property
    def latest_research(self):
        outputs = ResearchOutputPage.objects.live().public().for_cards(renditions=False)
        return outputs[: self.latest_research_count]

    @property
    def partners(self):
        return Organisation.objects.filter(is_partner=True).select_related("logo")

    def section_indexes(self) -> dict:
        """The course, event and research index pages, for the "see all" links, by kind."""
        kinds = {CourseIndexPage: "courses", EventIndexPage: "events", ResearchIndexPage: "research"}
        # Deferred: only their URLs are shown, so no query per page type.
        children = self.get_children().live().public().type(*kinds).specific(defer=True)
        return {kinds[type(child)]: child for child in children}

    def route(self, request, path_components):
        # The site root finds any page below it in a fixed number of queries (cms/routing.py).
        return route_from_root(self, request, path_components)

    def listings(self) -> dict:
        """The featured courses, upcoming events, latest research, partners and section indexes,
        with every list's image renditions read in one query."""
        featured = self.featured_course_pages
        events = list(self.upcoming_events)
        research = list(self.latest_research)
        partners = list(self.partners)
        prefetch_renditions([*featured, *events, *research], "listing_image", [*partners], "logo")
        return {
            "featured_courses": featured,
            "upcoming_events": events,
            "latest_research": research,
            "partners": partners,
            "indexes": self.section_indexes(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each list is read when the template first shows it, not here: the template keeps the
        # listings as a shared fragment (cms.cache.fragment), and while that is fresh the
        # queries are not made at all. Django's templates call a callable they are given.
        listings = functools.cache(self.listings)
        for name in LISTING_NAMES:
            context[name] = functools.partial(lambda name: listings()[name], name)
        return context


LISTING_NAMES = ("featured_courses", "upcoming_events", "latest_research", "partners", "indexes")


class HomePageFeaturedCourse(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_courses")
    course = models.ForeignKey("cms.CoursePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("course")]
