"""Shared fragments (cms.cache.fragment, {% sharedcache %}, {% formcache %}): the parts of a page
that are the same for everyone are built once per generation of content, never carry anything
personal, are rebuilt when an editor publishes, and are never used for a preview.

The full-page cache stays off (test settings), so every request builds its page around them.
"""

import datetime

import pytest

from django.template import Context, Template
from django.template.context_processors import csrf
from django.test import RequestFactory
from django.utils import timezone

from home.models import HomePageFeaturedCourse
from tests.cms import factories as f
from tests.html import main_text, parse, text
from tests.members.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_cache", "furnished_site")]


@pytest.fixture
def course(home, course_index):
    course = f.CoursePageFactory(parent=course_index, title="Systemic practice")
    HomePageFeaturedCourse.objects.create(page=home, course=course, sort_order=0)
    return course


def upcoming_event(event_index, title, **fields):
    begin = timezone.now() + datetime.timedelta(days=5)
    return f.EventPageFactory(
        parent=event_index, title=title, start=begin, end=begin + datetime.timedelta(hours=2), **fields
    )


def signed_in(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


def test_a_second_visit_builds_the_home_page_listings_from_the_fragment(
    client, course, django_assert_max_num_queries
):
    first = client.get("/")
    # Without the fragment the listings alone take six queries (tests/home counts them).
    with django_assert_max_num_queries(1):
        second = client.get("/")
    assert main_text(second) == main_text(first)
    assert "Systemic practice" in main_text(second)


def test_a_members_name_and_csrf_token_never_reach_another_visitor(client, course):
    priya = UserFactory(first_name="Priya", last_name="Shah")
    member = signed_in(type(client), priya)
    as_member = member.get(course.url)  # the member builds the fragments first
    assert b"Log out" in as_member.content and b"csrfmiddlewaretoken" in as_member.content
    member.get("/")
    for url in (course.url, "/"):
        anonymous = client.get(url)
        assert b"Log out" not in anonymous.content
        assert b"csrfmiddlewaretoken" not in anonymous.content
        assert b"Priya" not in anonymous.content and priya.email.encode() not in anonymous.content


def test_a_member_reads_the_shared_fragments_but_keeps_their_own_account_links(
    client, course, django_assert_max_num_queries
):
    client.get(course.url)  # an anonymous visitor fills the fragments
    jo, sam = UserFactory(), UserFactory()
    pages = [signed_in(type(client), user).get(course.url) for user in (jo, sam)]
    tokens = set()
    for response in pages:
        soup = parse(response)
        assert "Systemic practice" in text(soup.find("main"))
        logout = soup.find("nav", {"aria-label": "Your account"}).find("form")
        tokens.add(logout.find("input", {"name": "csrfmiddlewaretoken"})["value"])
    assert len(tokens) == 2  # each member's own token, not a stored one


def test_publishing_a_course_rebuilds_its_card_and_its_page(client, course, course_index):
    assert "Systemic practice" in main_text(client.get("/"))
    assert "Systemic practice" in main_text(client.get(course_index.url))
    assert "Systemic practice" in main_text(client.get(course.url))
    course.title = "Systemic practice with families"
    course.save_revision().publish()  # as the admin publishes: page_published is sent
    for url in ("/", course_index.url, course.url):
        assert "Systemic practice with families" in main_text(client.get(url)), url


def test_publishing_a_new_event_shows_it_on_the_home_page_and_the_index(client, home, event_index):
    upcoming_event(event_index, "Dementia matters")
    assert "Dementia matters" in main_text(client.get("/"))
    new = upcoming_event(event_index, "The politics of risk", live=False)
    new.save_revision().publish()
    assert "The politics of risk" in main_text(client.get("/"))
    assert "The politics of risk" in main_text(client.get(event_index.url))


def test_editing_the_site_settings_rebuilds_the_footer_and_brand(client, furnished_site):
    furnished_site.organisation_name = "North Partnership"
    furnished_site.save()
    client.get("/")
    furnished_site.organisation_name = "Riverside Teaching Partnership"
    furnished_site.save()
    soup = parse(client.get("/"))
    assert text(soup.find("footer")).startswith("Riverside Teaching Partnership")
    assert text(soup.find(class_="site-header__name")) == "Riverside Teaching Partnership"


def test_a_preview_shows_the_draft_and_leaves_the_live_fragment_alone(client, home, course):
    assert "Systemic practice" in main_text(client.get("/"))  # the live listings, kept
    live_heading = home.hero_heading
    draft = type(home).objects.get(pk=home.pk)  # an editor's unsaved change
    draft.hero_heading = "A draft heading nobody has published"
    preview = draft.make_preview_request()
    assert b"A draft heading nobody has published" in preview.content
    live = client.get("/").content
    assert b"A draft heading nobody has published" not in live
    assert live_heading.encode() in live


def test_each_state_of_a_filter_form_keeps_its_own_fields_and_listing(client, event_index):
    upcoming_event(event_index, "Supervision seminar", kind="seminar")
    upcoming_event(event_index, "Court skills workshop", kind="workshop")
    plain = parse(client.get(event_index.url))
    seminars = parse(client.get(event_index.url, {"kind": "seminar"}))
    unknown = parse(client.get(event_index.url, {"tag": "no-such-topic"}))
    again = parse(client.get(event_index.url))

    def selected_kind(soup):
        option = soup.find("select", {"name": "kind"}).find("option", selected=True)
        return option["value"] if option else ""

    assert selected_kind(plain) == "" and selected_kind(seminars) == "seminar"
    assert selected_kind(again) == ""
    assert unknown.find(class_="error-summary") is not None
    assert plain.find(class_="error-summary") is None and again.find(class_="error-summary") is None
    assert str(plain.find("form", class_="filters")) == str(again.find("form", class_="filters"))
    # and each query string its own listing
    listed = [text(soup.find(id="event-list").parent) for soup in (plain, seminars, again)]
    assert "Court skills workshop" in listed[0] and "Court skills workshop" in listed[2]
    assert "Supervision seminar" in listed[1] and "Court skills workshop" not in listed[1]


def test_a_fragment_that_used_a_csrf_token_is_not_kept(home):
    fragment = Template("{% load praxis_tags %}{% sharedcache 'form' %}{% csrf_token %}{% endsharedcache %}")

    def render():
        request = RequestFactory().get("/")  # no session cookie: a visitor whose copy may be kept
        return fragment.render(Context({"request": request, **csrf(request)}))

    first, second = render(), render()
    assert "csrfmiddlewaretoken" in first and first != second


def test_a_fragment_whose_key_is_missing_is_built_every_time(home):
    fragment = Template(
        "{% load praxis_tags %}{% sharedcache 'card' item.pk %}{{ item.title }}{% endsharedcache %}"
    )
    request = RequestFactory().get("/")
    assert fragment.render(Context({"request": request, "item": {"title": "One"}})) == "One"
    assert fragment.render(Context({"request": request, "item": {"title": "Two"}})) == "Two"
