"""Benchmark the registers programme staff take in the Wagtail admin.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis .venv/bin/python benchmarks/register.py

Builds, in a throwaway database (PostgreSQL `<name>_bench_register` beside yours when
DATABASE_URL is set, else a temporary SQLite file), a course with a cohort of 60 people over 15
weekly session days, 14 of them marked (present, late, left early or absent), and a cohort of 5
people over 3 days. Times the cohort's register overview, one session day's register form and
the register's CSV download through Django's test client as a programme staff member, and
prints the median and 95th-percentile time and the queries per request for both cohorts: the
queries must be the same for 5 people over 3 days as for 60 over 15.

Then issues the attendance certificates of a finished cohort of 60 (15 days, all marked; the
message staff see says how many reached the threshold) as staff do, by posting the register's
"Issue attendance certificates": the press (certificates, serials and CPD drafts; the PDFs
queued, as production's task queue does), a second press (nothing left to issue), and the
worker's rendering of the queued PDFs.
"""

import datetime

from _harness import (
    analyse_database,
    logged_in_client,
    print_table,
    setup_django,
    throwaway_database,
    time_requests,
)

BIG = (60, 15)
SMALL = (5, 3)
REQUESTS = 40
WARMUP = 5
MARKS = ["present", "present", "present", "late", "present", "left_early", "present", "absent"]


def build_cohort(
    course, name: str, people: int, day_count: int, organisations, first=datetime.date(2027, 3, 2)
):
    from cms.models import CourseCohort
    from learning_records.bookings.models import Attendance, Booking
    from members.models import User

    days = [first + datetime.timedelta(weeks=n) for n in range(day_count)]
    cohort = CourseCohort.objects.create(
        course=course,
        name=name,
        start_date=days[0],
        end_date=days[-1],
        session_dates=[day.isoformat() for day in days],
    )
    members = User.objects.bulk_create(
        User(
            email=f"{name.lower().replace(' ', '-')}-{n}@bench.example",
            first_name="Person",
            last_name=f"{n:03d}",
            organisation=organisations[n % len(organisations)],
        )
        for n in range(people)
    )
    bookings = Booking.objects.bulk_create(
        Booking(
            member=member,
            cohort=cohort,
            organisation=member.organisation,
            audience="practitioners",
            status=Booking.Status.CONFIRMED,
        )
        for member in members
    )
    # Every day but the last is marked; the last is the one the form is opened on.
    Attendance.objects.bulk_create(
        Attendance(booking=booking, date=day, mark=MARKS[(i * 3 + d) % len(MARKS)])
        for i, booking in enumerate(bookings)
        for d, day in enumerate(days[:-1])
    )
    return cohort, days


def build() -> dict:
    from django.contrib.auth.models import Group

    from cms.models import CourseIndexPage, CoursePage
    from home.models import HomePage
    from members.models import Organisation, User

    home = HomePage.objects.get(depth=2)
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = index.add_child(
        instance=CoursePage(
            title="Systemic practice",
            slug="systemic-practice",
            summary="A course.",
            audiences=["practitioners"],
            attendance_threshold_percent=90,
            max_days_missed=2,
        )
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Borough Council {n}", kind="local_authority", is_partner=True) for n in range(3)
    )
    staff = User.objects.create(email="staff@bench.example", first_name="Staff", last_name="Member")
    staff.groups.add(Group.objects.get(name="Programme staff"))
    cohorts = {
        size: build_cohort(course, f"Cohort {size[0]}x{size[1]}", *size, organisations)
        for size in (SMALL, BIG)
    }
    # Finished: fifteen weekly days ending last week, every day marked (the last one too).
    finished_first = datetime.date.today() - datetime.timedelta(weeks=BIG[1])
    finished, finished_days = build_cohort(course, "Finished", *BIG, organisations, first=finished_first)
    mark_last_day(finished, finished_days[-1])
    print(
        f"Built a cohort of {BIG[0]} people over {BIG[1]} days and one of {SMALL[0]} over {SMALL[1]}.",
        flush=True,
    )
    return {"staff": staff, "cohorts": cohorts, "finished": finished}


def mark_last_day(cohort, day):
    from learning_records.bookings.models import Attendance

    Attendance.objects.bulk_create(
        Attendance(booking=booking, date=day, mark="present") for booking in cohort.bookings.all()
    )


def issue_certificates(client, cohort) -> list[list]:
    """Press "Issue attendance certificates" twice, then run the queued PDF renders as the
    worker does; one row each: what, milliseconds, queries."""
    import time

    from django_tasks_db.models import DBTaskResult

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from learning_records.certificates.models import Certificate
    from learning_records.certificates.services import render_pending_pdf

    url = reverse("registers:certificates", args=[cohort.pk])
    rows = []
    for label in ("Issue certificates (first press)", "Issue certificates (again)"):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(url)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 302:
            raise RuntimeError(f"POST {url} answered {response.status_code}, not 302.")
        rows.append([label, f"{BIG[0]} x {BIG[1]}", round(elapsed), "", len(captured)])
        *_earlier, message = response.wsgi_request._messages  # what staff read after this press
        print(f"{label}: {message}", flush=True)
    queued = DBTaskResult.objects.filter(task_path__endswith="render_certificate").count()
    waiting = list(Certificate.objects.being_prepared().values_list("pk", flat=True))
    started = time.perf_counter()
    for pk in waiting:
        render_pending_pdf(pk)
    elapsed = (time.perf_counter() - started) * 1000
    rows.append(
        [f"Worker renders the {queued} queued PDFs", "per PDF", round(elapsed / max(len(waiting), 1)), "", ""]
    )
    return rows


def main() -> None:
    setup_django()
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    with throwaway_database("register") as where:
        data = build()
        analyse_database()
        client = logged_in_client(data["staff"])
        rows = []
        for size in (SMALL, BIG):
            cohort, days = data["cohorts"][size]
            overview = reverse("registers:cohort", args=[cohort.pk])
            pages = {
                "Register overview": (overview, None),
                "Session day form": (reverse("registers:day", args=[cohort.pk, days[-1].isoformat()]), None),
                "Register CSV": (overview, {"export": "csv"}),
            }
            for label, (url, query) in pages.items():
                timing = time_requests(client, url, requests=REQUESTS, warmup=WARMUP, data=query)
                rows.append(
                    [label, f"{size[0]} x {size[1]}", timing.median_ms, timing.p95_ms, timing.queries]
                )
        rows += issue_certificates(client, data["finished"])

    print_table(
        ["Page", "People x days", "Median ms", "p95 ms", "Queries"],
        rows,
        title=f"Registers on {where}; {REQUESTS} requests each after {WARMUP} warm-up requests",
    )


if __name__ == "__main__":
    main()
