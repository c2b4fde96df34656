"""Dashboard, record list grouped by year, the year view with its meter, standards coverage."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from cms.models import Statement
from learning_records.cpd import rules
from tests.learning_records.factories import CPDRecordFactory

pytestmark = pytest.mark.django_db


def this_year():
    year = rules.registration_year_of(timezone.localdate())
    return year, rules.year_name(year), rules.year_bounds(year)[0]


def test_dashboard_shows_this_years_meter(member_client, member):
    year, name, first_day = this_year()
    CPDRecordFactory(member=member, start_date=first_day, title="First seminar")
    html = member_client.get(reverse("records:dashboard")).content.decode()
    assert f"Registration year {name}" in html
    assert "1 of 2 needed" in html and "0 of 1 needed" in html
    assert "Add 1 more submitted record of CPD" in html
    assert "Add a peer reflection" in html
    assert "First seminar" in html


def test_dashboard_empty_state(member_client):
    html = member_client.get(reverse("records:dashboard")).content.decode()
    assert "No records yet" in html and "Record your first piece of CPD" in html


def test_list_groups_records_by_year_and_says_why_drafts_do_not_count(member_client, member):
    _year, name, first_day = this_year()
    CPDRecordFactory(member=member, start_date=first_day, title="Counts now")
    CPDRecordFactory(member=member, start_date=first_day, draft=True, title="Still a draft")
    CPDRecordFactory(member=member, start_date=datetime.date(2024, 3, 1), title="Long ago")
    CPDRecordFactory(member=member, start_date=None, draft=True, title="Undated notes")
    response = member_client.get(reverse("records:list"))
    assert [group["year"] for group in response.context["groups"]] == [None, _year, 2024]
    html = response.content.decode()
    assert "Not dated yet" in html
    assert "Draft: it counts once you complete and submit it." in html
    assert f"Counts towards {name}." in html


def test_list_filters(member_client, member):
    _year, name, first_day = this_year()
    CPDRecordFactory(member=member, start_date=first_day, title="Submitted one")
    CPDRecordFactory(member=member, start_date=first_day, draft=True, title="Draft one")
    html = member_client.get(reverse("records:list"), {"status": "draft", "year": name}).content.decode()
    assert "Draft one" in html and "Submitted one" not in html
    html = member_client.get(reverse("records:list"), {"year": "2019-20"}).content.decode()
    assert "No records match" in html


def test_list_paginates(member_client, member):
    CPDRecordFactory.create_batch(30, member=member)
    response = member_client.get(reverse("records:list"), {"page": 2})
    assert response.context["page_obj"].number == 2
    assert "Page 2 of 2" in response.content.decode()


def test_year_view_meter_changes_as_records_are_submitted(member_client, member):
    _year, name, first_day = this_year()
    url = reverse("records:year", args=[name])
    CPDRecordFactory(member=member, start_date=first_day)
    draft = CPDRecordFactory(member=member, start_date=first_day, draft=True, with_peer=True)
    html = member_client.get(url).content.decode()
    assert "Not complete yet" in html
    assert "Not counting (1)" in html
    draft.status = draft.Status.SUBMITTED
    draft.save()
    html = member_client.get(url).content.decode()
    assert "This year meets the Social Work England requirement." in html
    assert "2 of 2 needed" in html and "1 of 1 needed" in html


def test_year_view_shows_a_record_that_started_in_the_year_but_counts_in_the_next(member_client, member):
    CPDRecordFactory(
        member=member,
        start_date=datetime.date(2024, 11, 20),
        end_date=datetime.date(2024, 12, 2),
        title="Spanning",
    )
    html = member_client.get(reverse("records:year", args=["2023-24"])).content.decode()
    assert "Spanning" in html
    assert "Ended on 2 December 2024, so it counts towards 2024-25 instead." in html


def test_standards_coverage_in_a_year_and_over_all_years(member_client, member):
    _year, name, first_day = this_year()
    statement = Statement.objects.filter(framework__in=Statement.objects.values("framework")).first()
    this = CPDRecordFactory(member=member, start_date=first_day)
    this.statements.add(statement)
    old = CPDRecordFactory(member=member, start_date=datetime.date(2024, 3, 1))
    old.statements.add(statement)
    draft = CPDRecordFactory(member=member, start_date=first_day, draft=True)
    draft.statements.add(statement)
    response = member_client.get(reverse("records:standards"), {"year": name})
    rows = {row.statement.pk: row for group in response.context["coverage"] for row in group.rows}
    assert (rows[statement.pk].in_year, rows[statement.pk].all_years) == (1, 2)  # drafts never count
    html = response.content.decode()
    assert "Evidenced</span> 1 record" in html and "Gap" in html
