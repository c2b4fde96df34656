"""The Centre's accredited courses, each with two upcoming cohorts and places per authority, and
their session days; systemic practice also has a cohort already running, whose register the
bookings demo (learning_records/bookings/demo.py) has taken for the days gone by, and one that
finished a few months ago, whose attendance certificates that demo issues."""

import datetime
from decimal import Decimal

from cms.models import Audience, CourseIndexPage, CoursePage, Statement
from members import demo as members

from . import media
from .utils import (
    call_to_action,
    days_from_today,
    first_sentence,
    heading,
    paragraph,
    quote,
    season_name,
    upsert_page,
)

SWE = "swe-professional-standards"
PCF = "basw-pcf"
KSS_SUPERVISORS = "dfe-kss-practice-supervisors"
KSS_LEADERS = "dfe-kss-practice-leaders"
ACCREDITED = CoursePage.AccreditationStatus.ACCREDITED
PENDING = CoursePage.AccreditationStatus.PENDING
ENQUIRIES = "centre@praxis.example"

COURSES = [
    {
        "slug": "personalisation",
        "title": "Personalisation in adult social care",
        "summary": "A 15-day course for adult social care practitioners and their managers on "
        "working alongside people to plan their own support. It covers the Care Act 2014, "
        "strengths-based conversations and making personal budgets work.",
        "tags": ["personalisation", "adult social care", "strengths-based practice", "Care Act 2014"],
        "audiences": [Audience.PRACTITIONERS, Audience.FRONTLINE_MANAGERS],
        "accreditation_body": "Kingsmere University (30 credits at master's level)",
        "accreditation_status": ACCREDITED,
        "cpd_hours": Decimal("105"),
        "embedded_service_days": 5,
        "statements": {SWE: ["1.1", "1.3", "3.13"], PCF: ["4"]},
        "tutors": ["barrett", "oduya"],
        "places": 4,
        "rhythm": "Thursdays, fortnightly, 9.30am to 4pm",
        "covers": "How to hold a conversation about what matters to a person, not just what is "
        "wrong; the duties in the Care Act 2014 and what they mean at the front door; support "
        "planning with people, carers and providers; direct payments and individual service "
        "funds; and managing risk without taking control away.",
        "embedded": "Up to five days embedded in a service that works differently, such as a "
        "community-led support hub or a user-led organisation, with a short reflective account.",
        "quote": (
            "I stopped starting my assessments with the form. People tell me more, and our plans last.",
            "Social worker, Ashdale",
        ),
    },
    {
        "slug": "domestic-violence",
        "title": "Domestic violence and abuse: assessment and intervention",
        "summary": "Fifteen days on recognising, assessing and responding to domestic violence and "
        "abuse, including coercive control, the impact on children, and safe work with people "
        "who harm. For practitioners and frontline managers in children's and adults' services.",
        "tags": ["domestic abuse", "coercive control", "safeguarding", "risk assessment"],
        "audiences": [Audience.PRACTITIONERS, Audience.FRONTLINE_MANAGERS, Audience.PRACTICE_SUPERVISORS],
        "accreditation_body": "Kingsmere University (20 credits at master's level)",
        "accreditation_status": ACCREDITED,
        "cpd_hours": Decimal("105"),
        "embedded_service_days": 3,
        "statements": {SWE: ["3.2", "3.4", "3.12"], KSS_SUPERVISORS: ["5"]},
        "tutors": ["siddiqui"],
        "places": 5,
        "rhythm": "Tuesdays, fortnightly, 9.30am to 4pm",
        "covers": "What coercive control looks like in everyday family life; risk assessment tools "
        "and their limits; the Domestic Abuse Act 2021; working with children who live with abuse; "
        "safety planning; and how to engage men who harm without colluding or escalating risk.",
        "embedded": "Three days with the local specialist domestic abuse service, including its "
        "multi-agency risk assessment conference.",
        "quote": (
            "The sessions on coercive control changed how I read a case file.",
            "Team manager, Eastmoor",
        ),
    },
    {
        "slug": "therapeutic-approaches",
        "title": "Therapeutic approaches with children and families",
        "summary": "A practical course in relationship-based and therapeutic ways of working with "
        "children and families, from life story work to trauma-informed practice. Fifteen "
        "classroom days with skills practice in small groups.",
        "tags": ["therapeutic practice", "trauma-informed practice", "life story work", "children"],
        "audiences": [Audience.PRACTITIONERS, Audience.PRACTICE_SUPERVISORS],
        "accreditation_body": "Riverside University",
        "accreditation_status": PENDING,
        "cpd_hours": Decimal("98"),
        "embedded_service_days": 0,
        "statements": {SWE: ["2.4", "2.5", "3.14"], PCF: ["7"]},
        "tutors": ["osei", "fairbairn"],
        "places": 3,
        "rhythm": "Wednesdays, fortnightly, 10am to 4pm",
        "covers": "Attachment and trauma in everyday practice; direct work with children using play, "
        "drawing and stories; life story work; working with parents who were themselves in care; "
        "and looking after yourself when the work is hard.",
        "embedded": "",
        "quote": ("I have a toolkit now, not just good intentions.", "Social worker, Harbour Vale"),
    },
    {
        "slug": "practice-education",
        "title": "Practice education: stages 1 and 2",
        "summary": "The partnership's course for social workers who want to teach and assess social "
        "work students on placement, meeting the Practice Educator Professional Standards at "
        "stages 1 and 2.",
        "tags": ["practice education", "student placements", "assessment"],
        "audiences": [Audience.PRACTITIONERS, Audience.PRACTICE_EDUCATORS],
        "accreditation_body": "Riverside University, to the Practice Educator Professional Standards",
        "accreditation_status": ACCREDITED,
        "cpd_hours": Decimal("90"),
        "embedded_service_days": 0,
        "statements": {SWE: ["4.5"], PCF: ["9"], KSS_SUPERVISORS: ["2"]},
        "tutors": ["donnelly", "lindqvist"],
        "places": 2,
        "rhythm": "Mondays, monthly, 9.30am to 4.30pm",
        "covers": "How adults learn; planning a placement; direct observation and feedback; "
        "assessing against the Professional Capabilities Framework; supporting a struggling "
        "student; and writing a fair, evidenced final report.",
        "embedded": "",
        "quote": (
            "Having a student made me explain my practice out loud, and improve it.",
            "Practice educator, Westbrook",
        ),
    },
    {
        "slug": "systemic-practice",
        "title": "Systemic practice: foundation and intermediate",
        "summary": "An accredited course in systemic ideas and techniques for social workers: "
        "genograms, circular questions, reflecting teams and working with the whole family. "
        "Fifteen classroom days plus up to five days embedded in a systemic unit.",
        "tags": ["systemic practice", "family therapy", "supervision"],
        "audiences": [Audience.PRACTITIONERS, Audience.FRONTLINE_MANAGERS, Audience.PRACTICE_LEADERS],
        "accreditation_body": "Association for Family Therapy",
        "accreditation_status": ACCREDITED,
        "cpd_hours": Decimal("140"),
        "embedded_service_days": 5,
        "statements": {SWE: ["1.4", "2.5", "3.5"], KSS_SUPERVISORS: ["6"], KSS_LEADERS: ["2"]},
        "tutors": ["osei"],
        "places": 3,
        "rhythm": "Thursdays, fortnightly, 9.30am to 4pm",
        "covers": "Systemic theory and its history; genograms and ecomaps; curious and circular "
        "questions; hypothesising; reflecting teams; working with difference and power (the "
        "social GGRRAAACCEEESSS); and bringing systemic ideas into supervision.",
        "embedded": "Up to five days in a systemic unit or a family therapy clinic, joining "
        "reflecting teams and case discussions.",
        "quote": ("Our team's case discussions are calmer and more curious.", "Practice leader, Northfield"),
    },
]


