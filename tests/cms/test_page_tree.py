"""Where each page type may be created, and what may go under it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms import models as cms
from home.models import HomePage

INDEX_PAGES = {
    cms.CourseIndexPage,
    cms.EventIndexPage,
    cms.ResearchIndexPage,
    cms.ProgrammeIndexPage,
    cms.ChangeProjectIndexPage,
    cms.CaseStudyIndexPage,
    cms.PersonIndexPage,
}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, INDEX_PAGES | {cms.StandardPage, cms.FormPage})

    def test_each_index_holds_only_its_own_pages_and_sits_under_home(self):
        cases = [
            (cms.CourseIndexPage, {cms.CoursePage}),
            (cms.EventIndexPage, {cms.EventPage}),
            (cms.ResearchIndexPage, {cms.ResearchOutputPage}),
            (cms.ProgrammeIndexPage, {cms.ProgrammePage, cms.StandardPage}),
            (cms.ChangeProjectIndexPage, {cms.ChangeProjectPage}),
            (cms.CaseStudyIndexPage, {cms.CaseStudyPage}),
            (cms.PersonIndexPage, set()),
        ]
        for index, children in cases:
            with self.subTest(index=index.__name__):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertAllowedSubpageTypes(index, children)
                self.assertEqual(index.max_count, 1)

    def test_detail_pages_live_only_under_their_index_and_are_leaves(self):
        cases = [
            (cms.CoursePage, cms.CourseIndexPage),
            (cms.EventPage, cms.EventIndexPage),
            (cms.ResearchOutputPage, cms.ResearchIndexPage),
            (cms.ChangeProjectPage, cms.ChangeProjectIndexPage),
            (cms.CaseStudyPage, cms.CaseStudyIndexPage),
        ]
        for page_type, index in cases:
            with self.subTest(page_type=page_type.__name__):
                self.assertAllowedParentPageTypes(page_type, {index})
                self.assertAllowedSubpageTypes(page_type, set())

    def test_programme_pages_hold_standard_pages(self):
        self.assertAllowedParentPageTypes(cms.ProgrammePage, {cms.ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(cms.ProgrammePage, {cms.StandardPage})

    def test_standard_and_form_pages(self):
        self.assertAllowedParentPageTypes(
            cms.StandardPage, {HomePage, cms.StandardPage, cms.ProgrammeIndexPage, cms.ProgrammePage}
        )
        self.assertAllowedSubpageTypes(cms.StandardPage, {cms.StandardPage, cms.FormPage})
        self.assertAllowedParentPageTypes(cms.FormPage, {HomePage, cms.StandardPage})
        self.assertAllowedSubpageTypes(cms.FormPage, set())

    def test_a_second_index_of_a_kind_cannot_be_created(self):
        home = HomePage.objects.get(depth=2)
        self.assertTrue(cms.CourseIndexPage.can_create_at(home))
        home.add_child(instance=cms.CourseIndexPage(title="Courses", slug="courses"))
        self.assertFalse(cms.CourseIndexPage.can_create_at(home))
        self.assertCanNotCreateAt(HomePage, cms.CoursePage)
