"""Bad input: hours, dates, markup and script in every text field, spreadsheet formulas in CSV."""

import csv
import io

import pytest

from django.urls import reverse
from django.utils import timezone

from learning_records.common.spreadsheets import safe_cell
from learning_records.cpd import rules
from learning_records.cpd.models import CPDRecord
from tests.learning_records.test_cpd_form_views import COMPLETE

pytestmark = pytest.mark.django_db
SCRIPT = '<script>alert("x")</script><b onmouseover=alert(1)>bold</b>'
TEXT_FIELDS = ["title", "description", "provider", "learning", "impact", "peer_learning"]


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("-3", "Enter at least 0.5 hours"),
        ("0", "Enter at least 0.5 hours"),
        ("9999", "Enter 500 hours or fewer"),
        ("25", "more hours than there are in 1 day"),
        ("2.25", "Round the hours to the nearest half hour"),
        ("lots", "Enter a number."),
    ],
)
def test_absurd_hours_are_refused_and_nothing_typed_is_lost(member_client, hours, message):
    data = {**COMPLETE, "hours": hours, "learning": "My long reflection", "action": "submit"}
    response = member_client.post(reverse("records:create"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "My long reflection" in html
    assert f'value="{hours}"' in html
    assert not CPDRecord.objects.exists()


def test_end_date_before_start_date(member_client):
    data = {**COMPLETE, "start_date": "2026-03-10", "end_date": "2026-03-09", "action": "draft"}
    html = member_client.post(reverse("records:create"), data).content.decode()
    assert "The end date must be the same as or after the start date." in html
    assert 'value="2026-03-09"' in html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("Plain text", "Plain text"),
        ("a=1", "a=1"),
        (None, ""),
    ],
)
def test_csv_cells_never_become_formulas(value, expected):
    assert safe_cell(value) == expected


@pytest.fixture
def hostile_record(member_client, member):
    today = timezone.localdate()
    first_day = rules.year_bounds(rules.registration_year_of(today))[0]
    data = {
        **COMPLETE,
        "start_date": first_day.isoformat(),
        "peer_role": "manager",
        "peer_date": first_day.isoformat(),
        "action": "submit",
    }
    for name in TEXT_FIELDS:
        data[name] = f'=HYPERLINK("http://evil.example") {name} {SCRIPT}'
    response = member_client.post(reverse("records:create"), data)
    assert response.status_code == 302
    return CPDRecord.objects.get(member=member)


def pages(record):
    return [
        reverse("records:detail", args=[record.pk]),
        reverse("records:edit", args=[record.pk]),
        reverse("records:list"),
        reverse("records:dashboard"),
        reverse("records:year", args=[record.year_name]),
        reverse("records:year_print", args=[record.year_name]),
        reverse("records:delete", args=[record.pk]),
    ]


def test_markup_is_shown_escaped_on_every_page(member_client, hostile_record):
    for url in pages(hostile_record):
        html = member_client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert "<b onmouseover" not in html, url
        assert "&lt;script&gt;" in html, url


def test_printable_view_shows_every_field_escaped(member_client, hostile_record):
    html = member_client.get(reverse("records:year_print", args=[hostile_record.year_name])).content.decode()
    for name in TEXT_FIELDS:
        assert f"{name} &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_csv_holds_the_text_as_text(member_client, hostile_record):
    response = member_client.get(reverse("records:export_csv"))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    assert len(rows) == 1
    row = rows[0]
    for heading in ["Title", "Short description and why it is relevant", "Provider", "What I learnt"]:
        assert row[heading].startswith("'=HYPERLINK(")
        assert SCRIPT in row[heading]  # the text itself is kept, as text


def test_csv_has_every_field(member_client, hostile_record):
    response = member_client.get(reverse("records:export_csv"))
    assert response["Content-Disposition"].startswith('attachment; filename="praxis-cpd-all-years-')
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(body)))
    for heading in [
        "Type of activity",
        "Start date",
        "End date",
        "Hours",
        "Peer's role",
        "Praxis page",
        "Evidence files",
    ]:
        assert heading in header
