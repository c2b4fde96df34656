"""Benchmark the programme pages with a realistic load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis .venv/bin/python benchmarks/programme.py

Builds 10 cohorts of 30 aspirants, each with a full year of programme days, monthly mentor log
entries and an agreed project plan, in a throwaway database (PostgreSQL `<name>_bench_programme`
beside yours when DATABASE_URL is set, else a temporary SQLite file), then times the aspirant
dashboard, the mentor page and the staff's cohort overview through Django's test client and
prints the median and 95th-percentile time and the queries per request.
"""

import datetime
import random
from decimal import Decimal

from _harness import (
    analyse_database,
    logged_in_client,
    pldp_programme_page,
    print_table,
    setup_django,
    throwaway_database,
    time_spread,
)

COHORTS = 10
ASPIRANTS_PER_COHORT = 30
MENTEES_PER_MENTOR = 10
REQUESTS = 40
WARMUP = 5


def build() -> dict:
    """Bulk-create the cohorts, people, days, mentor logs and plans. Returns who to log in as."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from cms.models import ActivityType, Phase
    from learning_records.programme.models import (
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

    programme = pldp_programme_page()
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
        analyse_database()
        aspirants = [
            (logged_in_client(e.aspirant), reverse("programme:dashboard", args=[e.pk]))
            for e in random.sample(data["enrolments"], 20)
        ]
        mentors = [
            (logged_in_client(m), reverse("programme:mentoring")) for m in random.sample(data["mentors"], 10)
        ]
        staff = logged_in_client(data["staff"])
        overviews = [(staff, reverse("programme_overview:cohort", args=[c.pk])) for c in data["cohorts"]]
        pages = {
            "Aspirant dashboard (27 days/year)": aspirants,
            f"Mentor page ({MENTEES_PER_MENTOR} aspirants)": mentors,
            f"Cohort overview ({ASPIRANTS_PER_COHORT} aspirants)": overviews,
        }
        rows = []
        for label, targets in pages.items():
            timing = time_spread(targets, requests=REQUESTS, warmup=WARMUP)
            rows.append([label, timing.median_ms, timing.p95_ms, timing.queries])

    print_table(
        ["Page", "Median ms", "p95 ms", "Queries"],
        rows,
        title=f"Programme pages on {where}; {REQUESTS} requests each after {WARMUP} warm-up requests",
    )


if __name__ == "__main__":
    main()
