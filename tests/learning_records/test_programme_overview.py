"""The staff's cohort overview: one row per aspirant, one column per requirement, CSV, filters."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import ActivityType
from learning_records.programme import services
from tests.learning_records.programme_factories import (
    AspirantFactory,
    CohortFactory,
    EnrolmentFactory,
    MentorFactory,
    ProgrammeDayFactory,
    days_ago,
)
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client_for):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Programme staff"))
    return client_for(user)


@pytest.fixture
def cohort(db):
    return CohortFactory(name="Cohort 3")


def test_the_index_lists_cohorts(staff_client, cohort):
    EnrolmentFactory(cohort=cohort)
    body = staff_client.get(reverse("programme_overview:index")).content.decode()
    assert "Cohort 3" in body
    assert reverse("programme_overview:cohort", args=[cohort.pk]) in body


def test_one_row_per_aspirant_and_one_column_per_requirement(staff_client, cohort):
    first = EnrolmentFactory(cohort=cohort)
    second = EnrolmentFactory(cohort=cohort)
    for i in range(4):
        day = ProgrammeDayFactory(
            enrolment=first, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(10 + i)
        )
        if i == 0:
            services.confirm_day(day=day, mentor=first.mentor)
    body = staff_client.get(reverse("programme_overview:cohort", args=[cohort.pk])).content.decode()
    table = body[body.index("one row per aspirant, one column per requirement") :]
    assert table.count('<th scope="row">') == 2
    assert table.count('<th scope="col">') == 4 + cohort.programme.requirements.count() + 1
    row = table[table.index(first.aspirant.display_name) :]
    row = row[: row.index("</tr>")]
    assert "4 of 3 (at most 5)" in row
    assert "1 confirmed" in row
    assert second.aspirant.display_name in table


def test_filters(staff_client, cohort):
    active = EnrolmentFactory(cohort=cohort, aspirant=AspirantFactory(last_name="Okafor"))
    withdrawn = EnrolmentFactory(
        cohort=cohort,
        aspirant=AspirantFactory(last_name="Nkemelu"),
        status="withdrawn",
        ended_on=cohort.start,
    )
    url = reverse("programme_overview:cohort", args=[cohort.pk])
    body = staff_client.get(url, {"status": "withdrawn"}).content.decode()
    assert "Nkemelu" in body and "Okafor" not in body
    body = staff_client.get(url, {"q": "okaf"}).content.decode()
    assert "Okafor" in body and "Nkemelu" not in body
    assert active and withdrawn


def test_csv_download(staff_client, cohort):
    enrolment = EnrolmentFactory(
        cohort=cohort, aspirant=AspirantFactory(first_name="=HYPERLINK(1)", last_name="Okafor")
    )
    ProgrammeDayFactory(enrolment=enrolment, activity_type=ActivityType.SEMINAR)
    response = staff_client.get(reverse("programme_overview:cohort", args=[cohort.pk]), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="cohort-overview-cohort-3.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    heading, row = rows
    assert heading[:3] == ["Aspirant", "Email", "Authority"]
    assert "Seminar (Preparatory phase): done" in heading
    assert row[heading.index("Seminar (Preparatory phase): done")] == "1"
    assert row[heading.index("Seminar (Preparatory phase): needed")] == "8"
    assert row[0].startswith("'=")  # a typed formula is not run by a spreadsheet
    assert row[-1] == "No plan yet"


def test_members_without_the_permission_are_refused(cohort, client_for):
    url = reverse("programme_overview:cohort", args=[cohort.pk])
    # Without admin access at all: off to the admin's login, to come back afterwards.
    response = client_for(UserFactory(is_staff=True)).get(url)
    assert (response.status_code, response["Location"]) == (
        302,
        f"{reverse('wagtailadmin_login')}?next={url}",
    )
    # An editor has the admin but not the programme: sent back to the admin's dashboard.
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    response = client_for(editor).get(url)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def overview_queries(client, cohort) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("programme_overview:cohort", args=[cohort.pk])).status_code == 200
    return len(captured)


def add_aspirants(cohort, count):
    mentor = MentorFactory()
    for _ in range(count):
        enrolment = EnrolmentFactory(cohort=cohort, mentor=mentor, mentor_organisation=mentor.organisation)
        ProgrammeDayFactory(enrolment=enrolment, activity_type=ActivityType.SEMINAR)
        ProgrammeDayFactory(
            enrolment=enrolment, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(3)
        )


def test_queries_are_the_same_for_5_and_100_aspirants(staff_client, cohort):
    add_aspirants(cohort, 5)
    staff_client.get(reverse("programme_overview:cohort", args=[cohort.pk]))  # warm caches
    small = overview_queries(staff_client, cohort)
    add_aspirants(cohort, 95)
    assert cohort.enrolments.count() == 100
    assert overview_queries(staff_client, cohort) == small
