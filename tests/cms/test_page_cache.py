"""The full-page cache for anonymous visitors (cms/middleware.py, cms/cache.py)."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Site

from cms import cache as cms_cache
from cms.models import SiteSettings
from tests.cms import factories as f
from tests.members.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache", "furnished_site")]


@pytest.fixture
def page_cache(settings, production_cache):
    settings.PRAXIS_PAGE_CACHE = True


def event(event_index, title, days=3, **fields):
    begin = timezone.now() + datetime.timedelta(days=days)
    end = begin + datetime.timedelta(hours=2)
    return f.EventPageFactory(parent=event_index, title=title, start=begin, end=end, **fields)


def test_a_second_visit_is_answered_from_the_cache_without_a_query(
    client, event_index, django_assert_num_queries
):
    event(event_index, "Transitional safeguarding")
    first = client.get(event_index.url)
    with django_assert_num_queries(0):
        second = client.get(event_index.url)
    assert second.status_code == 200 and second.content == first.content
    assert b"Transitional safeguarding" in second.content
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=60"
        assert "Cookie" in response["Vary"]


def test_search_results_are_cached_too(client, home, django_assert_num_queries):
    f.StandardPageFactory(parent=home, title="Supervision guide")
    first = client.get("/search/", {"q": "supervision"})
    with django_assert_num_queries(0):
        second = client.get("/search/", {"q": "supervision"})
    assert second.content == first.content and b"Supervision guide" in second.content


def test_a_head_request_is_answered_from_the_cache_without_a_body(
    client, event_index, django_assert_num_queries
):
    client.get(event_index.url)
    with django_assert_num_queries(0):
        response = client.head(event_index.url)
    assert response.status_code == 200 and response.content == b""


def test_publishing_and_unpublishing_a_child_refreshes_its_index_and_the_home_page(client, home, event_index):
    event(event_index, "Dementia matters")
    assert b"Dementia matters" in client.get(event_index.url).content
    assert b"Dementia matters" in client.get("/").content
    new = event(event_index, "The politics of risk", live=False)
    new.save_revision().publish()  # as the admin publishes: page_published is sent
    assert b"The politics of risk" in client.get(event_index.url).content
    assert b"The politics of risk" in client.get("/").content
    new.refresh_from_db()
    new.unpublish()
    assert b"The politics of risk" not in client.get(event_index.url).content
    assert b"The politics of risk" not in client.get("/").content
    assert client.get(new.url).status_code == 404


def test_a_signed_in_member_never_gets_the_anonymous_page_nor_fills_the_cache(
    client, event_index, django_assert_max_num_queries
):
    anonymous = client.get(event_index.url)
    assert b"Log out" not in anonymous.content
    member = type(client)()
    member.force_login(UserFactory())
    response = member.get(event_index.url)
    assert b"Log out" in response.content
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]
    cms_cache.bump_generation()  # empties the page cache; the member's page must not fill it
    member.get(event_index.url)
    again = client.get(event_index.url)
    assert b"Log out" not in again.content
    assert again["Cache-Control"] == "public, max-age=60"


def test_a_form_page_is_never_cached(client, home):
    form = f.FormPageFactory(parent=home)
    form.form_fields.create(label="Your name", field_type="singleline", sort_order=0)
    first = client.get(form.url)
    assert b"csrfmiddlewaretoken" in first.content
    assert first["Cache-Control"] == "private, no-store"
    fresh = type(client)()
    second = fresh.get(form.url)
    assert second["Cache-Control"] == "private, no-store"
    # Each visitor gets their own token, which a cached copy would have shared.
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_members_pages_are_private_and_never_stored(client, home):
    client.force_login(UserFactory())
    response = client.get("/my/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]
    anonymous = type(client)().get("/my/")
    assert anonymous.status_code == 302
    assert "private" in anonymous["Cache-Control"] and "Cookie" in anonymous["Vary"]


def test_site_settings_made_on_first_read_keep_the_cache_but_an_edit_retires_it(home):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.all().delete()
    before = cms_cache.generation()
    settings = SiteSettings.for_site(site)  # created on its first read
    assert cms_cache.generation() == before
    settings.tagline = "Practice and research together"
    settings.save()
    assert cms_cache.generation() != before


def test_saving_a_snippet_retires_the_cache(home):
    person = f.PersonFactory()
    before = cms_cache.generation()
    person.role = "Professor of social work"
    person.save()
    assert cms_cache.generation() != before
