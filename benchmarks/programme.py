"""Benchmark the programme pages with a realistic load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis .venv/bin/python benchmarks/programme.py

Builds 10 cohorts of 30 aspirants, each with a full year of programme days, monthly mentor log
entries and an agreed project plan, in a throwaway database (PostgreSQL `<name>_bench_programme`
beside yours when DATABASE_URL is set, else a temporary SQLite file), then times the aspirant
dashboard, the mentor page and the staff's cohort overview through Django's test client and
prints the median and 95th-percentile time and the queries per request.

The timing helper is self-contained for now; it is meant to move to benchmarks/_harness.py.
"""

import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COHORTS = 10
ASPIRANTS_PER_COHORT = 30
MENTEES_PER_MENTOR = 10
REQUESTS = 40
WARMUP = 5


def setup_django() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()


@contextmanager
def throwaway_database(label: str):
    from django.db import connection

    settings_dict = connection.settings_dict
    folder = tempfile.mkdtemp(prefix="praxis-bench-")
    if connection.vendor == "sqlite":
        settings_dict["TEST"]["NAME"] = str(Path(folder) / f"{label}.sqlite3")
    else:
        settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}_bench_{label}"
    old_name = settings_dict["NAME"]
    print(f"Creating and migrating a throwaway {connection.display_name} database…", flush=True)
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield f"{connection.display_name} {Path(name).name}"
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(folder, ignore_errors=True)


