"""The course page shows everything the model holds, accessibly."""

import datetime
import json

import pytest

from cms.models import Statement
from tests.cms import factories as f
from tests.cms import related_factories as rf
from tests.html import assert_headings_in_order, parse, text
from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(course_index):
    apply_form = f.FormPageFactory(parent=course_index.get_parent(), title="Apply for a course")
    course = f.CoursePageFactory(
        parent=course_index,
        title="Systemic practice",
        summary="Two years of systemic practice for practitioners and managers.",
        audiences=["practitioners", "frontline_managers"],
        accreditation_body="Association for Family Therapy",
        cpd_hours="105",
        classroom_days=15,
        embedded_service_days=5,
        attendance_threshold_percent=90,
        max_days_missed=2,
        how_to_apply="<p>Ask your manager to nominate you.</p>",
        apply_page=apply_form,
        enquiry_email="centre@example.org",
    )
    course.tags.add("systemic practice", "family work")
    course.statements.set(
        Statement.objects.filter(framework__slug="swe-professional-standards", code__in=["4.2", "4.1"])
        | Statement.objects.filter(framework__slug="basw-pcf", code="5")
    )
    course.save()
    f.CourseCohortFactory(
        course=course,
        name="Spring 2027",
        start_date=datetime.date(2027, 3, 2),
        end_date=datetime.date(2027, 11, 30),
        application_deadline=datetime.date(2027, 1, 15),
        dates_note="Tuesdays, fortnightly",
    )
    rf.CoursePlaceAllocationFactory(
        course=course, organisation=OrganisationFactory(name="Northshire"), places=6
    )
    rf.CourseTutorFactory(course=course, person=f.PersonFactory(first_name="Ada", last_name="Okoro"))
    return course


def test_course_page_shows_every_field(client, course):
    soup = parse(client.get(course.url))
    main = soup.find("main")
    body = text(main)
    assert text(main.find("h1")) == "Systemic practice"
    assert "Two years of systemic practice" in body
    assert {text(a) for a in main.select(".tag-list a")} == {"systemic practice", "family work"}
    assert "Practitioners, Frontline managers" in body
    assert "Accredited by Association for Family Therapy" in body
    assert "105 hours" in body
    assert "15 classroom days, plus up to 5 days embedded in a service" in body
    assert "at least 90% of the course, missing no more than 2 days" in body
    assert "Ask your manager to nominate you." in body
    assert main.find("a", href="mailto:centre@example.org")
    assert main.find("a", string="Apply for this course")
    assert "Ada Okoro" in body


def test_cohorts_and_places_are_tables_with_captions_and_dates(client, course):
    soup = parse(client.get(course.url))
    captions = [text(caption) for caption in soup.select("main table caption")]
    assert captions == ["Cohorts of Systemic practice", "Places per authority"]
    assert soup.find("time", datetime="2027-03-02").get_text() == "2 March 2027"
    assert soup.find("time", datetime="2027-01-15")
    places_row = soup.select("main table")[1].find("tbody").find("tr")
    assert [text(cell) for cell in places_row.find_all(["th", "td"])] == [
        "Northshire",
        "Everyone the course is for",
        "6",
    ]


def test_framework_statements_are_grouped_by_framework_in_order(client, course):
    soup = parse(client.get(course.url))
    section = soup.find("section", attrs={"aria-labelledby": "statements"})
    groups = {
        text(h3): [text(li) for li in h3.find_next_sibling("ul").find_all("li")] for h3 in section("h3")
    }
    swe = next(items for name, items in groups.items() if name.startswith("Social Work England"))
    assert [item.split()[0] for item in swe] == ["4.1", "4.2"]
    pcf = next(items for name, items in groups.items() if name.startswith("Professional Capabilities"))
    assert [item.split()[0] for item in pcf] == ["5"]


def test_course_page_headings_are_in_order(client, course):
    assert_headings_in_order(parse(client.get(course.url)))


def test_course_json_ld_describes_the_course_and_its_cohorts(client, course):
    soup = parse(client.get(course.url))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Course"
    assert data["name"] == "Systemic practice"
    assert data["provider"]["@type"] == "Organization"
    assert data["provider"]["name"] == "Praxis Teaching Partnership"
    assert data["hasCourseInstance"] == [
        {
            "@type": "CourseInstance",
            "name": "Spring 2027",
            "startDate": "2027-03-02",
            "endDate": "2027-11-30",
            "courseMode": "Onsite",
        }
    ]


def test_course_without_cohorts_or_application_details_says_so(client, course_index):
    course = f.CoursePageFactory(parent=course_index)
    body = text(parse(client.get(course.url)).find("main"))
    assert "Dates for the next cohort have not been set yet." in body
    assert "Applications are not open yet." in body


@pytest.mark.urls("tests.cms.records_urls")
def test_members_can_record_the_course_as_cpd(client, course):
    assert "Record this as CPD" not in text(parse(client.get(course.url)))
    client.force_login(UserFactory())
    link = parse(client.get(course.url)).find("a", string="Record this as CPD")
    assert link["href"] == f"/my/records/new/?page={course.pk}"
