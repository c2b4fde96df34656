"""Query counts stay the same for 5 and for 500 records (list, year view, exports)."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from cms.models import Statement
from learning_records.cpd import rules
from learning_records.cpd.models import CPDRecord

pytestmark = pytest.mark.django_db


def make_records(member, count):
    statements = list(Statement.objects.all()[:3])
    records = []
    for n in range(count):
        date = datetime.date(2025, 12, 1) + datetime.timedelta(days=n % 300)
        records.append(
            CPDRecord(
                member=member,
                status=CPDRecord.Status.SUBMITTED if n % 3 else CPDRecord.Status.DRAFT,
                activity_type="seminar_event",
                title=f"Record {n}",
                start_date=date,
                hours=Decimal("2"),
                learning="Learnt",
                impact="Impact",
                peer_role="manager" if n % 5 == 0 else "",
                peer_date=date if n % 5 == 0 else None,
                peer_learning="Talked" if n % 5 == 0 else "",
                registration_year=rules.registration_year_of(date),
            )
        )
    created = CPDRecord.objects.bulk_create(records)
    through = CPDRecord.statements.through
    through.objects.bulk_create(
        [through(cpdrecord_id=record.pk, statement_id=s.pk) for record in created for s in statements]
    )


def count_queries(client, url, django_assert_max_num_queries, member, total):
    make_records(member, total - CPDRecord.objects.filter(member=member).count())
    client.get(url)  # warm the per-process caches (site root paths, settings) before counting
    with django_assert_max_num_queries(100) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("records:list"),
        reverse("records:year", args=["2025-26"]),
        reverse("records:year_print", args=["2025-26"]),
        reverse("records:dashboard"),
        reverse("records:standards"),
        reverse("records:export_csv"),
        reverse("members:download_data"),
    ],
)
def test_queries_do_not_grow_with_records(member_client, member, url, django_assert_max_num_queries):
    small = count_queries(member_client, url, django_assert_max_num_queries, member, 5)
    large = count_queries(member_client, url, django_assert_max_num_queries, member, 500)
    assert large == small, f"{url}: {small} queries for 5 records, {large} for 500"
