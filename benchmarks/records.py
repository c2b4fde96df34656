"""CPD records at scale: 1,000 members with 100 records each, then server time and queries for a
member's record list, year view, CSV export and "download all my data".

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis .venv/bin/python benchmarks/records.py
    .venv/bin/python benchmarks/records.py --members 100     # a smaller run, e.g. on SQLite

Builds the data in a throwaway database (PostgreSQL `<name>_bench_records` beside yours when
DATABASE_URL is set, else a temporary SQLite file; the issue asks for PostgreSQL). Server time
is the in-process time for Django to answer (middleware, view, template, and the whole body of a
download), through the test client, spread over 40 different members so no one member's rows
sit warm in the cache.
"""

import argparse
import datetime
import random
import time
from decimal import Decimal

from _harness import (
    Progress,
    analyse_database,
    logged_in_client,
    print_table,
    setup_django,
    throwaway_database,
    time_spread,
)

RECORDS_PER_MEMBER = 100
SAMPLES = 40  # members measured per view
EMAIL_DOMAIN = "bench.praxis.example"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=1_000, help="members to create")
    parser.add_argument("--requests", type=int, default=80, help="timed requests per view")
    return parser.parse_args(argv)


def build_data(members: int):
    from django.contrib.auth.hashers import make_password

    from cms.models import Statement
    from learning_records.cpd import rules
    from learning_records.cpd.models import CPDActivityType, CPDRecord, PeerRole
    from members.models import Organisation, User

    started = time.perf_counter()
    rng = random.Random(2026)
    organisations = [
        Organisation.objects.get_or_create(name=f"Bench Council {n}", defaults={"kind": "local_authority"})[0]
        for n in range(12)
    ]
    password = make_password("bench-password-not-secret")
    users = User.objects.bulk_create(
        [
            User(
                email=f"member{n}@{EMAIL_DOMAIN}",
                first_name="Bench",
                last_name=f"Member {n}",
                password=password,
                role="practitioner",
                organisation=organisations[n % len(organisations)],
            )
            for n in range(members)
        ],
        batch_size=1000,
    )
    statement_ids = list(Statement.objects.values_list("pk", flat=True))
    types = list(CPDActivityType.values)
    through = CPDRecord.statements.through
    first_day = datetime.date(2021, 12, 1)
    text = "A paragraph of reflection about practice, what changed and why it matters. " * 6
    progress = Progress("members", len(users), every=100)
    for user in users:
        records = []
        for n in range(RECORDS_PER_MEMBER):
            date = first_day + datetime.timedelta(days=rng.randrange(0, 5 * 365 - 30))
            peer = n % 4 == 0
            records.append(
                CPDRecord(
                    member=user,
                    status=CPDRecord.Status.DRAFT if n % 10 == 0 else CPDRecord.Status.SUBMITTED,
                    activity_type=rng.choice(types),
                    title=f"Learning activity {n}",
                    description=text,
                    start_date=date,
                    hours=Decimal(rng.randrange(1, 16)) / 2,
                    provider="Praxis Teaching Partnership",
                    learning=text,
                    impact=text,
                    peer_role=PeerRole.MANAGER if peer else "",
                    peer_date=date if peer else None,
                    peer_learning=text if peer else "",
                    registration_year=rules.registration_year_of(date),
                )
            )
        created = CPDRecord.objects.bulk_create(records)
        through.objects.bulk_create(
            [
                through(cpdrecord_id=record.pk, statement_id=statement_id)
                for record in created
                for statement_id in rng.sample(statement_ids, 2)
            ]
        )
        progress.step()
    print(f"Built {members} members x {RECORDS_PER_MEMBER} records in {time.perf_counter() - started:.0f} s.")


def add_evidence():
    """Three 50 KB PDFs on each measured member's records, for the data download."""
    from django.core.files.base import ContentFile

    from learning_records.cpd.models import CPDRecord, EvidenceFile
    from members.models import User

    pdf = b"%PDF-1.4\n" + b"0" * 50_000 + b"\n%%EOF\n"
    users = User.objects.filter(email__endswith=EMAIL_DOMAIN).order_by("pk")[:SAMPLES]
    for user in users:
        for record in CPDRecord.objects.filter(member=user)[:3]:
            evidence = EvidenceFile(
                record=record, original_name="certificate.pdf", content_type="application/pdf", size=len(pdf)
            )
            evidence.file.save("certificate.pdf", ContentFile(pdf), save=True)


def main(argv=None) -> None:
    args = parse_args(argv)
    setup_django()
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from members.models import User

    setup_test_environment()
    with throwaway_database("records") as where:
        build_data(args.members)
        add_evidence()
        analyse_database()
        members = list(User.objects.filter(email__endswith=EMAIL_DOMAIN).order_by("pk")[:SAMPLES])
        clients = [logged_in_client(member) for member in members]
        views = {
            "Record list": reverse("records:list"),
            "Year view (2024-25)": reverse("records:year", args=["2024-25"]),
            "CSV export (all years)": reverse("records:export_csv"),
            "Download all my data (ZIP)": reverse("members:download_data"),
        }
        rows = []
        for label, url in views.items():
            timing = time_spread([(client, url) for client in clients], requests=args.requests)
            rows.append([label, timing.median_ms, timing.p95_ms, timing.queries])

    total = args.members * RECORDS_PER_MEMBER
    print_table(
        ["View", "Median ms", "p95 ms", "Queries"],
        rows,
        title=(
            f"CPD records on {where}: {args.members:,} members x {RECORDS_PER_MEMBER} records "
            f"({total:,} in all); {args.requests} requests per view over {len(clients)} members"
        ),
    )


if __name__ == "__main__":
    main()
