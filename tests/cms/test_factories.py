"""Each factory builds a valid object, so other tests can rely on them."""

import pytest

from tests.cms import factories as f
from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory_class",
    [UserFactory, OrganisationFactory, f.PersonFactory, f.FrameworkFactory, f.StatementFactory],
)
def test_model_factory_builds_a_valid_object(factory_class):
    obj = factory_class()
    obj.full_clean()
    assert obj.pk


@pytest.mark.parametrize(
    ("index_factory", "child_factory"),
    [
        (f.CourseIndexPageFactory, f.CoursePageFactory),
        (f.EventIndexPageFactory, f.EventPageFactory),
        (f.ResearchIndexPageFactory, f.ResearchOutputPageFactory),
        (f.ProgrammeIndexPageFactory, f.ProgrammePageFactory),
        (f.ChangeProjectIndexPageFactory, f.ChangeProjectPageFactory),
        (f.CaseStudyIndexPageFactory, f.CaseStudyPageFactory),
    ],
)
def test_page_factories_build_a_live_page_under_their_index(home, index_factory, child_factory):
    index = index_factory(parent=home)
    child = child_factory(parent=index)
    child.full_clean()
    assert child.live
    assert child.get_parent().specific == index


def test_standalone_page_factories(home):
    for factory_class in (f.StandardPageFactory, f.PersonIndexPageFactory, f.FormPageFactory):
        page = factory_class(parent=home)
        assert page.live and page.get_parent().id == home.id
