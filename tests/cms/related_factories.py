"""Factories for the objects that hang off pages (cohorts' siblings, speakers, authors' links,
products, phases), and for images and PDF documents. Page factories are in factories.py."""

import factory
import wagtail_factories

from cms import models as cms
from tests.cms.factories import (
    ChangeProjectPageFactory,
    CoursePageFactory,
    EventPageFactory,
    OrderableFactory,
    PersonFactory,
    ProgrammePageFactory,
    ResearchOutputPageFactory,
)
from tests.members.factories import OrganisationFactory

# The smallest file PDF readers accept; enough for a document with the right type and size.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photograph {n}")
    file = factory.django.ImageField(width=320, height=200, color="teal")


class PdfDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Full report {n}")
    file = factory.django.FileField(filename="report.pdf", data=MINIMAL_PDF)


class CourseTutorFactory(OrderableFactory):
    class Meta:
        model = cms.CourseTutor

    course = factory.SubFactory(CoursePageFactory)
    person = factory.SubFactory(PersonFactory)


class CoursePlaceAllocationFactory(OrderableFactory):
    class Meta:
        model = cms.CoursePlaceAllocation

    course = factory.SubFactory(CoursePageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    places = 4


class EventSpeakerFactory(OrderableFactory):
    class Meta:
        model = cms.EventSpeaker

    event = factory.SubFactory(EventPageFactory)
    person = None
    name = factory.Faker("name", locale="en_GB")
    role = "Principal social worker"


class ResearchRelatedPageFactory(OrderableFactory):
    class Meta:
        model = cms.ResearchRelatedPage

    page = factory.SubFactory(ResearchOutputPageFactory)
    related = None


class ChangeProjectProductFactory(OrderableFactory):
    class Meta:
        model = cms.ChangeProjectProduct

    project = factory.SubFactory(ChangeProjectPageFactory)
    title = factory.Sequence(lambda n: f"Practice handbook {n}")
    description = "A handbook for practitioners preparing for court."
    document = factory.SubFactory(PdfDocumentFactory)


class ProgrammePhaseFactory(OrderableFactory):
    class Meta:
        model = cms.ProgrammePhase

    programme = factory.SubFactory(ProgrammePageFactory)
    phase = cms.Phase.PREPARATORY
    duration = "About 12 months"
    description = "<p>A residential, monthly seminars and days in another authority.</p>"