def load_course_index(demo):
    return upsert_page(
        demo.home,
        CourseIndexPage,
        slug="courses",
        title="Courses",
        show_in_menus=True,
        intro="<p>Accredited courses from the Centre for Social Work, planned with partner "
        "authorities. Each has places set aside for every partner authority.</p>",
        listing_summary="Accredited courses for practitioners, managers and practice leaders.",
        search_description="Accredited social work courses from the Praxis Teaching Partnership.",
        listing_image=media.topic_image("Courses", "course", "Abstract shapes in blue and green"),
    )


def load_courses(demo):
    index = demo.pages["courses"]
    courses = {}
    for position, course in enumerate(COURSES):
        courses[course["slug"]] = upsert_page(index, CoursePage, **_course_fields(demo, course, position))
    return courses


def _course_fields(demo, course, position):
    authorities = [demo.organisations[name] for name in members.LOCAL_AUTHORITIES]
    first_start = days_from_today(42 + position * 7, weekday=_weekday(course["rhythm"]))
    second_start = first_start + datetime.timedelta(weeks=30)
    starts = [first_start, second_start]
    if course["slug"] == RUNNING_COURSE:
        # First: children are matched by position, and a course's cohorts come in date order.
        starts[:0] = [finished_cohort_start(course), running_cohort_start(course)]
    cohorts = [cohort_row(course, start) for start in starts]
    body = [
        heading("What the course covers"),
        paragraph(f"<p>{course['covers']}</p>"),
        heading("How it is taught"),
        paragraph(
            f"<p>{course_days(course)} Sessions mix short talks with case discussion and skills "
            "practice. Participants keep a learning log, which counts towards their CPD record.</p>"
        ),
    ]
    if course["embedded"]:
        body += [heading("Days in a service", "h3"), paragraph(f"<p>{course['embedded']}</p>")]
    body += [
        heading("Certificates"),
        paragraph(
            "<p>You receive a certificate when you attend at least 90% of the classroom days and "
            "miss no more than two. Tell the course team as soon as you know you will miss a day.</p>"
        ),
        quote(*course["quote"]),
        call_to_action(
            "Not sure it is for you?",
            "Talk to the course team: we can put you in touch with someone who has done it.",
            url=f"mailto:{ENQUIRIES}",
            label="Email the course team",
        ),
    ]
    return {
        "slug": course["slug"],
        "title": course["title"],
        "summary": course["summary"],
        "listing_summary": first_sentence(course["summary"]),
        "search_description": course["summary"][:160],
        "listing_image": media.topic_image(
            course["title"], "course", f"Abstract image for {course['title']}"
        ),
        "audiences": course["audiences"],
        "accreditation_body": course["accreditation_body"],
        "accreditation_status": course["accreditation_status"],
        "cpd_hours": course["cpd_hours"],
        "classroom_days": 15,
        "embedded_service_days": course["embedded_service_days"],
        "attendance_threshold_percent": 90,
        "max_days_missed": 2,
        "enquiry_email": ENQUIRIES,
        "members_book_here": True,
        "how_to_apply": "<p>Places are shared between the partner authorities. To book:</p><ol>"
        "<li>Talk to your manager about the time the course needs.</li>"
        "<li>Sign in and choose <strong>Book a place</strong> on a cohort above. If your authority's "
        "places are taken, join the waiting list: a freed place is offered in turn.</li></ol>"
        f'<p>Staff from voluntary agencies: email <a href="mailto:{ENQUIRIES}">{ENQUIRIES}</a> '
        "about any places left.</p>",
        "body": body,
        "tags": course["tags"],
        "m2m": {"statements": statements(course["statements"])},
        "children": {
            "cohorts": cohorts,
            "place_allocations": (
                [{"organisation_id": org.pk, "places": course["places"]} for org in authorities],
                ("organisation_id",),
            ),
            "tutors": ([{"person_id": demo.people[key].pk} for key in course["tutors"]], ("person_id",)),
        },
    }


