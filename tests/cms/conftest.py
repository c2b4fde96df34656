"""Index pages under the home page, for tests that need a branch of the site."""

import pytest

from tests.cms import factories as f


@pytest.fixture
def course_index(home):
    return f.CourseIndexPageFactory(parent=home)


@pytest.fixture
def event_index(home):
    return f.EventIndexPageFactory(parent=home)


@pytest.fixture
def research_index(home):
    return f.ResearchIndexPageFactory(parent=home)


@pytest.fixture
def programme_index(home):
    return f.ProgrammeIndexPageFactory(parent=home)


@pytest.fixture
def change_project_index(home):
    return f.ChangeProjectIndexPageFactory(parent=home)


@pytest.fixture
def case_study_index(home):
    return f.CaseStudyIndexPageFactory(parent=home)


@pytest.fixture
def person_index(home):
    return f.PersonIndexPageFactory(parent=home)
