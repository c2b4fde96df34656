"""The programme journey in headless Chromium: staff enrol an aspirant with a mentor; the aspirant
logs days until the 5-day limit refuses one; the mentor confirms one day and queries another; the
manager agrees the project through the emailed link; the dashboards show it all."""

import datetime
import re

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from learning_records.programme.models import Enrolment, ProgrammeDay
from tests.browser.conftest import assert_accessible
from tests.cms.factories import EventIndexPageFactory, EventPageFactory, home_page
from tests.learning_records.programme_factories import (
    AspirantFactory,
    CohortFactory,
    MentorFactory,
    make_programme,
)
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def people():
    programme = make_programme(title="Practice Leader Development Programme")
    events = EventIndexPageFactory(parent=home_page())
    EventPageFactory(
        parent=events, title="Transitional Safeguarding", start=timezone.now() + datetime.timedelta(days=9)
    )
    staff = UserFactory(first_name="Morgan", last_name="Price")
    staff.groups.add(Group.objects.get(name="Programme staff"))
    return {
        "cohort": CohortFactory(programme=programme, name="Cohort 3", start=days_ago(200)),
        "staff": staff,
        "aspirant": AspirantFactory(first_name="Sam", last_name="Okafor"),
        "mentor": MentorFactory(first_name="Jo", last_name="Whitfield"),
    }


def log_day(page, date, *, another=True):
    page.get_by_label("Day in the mentor's authority").check()
    page.get_by_label("Date").fill(date.isoformat())
    page.get_by_label("A whole day").check()
    page.get_by_label("Place or authority").fill("Westborough Council")
    page.get_by_label("What happened").fill("Shadowed the front door manager.")
    page.get_by_role("button", name="Log and add another" if another else "Log this day").click()


def test_the_programme_journey(page, live_server, login, people):
    aspirant, mentor, cohort = people["aspirant"], people["mentor"], people["cohort"]

    # Programme staff enrol the aspirant with a mentor from another authority.
    login(people["staff"])
    page.goto("/admin/programme_enrolments/new/")
    page.locator("#id_aspirant").select_option(label=str(aspirant))
    page.locator("#id_cohort").select_option(label=str(cohort))
    page.locator("#id_mentor").select_option(label=str(mentor))
    page.locator("#id_manager_name").fill("Dana Marsh")
    page.locator("#id_manager_email").fill("dana.marsh@council.example")
    page.locator("#id_enrolled_on").fill(cohort.start.strftime("%d/%m/%Y"))
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Create", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/programme_enrolments/$"))
    enrolment = Enrolment.objects.get(aspirant=aspirant)
    assert enrolment.mentor == mentor and enrolment.mentor_organisation == mentor.organisation

    # The aspirant logs days until the maximum of 5 refuses one, with its message.
    login(aspirant)
    page.goto("/my/programme/")
    assert page.locator("h1").inner_text() == "My programme"
    assert "Transitional Safeguarding" in page.locator("aside").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Log a day").first.click()
    assert_accessible(page)
    for n in range(5):
        log_day(page, days_ago(20 + n))
        assert "Logged: Day in the mentor" in page.locator(".messages").inner_text()
    log_day(page, days_ago(30), another=False)
    summary = page.locator(".error-summary").inner_text()
    assert "past its maximum of 5 days" in summary and "none remain" in summary
    assert page.get_by_label("What happened").input_value() == "Shadowed the front door manager."
    assert_accessible(page)  # the form with its errors
    assert ProgrammeDay.objects.filter(enrolment=enrolment).count() == 5

    # ...and proposes the service development project.
    page.goto(f"/my/programme/{enrolment.pk}/project/")
    page.get_by_label("Title").fill("Fewer repeat referrals at the front door")
    page.get_by_label("Aim").fill("A consultation line before referral.")
    page.get_by_label("The need in your authority").fill("One referral in four is a repeat.")
    page.get_by_label("Planned outcomes").fill("Repeat referrals fall by a fifth.")
    page.locator("#id_milestones-0-title").fill("Scoping with the MASH")
    page.locator("#id_milestones-0-due_on").fill(days_ago(-60).isoformat())
    page.get_by_role("button", name="Send the plan").click()
    assert "Version 1 of your plan is sent" in page.locator(".messages").inner_text()

    # The mentor confirms one day and queries another, one click each; and agrees the plan.
    login(mentor)
    page.goto("/my/mentoring/")
    assert_accessible(page)
    assert page.locator(".waiting-day").count() == 5
    page.locator(".waiting-day").first.get_by_role("button", name=re.compile("^Confirm")).click()
    assert "Confirmed:" in page.locator(".messages").inner_text()
    query = page.locator(".waiting-day").first
    query.locator("summary").click()
    query.get_by_label("Your question for the aspirant").fill("Which team were you with?")
    query.get_by_role("button", name="Send query").click()
    assert "The aspirant has been emailed your comment" in page.locator(".messages").inner_text()
    assert page.locator(".waiting-day").count() == 3
    page.goto(f"/my/mentoring/{enrolment.pk}/project/")
    page.get_by_label("I agree this plan").check()
    page.get_by_role("button", name="Send my decision").click()
    assert "Your decision on the plan is recorded" in page.locator(".messages").inner_text()

    # The manager agrees through the emailed link, without an account.
    (manager_email,) = [m for m in mail.outbox if m.to == ["dana.marsh@council.example"]]
    link = re.search(r"http://\S+/agree/\S+/", manager_email.body).group(0)
    page.context.clear_cookies()
    page.goto(link.replace("http://testserver", live_server.url))
    assert "Fewer repeat referrals at the front door" in page.locator("main").inner_text()
    page.get_by_label("I agree this plan").check()
    page.get_by_role("button", name="Send my decision").click()
    assert page.locator("h1").inner_text() == "Thank you"
    page.goto(link.replace("http://testserver", live_server.url))
    assert "already responded" in page.locator("main").inner_text()

    # The dashboards show it.
    login(aspirant)
    page.goto(f"/my/programme/{enrolment.pk}/")
    main = page.locator("main").inner_text()
    assert "Agreed by all three" in main
    assert "Your mentor has a question about 1 day" in main
    assert "Which team were you with?" in main
    assert "Limit reached: no more can be logged." in main
    login(mentor)
    page.goto(f"/my/mentoring/{enrolment.pk}/")
    main = page.locator("main").inner_text()
    assert "Agreed by all three" in main
    assert "Confirmed by the mentor" in main and "Queried by the mentor" in main
    assert_accessible(page)
