"""Time and memory to render certificate PDFs from real records.

    .venv/bin/python benchmarks/certificates.py [--runs 30] [--no-pdfa] [--leak-runs 500] [--profile 25]

Builds, in a throwaway database (PostgreSQL beside yours when DATABASE_URL is set, else a
temporary SQLite file), an aspirant who has completed the preparatory phase of the Practice
Leader Development Programme and a practitioner with 200 submitted CPD records in one
registration year. Each run does what issuing does apart from storing: the kind builds its
content from the database, the service's snapshot is made, and the PDF is rendered.

Prints the median and 95th-percentile wall-clock milliseconds after a warm-up, the median CPU
milliseconds (steadier on a shared machine), and the peak Python memory (tracemalloc, a
separate pass) for: a one-page completion certificate, and a CPD statement of 200 records.
Then it renders the one-page certificate `--leak-runs` more times and prints how much the
process's resident memory grew (what a long-running worker would see).

`--profile N` then profiles 20 more one-page renders (cProfile) and prints the N functions with
the most time of their own, and the share of each stage: where the time goes.

Targets (issue 10): one page p50 <= 50 ms and p95 <= 100 ms warm; the 200-record statement
<= 1 s; memory growth <= 5 MB over 500 renders. Install libharfbuzz-subset0 first: without it
WeasyPrint subsets fonts with fontTools and a one-page certificate takes seconds (the
`learning_records.W001` system check warns).
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


def make_renderer(kind_code: str, recipient, params: dict):
    """Content from the database, the service's snapshot, the PDF: issuing without storing."""
    from django.utils import timezone

    from learning_records.certificates.kinds import get_kind
    from learning_records.certificates.rendering import current_branding, render_certificate_pdf
    from learning_records.certificates.rules import CODE_BYTES, encode_code
    from learning_records.certificates.services import certificate_snapshot

    kind = get_kind(kind_code)
    missing = kind.missing(recipient, **params)
    if missing:
        raise SystemExit(f"The benchmark data does not meet the {kind.name} rule: {missing}")

    def render() -> bytes:
        branding = current_branding()
        snapshot = certificate_snapshot(
            kind=kind,
            content=kind.content(recipient, **params),
            serial="PRX-2026-000123",
            code=encode_code(secrets.token_bytes(CODE_BYTES)),
            issued_at=timezone.now(),
            branding=branding,
        )
        return render_certificate_pdf(snapshot=snapshot, template_name=kind.pdf_template, branding=branding)

    return render


def measure(name: str, render, runs: int, warmup: int) -> None:
    for _ in range(warmup):
        pdf = render()
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    tracemalloc.start()
    render()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{name:<30} runs={runs:<3} median={statistics.median(timings):7.1f} ms  "
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
        completion = make_renderer("programme_completion", aspirant, completion_params)
        measure("programme completion (1 page)", completion, args.runs, warmup=3)
        measure(
            f"CPD statement ({RECORDS} records)",
            make_renderer("cpd_statement", practitioner, statement_params),
            max(5, args.runs // 3),
            warmup=1,
        )
        if args.leak_runs:
            measure_growth("programme completion (1 page)", completion, args.leak_runs)
        if args.profile:
            print_profile("programme completion (1 page)", completion, args.profile)


if __name__ == "__main__":
    main()
