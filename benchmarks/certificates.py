"""Time and memory to render certificate PDFs from real records.

    .venv/bin/python benchmarks/certificates.py [--runs 30] [--no-pdfa] [--leak-runs 500] [--profile 25]

Builds, in a throwaway database (PostgreSQL beside yours when DATABASE_URL is set, else a
temporary SQLite file), an aspirant who has completed the preparatory phase of the Practice
Leader Development Programme and a practitioner with 200 submitted CPD records in one
registration year. For each certificate it times two steps of issuing, storing apart:

- render: the certificate's snapshot to PDF bytes (the QR code, the template, WeasyPrint). This
  is the render the issuing service makes, and all the task worker does for each certificate
  issued to a whole cohort;
- issue: the kind's content built from the database, the service's snapshot, then the render.

Each run has a new verification code, so a new QR code. Prints the median and 95th-percentile
wall-clock milliseconds after a warm-up, the median CPU milliseconds (steadier on a shared
machine), and the peak Python memory (tracemalloc, a separate pass). Then it issues the
one-page certificate `--leak-runs` more times and prints how much the process's resident memory
grew (what a long-running worker would see).

`--profile N` then profiles 20 more one-page issues (cProfile) and prints the N functions with
the most time of their own, and the share of each stage: where the time goes.

Targets (issue 10): one page p50 <= 50 ms and p95 <= 100 ms warm; the 200-record statement
<= 1 s; memory growth <= 5 MB over 500 renders. Install libharfbuzz-subset0 first: without it
WeasyPrint subsets fonts with fontTools and a one-page certificate takes seconds (the
`learning_records.W001` system check warns). Python matters too: the script prints which one
runs it, since pyenv's default build of CPython (no profile-guided optimisation) renders about
15% slower than Debian's python3.
"""

import argparse
import cProfile
import datetime
import gc
import os
import pstats
import secrets
import statistics
import time
import tracemalloc
from decimal import Decimal

from _harness import analyse_database, percentile, pldp_programme_page, setup_django, throwaway_database

RECORDS = 200


def build_completion():
    """A programme with the PLDP's requirements, and an aspirant who has met them all."""
    from django.utils import timezone

    from cms.models import ActivityType, Phase
    from learning_records.programme import tokens
    from learning_records.programme.models import Cohort, Enrolment, ProgrammeDay
    from learning_records.programme.services import project
    from members.models import Organisation, User

    programme = pldp_programme_page()
    # Day entries that meet each requirement exactly (a residential entry is 2 days).
    requirements = [
        (ActivityType.RESIDENTIAL, 1),
        (ActivityType.SEMINAR, 8),
        (ActivityType.MENTOR_AUTHORITY_DAY, 3),
        (ActivityType.MENTOR_VISIT_DAY, 1),
    ]
    north, west = Organisation.objects.bulk_create(
        Organisation(name=name, kind="local_authority") for name in ("Northshire", "Westborough")
    )
    aspirant = User.objects.create(
        email="sam@bench.example", first_name="Sam", last_name="Okafor", organisation=north
    )
    mentor = User.objects.create(
        email="jo@bench.example", first_name="Jo", last_name="Whitfield", organisation=west
    )
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        programme=programme,
        name="Cohort 1 (2025 to 2026)",
        start=today - datetime.timedelta(days=300),
        preparatory_end=today + datetime.timedelta(days=60),
    )
    enrolment = Enrolment.objects.create(
        aspirant=aspirant,
        cohort=cohort,
        aspirant_organisation=north,
        mentor=mentor,
        mentor_organisation=west,
        manager_name="Chris Bell",
        manager_email="chris@bench.example",
        enrolled_on=cohort.start,
    )
    days, offset = [], 10
    for activity, entries in requirements:
        for _ in range(entries):
            days.append(
                ProgrammeDay(
                    enrolment=enrolment,
                    phase=Phase.PREPARATORY,
                    activity_type=activity,
                    date=today - datetime.timedelta(days=offset),
                    days=Decimal("2" if activity == ActivityType.RESIDENTIAL else "1"),
                    mentor_joined_on_day=2 if activity == ActivityType.RESIDENTIAL else None,
                    status=ProgrammeDay.Status.CONFIRMED,
                )
            )
            offset += 7
    ProgrammeDay.objects.bulk_create(days)
    version, _ = project.save_plan(
        enrolment=enrolment,
        user=aspirant,
        title="Strengthening supervision in the front door team",
        aim="Reflective supervision every month for every front door social worker.",
        need="Staff surveys show supervision is mostly case management.",
        planned_outcomes="Every worker has monthly reflective supervision within a year.",
        milestones=[project.MilestoneInput(title="Pilot", due_on=today + datetime.timedelta(days=30))],
    )
    project.mentor_decides(
        enrolment=enrolment, mentor=mentor, version_number=version.number, decision="agreed"
    )
    project.manager_decides(token=tokens.make_manager_token(version), decision="agreed")
    return aspirant, {"enrolment": enrolment.pk}