RUNNING_COURSE = "systemic-practice"
COHORT_WEEKS = 26
SESSION_DAYS = 15


def session_days(start: datetime.date) -> list[datetime.date]:
    """Fifteen classroom days on the cohort's weekday, spread over its 26 weeks (mostly fortnightly)."""
    return [
        start + datetime.timedelta(weeks=round(n * COHORT_WEEKS / (SESSION_DAYS - 1)))
        for n in range(SESSION_DAYS)
    ]


def running_cohort_start(course) -> datetime.date:
    """About ten weeks ago, on the course's weekday: several session days have gone by."""
    return days_from_today(-70, weekday=_weekday(course["rhythm"]))


def finished_cohort_start(course) -> datetime.date:
    """About seven months ago: its last session day has passed, so its certificates are issued."""
    return days_from_today(-7 * COHORT_WEEKS - 35, weekday=_weekday(course["rhythm"]))


def cohort_row(course, start: datetime.date) -> dict:
    return {
        "name": season_name(start),
        "start_date": start,
        "end_date": start + datetime.timedelta(weeks=COHORT_WEEKS),
        "application_deadline": start - datetime.timedelta(weeks=4),
        "dates_note": course["rhythm"],
        "session_dates": [day.isoformat() for day in session_days(start)],
    }


def course_days(course) -> str:
    text = "Fifteen classroom days"
    if course["embedded_service_days"]:
        text += f", plus up to {course['embedded_service_days']} days embedded in a service"
    return text + ", over about six months."


def statements(codes_by_framework: dict[str, list[str]]) -> list[Statement]:
    """Framework statements by framework slug and code, in the order given."""
    found = []
    for slug, codes in codes_by_framework.items():
        rows = {s.code: s for s in Statement.objects.filter(framework__slug=slug, code__in=codes)}
        missing = [code for code in codes if code not in rows]
        if missing:
            raise LookupError(
                f"Framework '{slug}' has no statement {', '.join(missing)}: check the seed data."
            )
        found += [rows[code] for code in codes]
    return found


def _weekday(rhythm: str) -> int:
    days = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays"]
    return next(i for i, day in enumerate(days) if rhythm.startswith(day))
