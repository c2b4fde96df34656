"""A visitor's journey through the public site in a real browser, with axe-core checks."""

import datetime

import icalendar
import pytest

from django.utils import timezone

from home.models import HomePageFeaturedCourse
from tests.browser.conftest import assert_accessible
from tests.cms import factories as f
from tests.cms.factories import home_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site():
    home = home_page()
    courses = f.CourseIndexPageFactory(parent=home)
    events = f.EventIndexPageFactory(parent=home)
    research = f.ResearchIndexPageFactory(parent=home)
    course = f.CoursePageFactory(
        parent=courses,
        title="Systemic practice with families",
        summary="Two years of systemic practice for practitioners and managers.",
        how_to_apply="<p>Ask your manager to nominate you.</p>",
        enquiry_email="centre@example.org",
    )
    course.tags.add("family work")
    course.save()
    f.CourseCohortFactory(course=course, name="Spring cohort")
    HomePageFeaturedCourse.objects.create(page=home, course=course, sort_order=0)
    start = (timezone.now() + datetime.timedelta(days=10)).replace(second=0, microsecond=0)
    event = f.EventPageFactory(
        parent=events,
        title="The Politics of Risk in Child Protection",
        start=start,
        end=start + datetime.timedelta(hours=6),
        online_url="https://meet.example.org/risk",
        audiences=["practitioners"],
    )
    output = f.ResearchOutputPageFactory(
        parent=research, title="Social isolation amongst older people", doi="10.1093/bjsw/bcab123"
    )
    f.ResearchAuthorFactory(page=output, given_names="Priya", family_name="Shah")
    return {"course": course, "event": event, "output": output}


def test_visitor_finds_a_course_searches_and_saves_an_event(page, site):
    course, event = site["course"], site["event"]

    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name=course.title).click()
    page.wait_for_url(f"**{course.url}")
    assert page.locator("main h1").inner_text() == course.title
    assert_accessible(page)

    page.get_by_role("searchbox", name="Search the site").fill(course.title)
    page.get_by_role("searchbox", name="Search the site").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("main h1").inner_text() == f"Search results for “{course.title}”"
    result = page.locator("main .search-result").first
    assert result.locator("h3").inner_text() == course.title
    assert_accessible(page)

    page.goto("/")
    page.get_by_role("link", name=event.title).click()
    page.wait_for_url(f"**{event.url}")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar").click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    with open(download.path(), "rb") as ics:
        calendar = icalendar.Calendar.from_ical(ics.read())
    [vevent] = calendar.events
    assert str(vevent["SUMMARY"]) == event.title
    assert str(vevent["UID"]) == f"event-{event.pk}@localhost"
    assert vevent.decoded("DTSTART") == event.start


def test_research_output_page_is_accessible(page, site):
    page.goto(site["output"].url)
    assert page.locator("main h1").inner_text() == site["output"].title
    assert_accessible(page)


def test_filtered_index_and_empty_search_are_accessible(page, site):
    page.goto(site["course"].get_parent().url + "?tag=family-work")
    assert_accessible(page)
    page.goto("/search/?q=nothing-matches-this&type=course")
    assert "Nothing matched" in page.locator("main").inner_text()
    assert_accessible(page)
