"""The CPD statement kind: its rule, what it prints, its badge, and its queries."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import Statement
from learning_records.certificates.kinds import get_kind
from learning_records.certificates.services import issue_certificate
from learning_records.cpd import rules
from learning_records.cpd.certificate import CpdStatementKind
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.pdf_tools import pdf_text
from tests.learning_records.years import settled_year

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = settled_year()
YEAR_NAME = rules.year_name(YEAR)
START, END = rules.year_bounds(YEAR)
DAY_IN_YEAR = START + datetime.timedelta(days=20)


def swe(*codes):
    return list(Statement.objects.filter(framework__slug="swe-professional-standards", code__in=codes))


def refusal(member, year=YEAR_NAME):
    with pytest.raises(ValidationError) as refused:
        issue_certificate(kind="cpd_statement", recipient=member, params={"year": year})
    return refused.value.messages


def test_is_registered_and_members_may_ask():
    kind = get_kind("cpd_statement")
    assert isinstance(kind, CpdStatementKind)
    assert kind.name == "CPD statement"
    assert kind.member_can_request


@pytest.mark.parametrize("value", ["", "2025", "2025-27", "abc", "1900-01"])
def test_clean_params_refuses_what_is_not_a_year(value):
    with pytest.raises(ValidationError) as refused:
        get_kind("cpd_statement").clean_params({"year": value})
    assert "is not a registration year. Give a year like 2025-26" in refused.value.messages[0]


def test_clean_params_normalises_a_year():
    assert get_kind("cpd_statement").clean_params({"year": " 2025-26 "}) == {"year": "2025-26"}


def test_refuses_a_year_with_no_records(member):
    assert refusal(member) == [
        f"You have no submitted CPD records dated in {YEAR_NAME} ({rules.long_date(START)} to "
        f"{rules.long_date(END)}), so there is nothing for a statement to list."
    ]


def test_refuses_a_year_with_only_drafts(member):
    CPDRecordFactory(member=member, draft=True, start_date=DAY_IN_YEAR)
    CPDRecordFactory(member=member, draft=True, start_date=DAY_IN_YEAR)
    (message,) = refusal(member)
    assert message.endswith("You have 2 drafts in that year: submit them first.")


def test_refuses_when_the_only_record_is_misdated(member):
    # Started in the year but ended in the next one: it counts there, not here.
    CPDRecordFactory(
        member=member, start_date=END - datetime.timedelta(days=1), end_date=END + datetime.timedelta(days=2)
    )
    (message,) = refusal(member)
    assert "You have no submitted CPD records dated in" in message
    assert "do not count towards it; your year page says why" in message


def test_another_members_records_do_not_count(member, other_member):
    CPDRecordFactory(member=other_member, start_date=DAY_IN_YEAR)
    assert len(refusal(member)) == 1


def test_issues_with_facts_table_and_alignments(member):
    member.swe_registration_number = "SW654321"
    member.save()
    first = CPDRecordFactory(
        member=member, start_date=DAY_IN_YEAR, hours="3.5", with_peer=True, title="Genograms"
    )
    first.statements.set(swe("4.1", "4.2"))
    second = CPDRecordFactory(member=member, start_date=DAY_IN_YEAR + datetime.timedelta(days=3), hours="2")
    second.statements.set(swe("4.2"))
    CPDRecordFactory(member=member, draft=True, start_date=DAY_IN_YEAR, title="An unfinished draft")
    CPDRecordFactory(member=member, start_date=START - datetime.timedelta(days=1), title="Last year's record")

    certificate = issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})

    assert certificate.subject_key == f"year:{YEAR_NAME}"
    snapshot = certificate.snapshot
    facts = {fact["label"]: fact["value"] for fact in snapshot["facts"]}
    assert facts == {
        "Registration number": "SW654321",
        "Registration year": f"{YEAR_NAME} ({rules.long_date(START)} to {rules.long_date(END)})",
        "Records": "2",
        "Total hours": "5.5",
        "Peer-reflected": "1 of 2",
    }
    (table,) = snapshot["tables"]
    assert [c["label"] for c in table["columns"]] == [
        "Date", "Title", "Type", "Hours", "Standards", "Peer reflection",
    ]  # fmt: skip
    assert [c["numeric"] for c in table["columns"]] == [False, False, False, True, False, False]
    assert table["rows"] == [
        [rules.long_date(DAY_IN_YEAR), "Genograms", "Seminar or event", "3.5", "4.1, 4.2", "Yes"],
        [rules.long_date(second.start_date), second.title, "Seminar or event", "2", "4.2", "No"],
    ]
    assert table["footer"] == ["Total", "2 records", "", "5.5", "", "1 peer-reflected"]
    assert [a["code"] for a in snapshot["alignments"]] == ["4.1", "4.2"]
    badge_codes = [
        a["targetCode"] for a in certificate.badge["credentialSubject"]["achievement"]["alignment"]
    ]
    assert badge_codes == ["4.1", "4.2"]


def test_registration_number_not_given(member):
    member.swe_registration_number = ""
    member.save()
    CPDRecordFactory(member=member, start_date=DAY_IN_YEAR)
    content = get_kind("cpd_statement").content(member, year=YEAR_NAME)
    assert content.facts[0].label == "Registration number"
    assert content.facts[0].value == "Not given"


def test_pdf_prints_the_member_serial_url_number_and_every_title_as_text(member):
    member.swe_registration_number = "SW765432"
    member.save()
    titles = ['<img src="file:///etc/passwd">', "Reading: social isolation", "Supervision on risk"]
    for n, title in enumerate(titles):
        CPDRecordFactory(member=member, title=title, start_date=DAY_IN_YEAR + datetime.timedelta(days=n))
    certificate = issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})
    text = pdf_text(certificate.pdf.open("rb").read())
    assert "Priya Shah" in text
    assert certificate.serial in text
    assert certificate.verification_url in text
    assert "SW765432" in text
    for title in titles:
        assert title in text
    assert "root:" not in text


def test_content_queries_do_not_grow_with_records(member):
    kind = get_kind("cpd_statement")
    statements = swe("4.1", "4.2", "4.3")

    def queries_for(count):
        member.cpd_records.all().delete()
        for n in range(count):
            record = CPDRecordFactory(
                member=member, start_date=DAY_IN_YEAR + datetime.timedelta(days=n % 200)
            )
            record.statements.set(statements[: n % 3 + 1])
        with CaptureQueriesContext(connection) as captured:
            content = kind.content(member, year=YEAR_NAME)
            kind.missing(member, year=YEAR_NAME)
        assert len(content.tables[0].rows) == count
        return len(captured)

    assert queries_for(5) == queries_for(100)
