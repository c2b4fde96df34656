"""Index pages under the home page, for tests that need a branch of the site."""

import uuid

import pytest

from wagtail.models import Site

from cms.models import FooterLink, SiteSettings
from config.settings.cache import caches
from tests.cms import factories as f
from tests.cms.related_factories import ImageFactory


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


@pytest.fixture
def production_cache(settings):
    """The caches production builds without REDIS_URL (config/settings/cache.py), fresh and empty."""
    settings.CACHES = caches(location=f"praxis-test-{uuid.uuid4().hex}")
    return settings.CACHES


@pytest.fixture
def furnished_site(home):
    """Site settings with a logo and footer links, indexes in the menu: what every page shows."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = ImageFactory()
    settings.save()
    for n, page in enumerate([f.StandardPageFactory(parent=home, show_in_menus=True) for _ in range(3)]):
        FooterLink.objects.create(settings=settings, label=f"Link {n}", page=page, sort_order=n)
    return settings