def time_requests(pairs) -> tuple[float, float, int, int]:
    """Median ms, 95th-percentile ms, median and most queries over REQUESTS GETs.

    `pairs` are (logged-in client, url); each request picks one at random, after WARMUP requests.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for client, url in pairs[:WARMUP]:
        assert client.get(url).status_code == 200, url
    timings, queries = [], []
    for _ in range(REQUESTS):
        client, url = random.choice(pairs)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        queries.append(len(captured))
    p95 = statistics.quantiles(timings, n=20)[18]
    return statistics.median(timings), p95, int(statistics.median(queries)), max(queries)


def logged_in(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def build() -> dict:
    """Bulk-create the cohorts, people, days, mentor logs and plans. Returns who to log in as."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from cms.models import ActivityType, Phase, ProgrammeIndexPage, ProgrammePage, ProgrammeRequirement
    from home.models import HomePage
    from learning_records.models import (
        Cohort,
        Enrolment,
        MentorLogEntry,
        ProgrammeDay,
        ServiceProject,
        ServiceProjectAgreement,
        ServiceProjectMilestone,
        ServiceProjectVersion,
    )
    from members.models import Organisation, User

    home = HomePage.objects.get(depth=2)
    index = home.add_child(instance=ProgrammeIndexPage(title="Centre for Social Work", slug="centre"))
    programme = index.add_child(
        instance=ProgrammePage(
            title="Practice Leader Development Programme", slug="pldp", summary="For aspirants."
        )
    )
    rows = [
        (ActivityType.RESIDENTIAL, "2", "2"),
        (ActivityType.SEMINAR, "8", None),
        (ActivityType.MENTOR_AUTHORITY_DAY, "3", "5"),
        (ActivityType.MENTOR_VISIT_DAY, "1", "2"),
        (ActivityType.OFSTED_EXERCISE, "0", "2"),
        (ActivityType.SERVICE_PROJECT, "0", None),
    ]
    ProgrammeRequirement.objects.bulk_create(
        ProgrammeRequirement(
            programme=programme,
            sort_order=i,
            activity_type=a,
            phase=Phase.PREPARATORY,
            min_days=Decimal(lo),
            max_days=None if hi is None else Decimal(hi),
        )
        for i, (a, lo, hi) in enumerate(rows)
    )
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Borough Council {i}", kind="local_authority") for i in range(12)
    )
    password = make_password("benchmark")
    total = COHORTS * ASPIRANTS_PER_COHORT
    aspirants = User.objects.bulk_create(
        User(
            email=f"aspirant{i}@bench.example",
            first_name="Aspirant",
            last_name=f"{i:04d}",
            password=password,
            organisation=orgs[i % 12],
        )
        for i in range(total)
    )
    mentors = User.objects.bulk_create(
        User(
            email=f"mentor{i}@bench.example",
            first_name="Mentor",
            last_name=f"{i:03d}",
            password=password,
            organisation=orgs[(i + 6) % 12],
        )
        for i in range(total // MENTEES_PER_MENTOR)
    )
    staff = User.objects.create(
        email="staff@bench.example", first_name="Staff", last_name="Member", password=password
    )
    staff.groups.add(Group.objects.get(name="Programme staff"))

    start = timezone.localdate() - datetime.timedelta(days=370)
    cohorts = Cohort.objects.bulk_create(
        Cohort(
            programme=programme,
            name=f"Cohort {c + 1}",
            start=start,
            preparatory_end=start + datetime.timedelta(days=364),
        )
        for c in range(COHORTS)
    )
    enrolments = []
    for i, aspirant in enumerate(aspirants):
        mentor = mentors[i % len(mentors)]
        mentor_org = (
            mentor.organisation if mentor.organisation_id != aspirant.organisation_id else orgs[(i + 1) % 12]
        )
        enrolments.append(
            Enrolment(
                aspirant=aspirant,
                cohort=cohorts[i // ASPIRANTS_PER_COHORT],
                mentor=mentor,
                aspirant_organisation=aspirant.organisation,
                mentor_organisation=mentor_org,
                manager_name="A Manager",
                manager_email=f"manager{i}@bench.example",
                enrolled_on=start,
            )
        )
    enrolments = Enrolment.objects.bulk_create(enrolments)

    # A full year: a residential, 11 seminars, 5 days away, 2 mentor visits, 2 Ofsted days, project days.
    year = [(ActivityType.RESIDENTIAL, 14, "2")]
    year += [(ActivityType.SEMINAR, 30 * m + 20, "1") for m in range(11)]
    year += [(ActivityType.MENTOR_AUTHORITY_DAY, 40 + 45 * k, "1") for k in range(5)]
    year += [(ActivityType.MENTOR_VISIT_DAY, 100 + 120 * k, "1") for k in range(2)]
    year += [(ActivityType.OFSTED_EXERCISE, 200 + k, "1") for k in range(2)]
    year += [(ActivityType.SERVICE_PROJECT, 60 + 40 * k, "0.5") for k in range(6)]
    days = []
    for e in enrolments:
        for n, (activity, offset, length) in enumerate(year):
            days.append(
                ProgrammeDay(
                    enrolment=e,
                    phase=Phase.PREPARATORY,
                    activity_type=activity,
                    date=start + datetime.timedelta(days=offset),
                    days=Decimal(length),
                    status="confirmed" if n % 7 else "logged",
                    place="Somewhere",
                    what_happened="A programme day.",
                    mentor_joined_on_day=2 if activity == ActivityType.RESIDENTIAL else None,
                )
            )
    ProgrammeDay.objects.bulk_create(days, batch_size=2000)
    MentorLogEntry.objects.bulk_create(
        (
            MentorLogEntry(
                enrolment=e,
                phase=Phase.PREPARATORY,
                date=start + datetime.timedelta(days=10 + 30 * m),
                duration_minutes=60,
                mode="video",
                focus=f"Monthly contact {m + 1}",
                notes="Notes.",
                visibility="staff" if m % 2 else "pair",
            )
            for e in enrolments
            for m in range(12)
        ),
        batch_size=2000,
    )
    projects = ServiceProject.objects.bulk_create(ServiceProject(enrolment=e) for e in enrolments)
    versions = ServiceProjectVersion.objects.bulk_create(
        ServiceProjectVersion(
            project=p,
            number=1,
            title="A project",
            aim="Aim.",
            need="Need.",
            planned_outcomes="Outcomes.",
            status="agreed",
        )
        for p in projects
    )
    for p, v in zip(projects, versions, strict=True):
        p.current_version = v
    ServiceProject.objects.bulk_update(projects, ["current_version"])
    ServiceProjectMilestone.objects.bulk_create(
        ServiceProjectMilestone(
            version=v, sort_order=k, title=f"Milestone {k}", due_on=start + datetime.timedelta(days=90 * k)
        )
        for v in versions
        for k in range(4)
    )
    now = timezone.now()
    ServiceProjectAgreement.objects.bulk_create(
        ServiceProjectAgreement(version=v, party=party, decision="agreed", name="Someone", decided_at=now)
        for v in versions
        for party in ("aspirant", "mentor", "manager")
    )
    print(
        f"Built {COHORTS} cohorts, {len(enrolments)} aspirants, {len(mentors)} mentors, {len(days)} days, "
        f"{len(enrolments) * 12} mentor log entries.",
        flush=True,
    )
    return {"enrolments": enrolments, "mentors": mentors, "cohorts": cohorts, "staff": staff}


def main() -> None:
    setup_django()
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    random.seed(2026)
    with throwaway_database("programme") as where:
        data = build()
        aspirants = [
            (logged_in(e.aspirant), reverse("programme:dashboard", args=[e.pk]))
            for e in random.sample(data["enrolments"], 20)
        ]
        mentors = [(logged_in(m), reverse("programme:mentoring")) for m in random.sample(data["mentors"], 10)]
        staff = logged_in(data["staff"])
        overviews = [(staff, reverse("programme_overview:cohort", args=[c.pk])) for c in data["cohorts"]]
        results = [
            ("Aspirant dashboard (27 days/year)", *time_requests(aspirants)),
            (f"Mentor page ({MENTEES_PER_MENTOR} aspirants)", *time_requests(mentors)),
            (f"Cohort overview ({ASPIRANTS_PER_COHORT} aspirants)", *time_requests(overviews)),
        ]

    print(f"\nProgramme pages on {where}; {REQUESTS} requests each after {WARMUP} warm-up requests.")
    print(f"{'Page':<36}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'max q':>7}")
    for label, median, p95, queries, most in results:
        print(f"{label:<36}{median:>10.1f}{p95:>9.1f}{queries:>9}{most:>7}")


if __name__ == "__main__":
    main()
