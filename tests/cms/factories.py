import datetime
from decimal import Decimal

import factory
import wagtail_factories

from django.utils import timezone

from cms import models as cms
from home.models import HomePage
from tests.members.factories import OrganisationFactory, plain_name


def home_page() -> HomePage:
    """The site root created by home/migrations/0002_create_homepage.py."""
    return HomePage.objects.get(depth=2)


class OrderableFactory(factory.django.DjangoModelFactory):
    """For Orderable rows: `sort_order` in creation order, as the admin's InlinePanel sets it.

    Left empty, every row sorts as NULL and PostgreSQL may return them in any order.
    """

    class Meta:
        abstract = True

    sort_order = factory.Sequence(lambda n: n)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cms.Person

    first_name = plain_name("first_name")
    last_name = plain_name("last_name")
    role = "Senior lecturer"
    organisation = factory.SubFactory(OrganisationFactory, kind="university")
    offers = factory.LazyFunction(lambda: [cms.Person.Offer.SHADOWING])


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cms.Framework

    name = factory.Sequence(lambda n: f"Test framework {n}")
    short_name = factory.Sequence(lambda n: f"TF{n}")
    slug = factory.Sequence(lambda n: f"test-framework-{n}")
    publisher = "Test publisher"
    version = "2026"
    valid_from = datetime.date(2020, 1, 1)


class StatementFactory(OrderableFactory):
    class Meta:
        model = cms.Statement

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"{n + 1}")
    title = factory.Sequence(lambda n: f"Statement {n + 1}")


class BasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    listing_summary = "A short summary for cards and search results."


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = cms.StandardPage

    intro = "An opening paragraph."


class CourseIndexPageFactory(BasePageFactory):
    class Meta:
        model = cms.CourseIndexPage

    title = "Courses"
    slug = "courses"


class CoursePageFactory(BasePageFactory):
    class Meta:
        model = cms.CoursePage

    title = factory.Sequence(lambda n: f"Systemic practice {n}")
    summary = "A course in systemic practice for practitioners and managers."
    audiences = factory.LazyFunction(lambda: ["practitioners"])
    accreditation_body = "Association for Family Therapy"
    accreditation_status = cms.CoursePage.AccreditationStatus.ACCREDITED
    cpd_hours = Decimal("105")
    classroom_days = 15
    embedded_service_days = 5


class CourseCohortFactory(OrderableFactory):
    class Meta:
        model = cms.CourseCohort

    course = factory.SubFactory(CoursePageFactory)
    name = "Spring cohort"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=200))


class EventIndexPageFactory(BasePageFactory):
    class Meta:
        model = cms.EventIndexPage

    title = "Events"
    slug = "events"


class EventPageFactory(BasePageFactory):
    class Meta:
        model = cms.EventPage

    title = factory.Sequence(lambda n: f"Seminar {n}")
    kind = cms.EventPage.Kind.SEMINAR
    summary = "Morning input from a speaker, afternoon work on real dilemmas."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=6))
    venue = "Room 2.14, University Library"
    cpd_hours = Decimal("6")


class ResearchIndexPageFactory(BasePageFactory):
    class Meta:
        model = cms.ResearchIndexPage

    title = "Research"
    slug = "research"


class ResearchOutputPageFactory(BasePageFactory):
    class Meta:
        model = cms.ResearchOutputPage

    title = factory.Sequence(lambda n: f"Evaluation report {n}")
    output_type = cms.ResearchOutputPage.OutputType.REPORT
    publication_date = datetime.date(2025, 6, 1)
    publisher = "Praxis Teaching Partnership"
    abstract = "What we found when we asked practitioners about the programme."


class ResearchAuthorFactory(OrderableFactory):
    class Meta:
        model = cms.ResearchAuthor

    page = factory.SubFactory(ResearchOutputPageFactory)
    given_names = "Alex"
    family_name = factory.Sequence(lambda n: f"Author{n}")


class ProgrammeIndexPageFactory(BasePageFactory):
    class Meta:
        model = cms.ProgrammeIndexPage

    title = "Centre for Social Work"
    slug = "centre"


class ProgrammePageFactory(BasePageFactory):
    class Meta:
        model = cms.ProgrammePage

    title = factory.Sequence(lambda n: f"Practice Leader Development Programme {n}")
    summary = "A programme for aspiring practice leaders."


class ProgrammeRequirementFactory(OrderableFactory):
    class Meta:
        model = cms.ProgrammeRequirement

    programme = factory.SubFactory(ProgrammePageFactory)
    activity_type = cms.ActivityType.MENTOR_AUTHORITY_DAY
    phase = cms.Phase.PREPARATORY
    min_days = Decimal("0")
    max_days = Decimal("5")


class ChangeProjectIndexPageFactory(BasePageFactory):
    class Meta:
        model = cms.ChangeProjectIndexPage

    title = "Change projects"
    slug = "change-projects"


class ChangeProjectPageFactory(BasePageFactory):
    class Meta:
        model = cms.ChangeProjectPage

    title = factory.Sequence(lambda n: f"Change project {n}")
    topic = "Using evidence in court"
    summary = "A project with partner agencies."
    start_date = datetime.date(2026, 1, 1)


class CaseStudyIndexPageFactory(BasePageFactory):
    class Meta:
        model = cms.CaseStudyIndexPage

    title = "Case studies"
    slug = "case-studies"


class CaseStudyPageFactory(BasePageFactory):
    class Meta:
        model = cms.CaseStudyPage

    title = factory.Sequence(lambda n: f"Case study {n}")
    partnership = "Praxis Teaching Partnership"
    summary = "How academics spent time in practice."


class PersonIndexPageFactory(BasePageFactory):
    class Meta:
        model = cms.PersonIndexPage

    title = "People"
    slug = "people"


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = cms.FormPage

    title = factory.Sequence(lambda n: f"Expression of interest {n}")
    to_address = "partnership@example.org"
    from_address = "no-reply@example.org"
    subject = "New expression of interest"
