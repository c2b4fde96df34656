"""Sharing metadata: every page type renders with listing and social images."""

import pytest

from tests.cms import factories as f
from tests.cms.related_factories import ImageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cache(settings):
    # Image ids repeat between tests, so renditions cached by an earlier test would be found.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def og_image(client, page) -> str:
    return parse(client.get(page.url)).head.find("meta", property="og:image")["content"]


@pytest.mark.parametrize(
    ("index_factory", "page_factory"),
    [
        (f.CourseIndexPageFactory, f.CoursePageFactory),
        (f.EventIndexPageFactory, f.EventPageFactory),
        (f.ResearchIndexPageFactory, f.ResearchOutputPageFactory),
        (f.ChangeProjectIndexPageFactory, f.ChangeProjectPageFactory),
        (f.CaseStudyIndexPageFactory, f.CaseStudyPageFactory),
        (f.ProgrammeIndexPageFactory, f.ProgrammePageFactory),
    ],
)
def test_pages_with_a_listing_image_share_it(client, home, index_factory, page_factory):
    index = index_factory(parent=home, listing_image=ImageFactory())
    page = page_factory(parent=index, listing_image=ImageFactory(title="Listing"))
    assert "fill-1200x630" in og_image(client, page)
    assert "fill-1200x630" in og_image(client, index)
    assert "fill-640x360" in str(client.get(index.url).content)


def test_social_image_is_preferred_to_the_listing_image(client, home):
    listing = ImageFactory(file__filename="listing.jpg")
    social = ImageFactory(file__filename="social.jpg")
    page = f.StandardPageFactory(parent=home, listing_image=listing, social_image=social)
    url = og_image(client, page)
    assert url.startswith("http://") and "/social." in url


def test_canonical_and_description(client, home):
    page = f.StandardPageFactory(parent=home, search_description="About the partnership.")
    head = parse(client.get(page.url)).head
    assert head.find("link", rel="canonical")["href"] == page.full_url
    assert head.find("meta", attrs={"name": "description"})["content"] == "About the partnership."
