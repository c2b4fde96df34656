"""Each factory in related_factories.py builds a valid object."""

import pytest

from tests.cms import related_factories as rf

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory_class",
    [
        rf.ImageFactory,
        rf.PdfDocumentFactory,
        rf.CourseTutorFactory,
        rf.CoursePlaceAllocationFactory,
        rf.EventSpeakerFactory,
        rf.ChangeProjectProductFactory,
        rf.ProgrammePhaseFactory,
    ],
)
def test_factory_builds_a_valid_object(home, factory_class):
    obj = factory_class()
    obj.full_clean()
    assert obj.pk


def test_pdf_document_is_a_pdf(db):
    document = rf.PdfDocumentFactory()
    assert document.file_extension == "pdf"
    assert document.file.read().startswith(b"%PDF-")


def test_research_related_page_factory(home):
    link = rf.ResearchRelatedPageFactory(related=home)
    assert link.page.related_pages.get() == link
    assert link.page.live_related_pages() == [home]
