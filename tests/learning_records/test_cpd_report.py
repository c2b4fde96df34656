"""The staff CPD activity report in the Wagtail admin: counts only, permission-gated, CSV."""

import csv
import datetime
import io

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from learning_records.cpd.reports import cpd_activity
from tests.learning_records.factories import CPDRecordFactory
from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
SECRET = "Confidential reflection about a family"


@pytest.fixture
def activity(db):
    north = OrganisationFactory(name="Northshire County Council")
    south = OrganisationFactory(name="Southborough Council")
    complete = UserFactory(organisation=north)
    CPDRecordFactory(member=complete, with_peer=True, learning=SECRET, hours=3)
    CPDRecordFactory(member=complete, hours=2)
    incomplete = UserFactory(organisation=north)
    CPDRecordFactory(member=incomplete, hours=1)
    CPDRecordFactory(member=incomplete, draft=True, title="A draft")
    CPDRecordFactory(
        member=UserFactory(organisation=south), start_date=datetime.date(2024, 5, 1), with_peer=True
    )
    return north, south


def test_report_rolls_up_by_organisation_and_year(activity):
    rows = cpd_activity(today=datetime.date(2026, 11, 23))
    by_key = {(row.organisation, row.year_name): row for row in rows}
    north = by_key[("Northshire County Council", "2025-26")]
    assert (north.members, north.submitted_records, north.drafts) == (2, 3, 1)
    assert north.hours == 6
    assert north.complete_members == 1 and north.complete_share == 50
    south = by_key[("Southborough Council", "2023-24")]
    assert (south.members, south.submitted_records, south.complete_members) == (1, 1, 0)


def test_staff_see_counts_and_no_content(client, staff, activity):
    client.force_login(staff)
    response = client.get(reverse("cpd_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Northshire County Council" in html
    assert "50%" in html
    assert SECRET not in html and "A draft" not in html


def test_filters_by_organisation_and_year(client, staff, activity):
    north, _south = activity
    client.force_login(staff)
    html = client.get(reverse("cpd_report"), {"organisation": north.pk, "year": "2025-26"}).content.decode()
    assert "Northshire County Council" in html and "Southborough Council</th>" not in html


def test_csv_download(client, staff, activity):
    client.force_login(staff)
    response = client.get(reverse("cpd_report"), {"export": "csv", "year": "2023-24"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Organisation"
    assert rows[1][:4] == ["Southborough Council", "2023-24", "1", "1"]
    assert len(rows) == 2


def test_members_without_the_permission_cannot_see_it(client, activity):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    client.force_login(editor)
    response = client.get(reverse("cpd_report"))
    # Wagtail's admin answers a refused permission by sending the user to the admin home.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "Northshire" not in response.content.decode()


def test_report_queries_do_not_grow_with_records(client, staff, activity, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("cpd_report"))
    for _ in range(30):
        CPDRecordFactory(member=UserFactory(organisation=OrganisationFactory()))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("cpd_report"))
