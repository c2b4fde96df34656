"""CPD records at scale: 1,000 members with 100 records each, then server time and queries for a
member's record list, year view, CSV export and "download all my data".

Run on PostgreSQL (the database is created if missing; data is built once and reused):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis_bench_records \
        .venv/bin/python benchmarks/records.py

Server time is the in-process time for Django to answer the request (middleware, view, template,
streaming the whole body), measured with the test client against the real database.
"""

import datetime
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

MEMBERS = 1_000
RECORDS_PER_MEMBER = 100
SAMPLES = 40  # members measured per view
EMAIL_DOMAIN = "bench.praxis.example"


def ensure_database():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/praxis_bench_records"
        )
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def build_data():
    from django.contrib.auth.hashers import make_password

    from cms.models import Statement
    from learning_records.models import CPDActivityType, CPDRecord, PeerRole
    from learning_records.rules import cpd as rules
    from members.models import Organisation, User

    if User.objects.filter(email__endswith=EMAIL_DOMAIN).count() >= MEMBERS:
        print(f"Reusing {MEMBERS} bench members.")
        return
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
            for n in range(MEMBERS)
        ],
        batch_size=1000,
    )
    statement_ids = list(Statement.objects.values_list("pk", flat=True))
    types = list(CPDActivityType.values)
    through = CPDRecord.statements.through
    first_day = datetime.date(2021, 12, 1)
    text = "A paragraph of reflection about practice, what changed and why it matters. " * 6
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
    print(f"Built {MEMBERS} members x {RECORDS_PER_MEMBER} records in {time.perf_counter() - started:.0f} s.")


def ensure_evidence():
    """Three 50 KB PDFs on each measured member's records, remade if the files have gone."""
    from django.core.files.base import ContentFile

    from learning_records.models import CPDRecord, EvidenceFile
    from members.models import User

    pdf = b"%PDF-1.4\n" + b"0" * 50_000 + b"\n%%EOF\n"
    users = User.objects.filter(email__endswith=EMAIL_DOMAIN).order_by("pk")[:SAMPLES]
    existing = EvidenceFile.objects.filter(record__member__in=users)
    if existing.count() == 3 * SAMPLES and all(e.file.storage.exists(e.file.name) for e in existing):
        return
    existing.delete()
    for user in users:
        for record in CPDRecord.objects.filter(member=user)[:3]:
            evidence = EvidenceFile(
                record=record, original_name="certificate.pdf", content_type="application/pdf", size=len(pdf)
            )
            evidence.file.save("certificate.pdf", ContentFile(pdf), save=True)


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries.captured_queries)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    ensure_database()
    import django

    django.setup()
    from django.conf import settings

    # A fixed folder, so evidence files made on the first run are still there on later runs.
    settings.PRIVATE_MEDIA_ROOT = ROOT / "private_media" / "bench"
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from members.models import User

    call_command("migrate", verbosity=0)
    build_data()
    ensure_evidence()
    members = list(User.objects.filter(email__endswith=EMAIL_DOMAIN).order_by("pk")[:SAMPLES])
    views = {
        "record list": lambda: reverse("records:list"),
        "year view (2024-25)": lambda: reverse("records:year", args=["2024-25"]),
        "CSV export (all years)": lambda: reverse("records:export_csv"),
        "download all my data": lambda: reverse("members:download_data"),
    }
    total = MEMBERS * RECORDS_PER_MEMBER
    print(f"\n{SAMPLES} members measured, each with {RECORDS_PER_MEMBER} records ({total:,} records in all)")
    print(f"{'view':<26}{'median ms':>11}{'p95 ms':>9}{'queries (median)':>18}{'queries (max)':>15}")
    for label, url in views.items():
        times, counts = [], []
        for member in members:
            client = Client()
            client.force_login(member)
            client.get(url())  # warm caches for this client
            elapsed, queries = measure(client, url())
            times.append(elapsed)
            counts.append(queries)
        print(
            f"{label:<26}{statistics.median(times):>11.1f}{percentile(times, 0.95):>9.1f}"
            f"{statistics.median(counts):>18.0f}{max(counts):>15}"
        )


if __name__ == "__main__":
    main()
