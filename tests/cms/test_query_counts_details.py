"""Every detail page type, uncached, within 10 queries, with several of everything it lists.

Under the production cache configuration (tests/cms/query_counts.py): every cache is emptied
before the measured request except Wagtail's site root paths, which a running deployment always
has warm. Each page has five or more of each thing it lists (tags, people, related pages,
products), so a query per item would pass the limit.
"""

import datetime

import pytest

from django.utils import timezone

from cms.models import Phase
from tests.cms import factories as f
from tests.cms import related_factories as rf
from tests.cms.query_counts import assert_uncached_within, uncached_get
from tests.members.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_cache", "furnished_site")]
MANY = 5


def assert_fast(client, page, django_assert_max_num_queries):
    uncached_get(client, page.url)  # makes the renditions, as the first visitor would
    assert_uncached_within(client, page.url, django_assert_max_num_queries)


def people(count: int = MANY):
    return [
        f.PersonFactory(photo=rf.ImageFactory(), organisation=OrganisationFactory()) for _ in range(count)
    ]


def tag(page, count: int = MANY):
    page.tags.add(*[f"topic {n}" for n in range(count)])
    page.save_revision().publish()
    return page


def test_course_page(client, course_index, django_assert_max_num_queries):
    statements = [f.StatementFactory() for _ in range(MANY)]
    course = f.CoursePageFactory(
        parent=course_index, listing_image=rf.ImageFactory(), social_image=rf.ImageFactory()
    )
    course.apply_page = f.FormPageFactory(parent=course_index.get_parent())
    course.statements.set(statements)
    for person in people():
        rf.CourseTutorFactory(course=course, person=person)
        rf.CoursePlaceAllocationFactory(course=course, organisation=person.organisation)
        f.CourseCohortFactory(course=course)
    tag(course)
    assert_fast(client, course, django_assert_max_num_queries)


def test_event_page(client, event_index, research_index, django_assert_max_num_queries):
    event = f.EventPageFactory(parent=event_index, listing_image=rf.ImageFactory())
    for person in people():
        rf.EventSpeakerFactory(event=event, person=person, name="")
    outputs = [
        f.ResearchOutputPageFactory(parent=research_index, listing_image=rf.ImageFactory())
        for _ in range(MANY)
    ]
    for output in outputs:
        f.ResearchAuthorFactory(page=output, person=f.PersonFactory())
    event.related_research.set(outputs)
    tag(event)
    assert_fast(client, event, django_assert_max_num_queries)


def test_research_output_page(client, research_index, event_index, django_assert_max_num_queries):
    output = f.ResearchOutputPageFactory(
        parent=research_index, listing_image=rf.ImageFactory(), document=rf.PdfDocumentFactory()
    )
    for person in people():
        f.ResearchAuthorFactory(page=output, person=person)
    f.ResearchAuthorFactory(page=output)
    home = research_index.get_parent()
    for n in range(MANY):
        rf.ResearchRelatedPageFactory(page=output, related=f.StandardPageFactory(parent=home))
        begin = timezone.now() + datetime.timedelta(days=n + 1)
        event = f.EventPageFactory(parent=event_index, start=begin, end=begin + datetime.timedelta(hours=1))
        event.related_research.add(output)
        event.save()
    tag(output)
    assert_fast(client, output, django_assert_max_num_queries)


def test_programme_page(client, programme_index, django_assert_max_num_queries):
    programme = f.ProgrammePageFactory(parent=programme_index, listing_image=rf.ImageFactory())
    for phase in Phase:
        rf.ProgrammePhaseFactory(programme=programme, phase=phase)
    for activity in ["residential", "seminar", "mentor_authority_day", "mentor_visit_day", "ofsted_exercise"]:
        f.ProgrammeRequirementFactory(programme=programme, activity_type=activity)
    f.StandardPageFactory(parent=programme)
    assert_fast(client, programme, django_assert_max_num_queries)


def test_change_project_page(client, change_project_index, django_assert_max_num_queries):
    project = f.ChangeProjectPageFactory(parent=change_project_index, listing_image=rf.ImageFactory())
    project.partner_agencies.set([OrganisationFactory() for _ in range(MANY)])
    project.interest_page = f.FormPageFactory(parent=change_project_index.get_parent())
    project.save_revision().publish()
    for _ in range(MANY):
        rf.ChangeProjectProductFactory(project=project)
    assert_fast(client, project, django_assert_max_num_queries)


def test_case_study_page(client, case_study_index, django_assert_max_num_queries):
    page = f.CaseStudyPageFactory(
        parent=case_study_index, listing_image=rf.ImageFactory(), lead_organisation=OrganisationFactory()
    )
    assert_fast(client, page, django_assert_max_num_queries)


def test_standard_page(client, home, django_assert_max_num_queries):
    parent = f.StandardPageFactory(parent=home)
    page = f.StandardPageFactory(parent=parent, listing_image=rf.ImageFactory())
    assert_fast(client, page, django_assert_max_num_queries)


def test_form_page(client, home, django_assert_max_num_queries):
    page = f.FormPageFactory(parent=home)
    for n in range(MANY):
        page.form_fields.create(label=f"Question {n}", field_type="singleline", sort_order=n)
    assert_fast(client, page, django_assert_max_num_queries)