def build_statement():
    """A practitioner with RECORDS submitted records in last registration year, with standards."""
    from django.utils import timezone

    from cms.models import Statement
    from learning_records.cpd import rules
    from learning_records.cpd.models import CPDActivityType, CPDRecord, PeerRole
    from members.models import User

    member = User.objects.create(
        email="priya@bench.example",
        first_name="Priya",
        last_name="Shah",
        swe_registration_number="SW123456",
    )
    year = rules.registration_year_of(timezone.localdate()) - 1
    start, _end = rules.year_bounds(year)
    types = list(CPDActivityType.values)
    records = CPDRecord.objects.bulk_create(
        CPDRecord(
            member=member,
            status=CPDRecord.Status.SUBMITTED,
            activity_type=types[n % len(types)],
            title=f"Record {n}: reflecting on a complex case discussion",
            start_date=start + datetime.timedelta(days=n * 360 // RECORDS),
            hours=Decimal("1.5"),
            learning="What I learnt.",
            impact="The difference it made.",
            peer_role=PeerRole.MANAGER if n % 3 == 0 else "",
            peer_date=start + datetime.timedelta(days=n * 360 // RECORDS) if n % 3 == 0 else None,
            peer_learning="What the discussion added." if n % 3 == 0 else "",
            registration_year=year,
            submitted_at=timezone.now(),
        )
        for n in range(RECORDS)
    )
    statements = list(Statement.objects.filter(framework__slug="swe-professional-standards")[:8])
    through = CPDRecord.statements.through
    through.objects.bulk_create(
        through(cpdrecord_id=record.pk, statement_id=statements[(n + k) % len(statements)].pk)
        for n, record in enumerate(records)
        for k in range(2)
    )
    return member, {"year": rules.year_name(year)}


def make_renderers(kind_code: str, recipient, params: dict):
    """Two timed steps of issuing, without storing: `issue` builds the content from the database,
    the service's snapshot and the PDF; `render` is the last of those, the snapshot to PDF bytes,
    which is also all the task worker does for a certificate issued to a whole cohort. Each call
    has a new verification code, so a new QR code, as each certificate does."""
    from django.utils import timezone

    from learning_records.certificates.kinds import get_kind
    from learning_records.certificates.rendering import current_branding, render_certificate_pdf
    from learning_records.certificates.rules import CODE_BYTES, encode_code
    from learning_records.certificates.services import certificate_snapshot

    kind = get_kind(kind_code)
    missing = kind.missing(recipient, **params)
    if missing:
        raise SystemExit(f"The benchmark data does not meet the {kind.name} rule: {missing}")

    def snapshot(content, branding) -> dict:
        return certificate_snapshot(
            kind=kind,
            content=content,
            serial="PRX-2026-000123",
            code=encode_code(secrets.token_bytes(CODE_BYTES)),
            issued_at=timezone.now(),
            branding=branding,
        )

    def issue() -> bytes:
        branding = current_branding()
        made = snapshot(kind.content(recipient, **params), branding)
        return render_certificate_pdf(snapshot=made, template_name=kind.pdf_template, branding=branding)

    branding, content = current_branding(), kind.content(recipient, **params)

    def render(made: dict) -> bytes:
        return render_certificate_pdf(snapshot=made, template_name=kind.pdf_template, branding=branding)

    return issue, Timed(render, prepare=lambda: snapshot(content, branding))


class Timed:
    """A step to time, and what it is given (made untimed before each call)."""

    def __init__(self, step, prepare=lambda: None):
        self.step, self.prepare = step, prepare

    def __call__(self):
        return self.step(self.prepare())


def measure(name: str, render, runs: int, warmup: int) -> None:
    timed = render if isinstance(render, Timed) else Timed(lambda _: render())
    for _ in range(warmup):
        pdf = timed()
    timings, cpu = [], []
    for _ in range(runs):
        given = timed.prepare()
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = timed.step(given)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    tracemalloc.start()
    timed()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{name:<44} runs={runs:<3} median={statistics.median(timings):7.1f} ms  "
        f"p95={percentile(timings, 95):7.1f} ms  cpu median={statistics.median(cpu):7.1f} ms  "
        f"peak={peak / 2**20:6.1f} MiB  size={len(pdf) / 1024:6.1f} KiB"
    )


def resident_mib() -> float:
    """This process's resident memory now (Linux /proc), in MiB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure_growth(name: str, render, runs: int) -> None:
    for _ in range(20):  # let caches (fonts, stylesheet, templates) fill first
        render()
    gc.collect()
    before = resident_mib()
    for _ in range(runs):
        render()
    gc.collect()
    print(
        f"{name:<30} resident memory {before:6.1f} MiB -> {resident_mib():6.1f} MiB after {runs} renders "
        f"(growth {resident_mib() - before:+.1f} MiB)"
    )


STAGES = {  # the function that runs each stage of a render, for --profile
    "content (the database)": ("certificate.py", "content"),
    "branding (site settings)": ("certificates/rendering.py", "current_branding"),
    "QR code": ("certificates/rendering.py", "qr_png"),
    "parse HTML": ("learning_records/common/pdf.py", "__init__"),
    "cascade (styles)": ("weasyprint/document.py", "_build_layout_context"),
    "boxes": ("weasyprint/formatting_structure/build.py", "build_formatting_structure"),
    "layout": ("weasyprint/layout/__init__.py", "layout_document"),
    "draw and write the PDF": ("weasyprint/document.py", "write_pdf"),
}


def print_profile(name: str, render, top: int, runs: int = 20) -> None:
    """Where a render's time goes: cProfile over `runs` renders. Profiling slows pure Python
    several times more than the C it calls (Pango, HarfBuzz, zlib), so read shares, not ms."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(runs):
        render()
    profile.disable()
    stats = pstats.Stats(profile).stats
    total = sum(row[2] for row in stats.values()) or 1e-9
    print(f"\n{name}: profile of {runs} renders ({total * 1000 / runs:.0f} ms each while profiled)")
    for stage, (path, function) in STAGES.items():
        cumulative = max(
            (
                row[3]
                for (file, _line, func), row in stats.items()
                if file.endswith(path) and func == function
            ),
            default=0,
        )
        print(f"  {stage:<24} {100 * cumulative / total:5.1f}% (cumulative)")
    print(f"  top {top} functions by own time (own %, cumulative %, calls per render):")
    rows = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    for (file, line, function), (_primitive, calls, own, cumulative, _callers) in rows:
        where = f"{file.split('site-packages/')[-1]}:{line}" if file != "~" else "(built-in)"
        shares = f"{100 * own / total:5.1f}% {100 * cumulative / total:5.1f}%"
        print(f"  {shares} {calls // runs:6d}  {where} {function}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--leak-runs", type=int, default=500, help="renders for the memory growth figure")
    parser.add_argument("--no-pdfa", action="store_true", help="plain PDF, to measure what PDF/A-3b costs")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N of a profile")
    args = parser.parse_args()
    setup_django()
    from learning_records.common import pdf as pdf_module

    if args.no_pdfa:
        pdf_module.PDF_VARIANT = None
    with throwaway_database("certificates") as database:
        aspirant, completion_params = build_completion()
        practitioner, statement_params = build_statement()
        analyse_database()
        print(f"Database: {database}. PDF variant: {pdf_module.PDF_VARIANT or 'plain PDF'}")
        completion_issue, completion_render = make_renderers(
            "programme_completion", aspirant, completion_params
        )
        measure("programme completion (1 page): render", completion_render, args.runs, warmup=3)
        measure("programme completion (1 page): issue", completion_issue, args.runs, warmup=3)
        statement_issue, statement_render = make_renderers("cpd_statement", practitioner, statement_params)
        statement_runs = max(5, args.runs // 3)
        measure(f"CPD statement ({RECORDS} records): render", statement_render, statement_runs, warmup=1)
        measure(f"CPD statement ({RECORDS} records): issue", statement_issue, statement_runs, warmup=1)
        if args.leak_runs:
            measure_growth("programme completion (1 page)", completion_issue, args.leak_runs)
        if args.profile:
            print_profile("programme completion (1 page)", completion_issue, args.profile)


if __name__ == "__main__":
    main()
