"""The home page: hero, featured courses, upcoming events, latest research, partners."""

import datetime

import pytest

from django.utils import timezone

from home.models import HomePageFeaturedCourse
from tests.cms import factories as f
from tests.cms.related_factories import ImageFactory
from tests.html import assert_headings_in_order, parse, text
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def section(soup, heading_id):
    return soup.find(id=heading_id).find_parent("section")


def card_titles(element):
    return [text(h) for h in element.select(".card__title")]


@pytest.fixture
def site(home):
    courses = f.CourseIndexPageFactory(parent=home)
    events = f.EventIndexPageFactory(parent=home)
    research = f.ResearchIndexPageFactory(parent=home)
    home.hero_heading = "Better social work, learnt together"
    home.hero_text = "Courses, seminars and research for the partnership."
    home.hero_link_page = courses
    home.hero_link_label = "Find a course"
    home.hero_image = ImageFactory()
    home.save()
    return home, courses, events, research


def test_hero(client, site):
    home, courses, _events, _research = site
    soup = parse(client.get("/"))
    hero = soup.select_one(".hero")
    assert text(hero.find("h1")) == "Better social work, learnt together"
    assert "Courses, seminars and research for the partnership." in text(hero)
    assert hero.find("a", string="Find a course")["href"] == courses.url
    assert hero.find("img")["alt"] == ""
    assert_headings_in_order(soup)


def test_featured_courses_in_editor_order_and_only_live(client, site):
    home, courses, _events, _research = site
    first = f.CoursePageFactory(parent=courses, title="Systemic practice")
    second = f.CoursePageFactory(parent=courses, title="Domestic abuse")
    draft = f.CoursePageFactory(parent=courses, title="Draft", live=False)
    for order, course in enumerate([second, draft, first]):
        HomePageFeaturedCourse.objects.create(page=home, course=course, sort_order=order)
    soup = parse(client.get("/"))
    featured = section(soup, "featured-courses")
    assert card_titles(featured) == ["Domestic abuse", "Systemic practice"]
    assert featured.find("a", string="All courses")["href"] == courses.url


def test_upcoming_events_soonest_three(client, site):
    _home, _courses, events, _research = site
    now = timezone.now()
    for days, title in [(30, "Fourth"), (3, "First"), (10, "Second"), (20, "Third"), (-5, "Past")]:
        start = now + datetime.timedelta(days=days)
        f.EventPageFactory(parent=events, title=title, start=start, end=start + datetime.timedelta(hours=2))
    upcoming = section(parse(client.get("/")), "upcoming-events")
    assert card_titles(upcoming) == ["First", "Second", "Third"]
    assert upcoming.find("time")["datetime"]


def test_latest_research_newest_three(client, site):
    _home, _courses, _events, research = site
    for year in (2021, 2024, 2022, 2025):
        f.ResearchOutputPageFactory(
            parent=research, title=f"Report {year}", publication_date=datetime.date(year, 1, 1)
        )
    latest = section(parse(client.get("/")), "latest-research")
    assert card_titles(latest) == ["Report 2025", "Report 2024", "Report 2022"]


def test_partners(client, site):
    OrganisationFactory(name="Northshire Council", website="https://northshire.example.org")
    OrganisationFactory(name="Northtown University", logo=ImageFactory())
    OrganisationFactory(name="Not a partner", is_partner=False)
    partners = section(parse(client.get("/")), "partners")
    assert partners.find("a", href="https://northshire.example.org")
    assert partners.find("img")["alt"] == "Northtown University"
    assert "Not a partner" not in text(partners)


def test_empty_states(client, site):
    soup = parse(client.get("/"))
    assert "No featured courses at the moment" in text(section(soup, "featured-courses"))
    assert "No events are planned just now" in text(section(soup, "upcoming-events"))
    assert "No research has been published yet" in text(section(soup, "latest-research"))
    assert "Partners will be listed here" in text(section(soup, "partners"))


def test_home_page_without_index_pages_still_renders(client, home):
    soup = parse(client.get("/"))
    assert text(soup.find("h1")) == home.hero_heading
    assert not soup.find("a", string="All courses")


def test_feeds_are_advertised(client, site):
    _home, _courses, events, research = site
    links = parse(client.get("/")).head.find_all("link", rel="alternate")
    assert {link["href"] for link in links} == {f"{events.url}feed/", f"{research.url}feed/"}


def test_the_home_page_title_names_the_site_once_and_other_pages_add_it(client, site):
    _home, courses, _events, _research = site
    home_title = text(parse(client.get("/")).find("title"))
    assert home_title.count("Praxis") == 1
    assert text(parse(client.get(courses.url)).find("title")) == f"{courses.title} | {home_title}"
