"""Time and memory to render certificate PDFs.

    .venv/bin/python benchmarks/certificates.py [--runs 30] [--no-pdfa]

Prints the median and 95th-percentile wall-clock milliseconds after a warm-up, the median CPU
milliseconds (steadier on a shared machine), and the peak Python
memory (tracemalloc, a separate pass) for: a one-page certificate, and a statement of 200
rows. The snapshots are synthetic (the real kinds build theirs from records); rendering is the
same code the issuing service runs. No database is needed. Target: one page under 150 ms median.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from learning_records import pdf as pdf_module  # noqa: E402
from learning_records.certificates.rendering import Branding, render_certificate_pdf  # noqa: E402

TEMPLATE = "learning_records/pdf/certificate.html"
BRANDING = Branding(
    organisation_name="Praxis Teaching Partnership",
    signatory_name="Dr Ada Okoro",
    signatory_role="Director, Centre for Social Work",
)


def snapshot(rows: int) -> dict:
    base = {
        "title": "Certificate of completion" if rows == 0 else "CPD statement",
        "recipient_name": "Sam Okafor",
        "statement": "completed the preparatory phase of the Practice Leader Development Programme.",
        "facts": [
            {"label": "Programme", "value": "Practice Leader Development Programme"},
            {"label": "Cohort", "value": "2025-26"},
            {"label": "Service project", "value": "Strengthening supervision in the front door team"},
            {"label": "Days confirmed by mentor", "value": "7"},
        ],
        "tables": [],
        "alignments": [
            {
                "framework": "Knowledge and skills statement for practice leaders (2018)",
                "code": str(n),
                "name": "Leading practice with purpose and clarity",
                "url": "https://www.gov.uk/",
            }
            for n in range(1, 4)
        ],
        "kind_name": "Programme completion",
        "serial": "PRX-2026-000123",
        "display_code": "7K3M-Q9TD-2B8X-WF4N",
        "verification_url": "https://praxis.example/verify/7K3M-Q9TD-2B8X-WF4N/",
        "issued_at": "2026-06-30T10:00:00+01:00",
        "issued_on": "30 June 2026",
        "issuer": BRANDING.issuer_snapshot(),
        "replaces_serial": "",
    }
    if rows:
        columns = ["Date", "Title", "Type", "Hours", "Standards", "Peer reflection"]
        base["tables"] = [
            {
                "caption": "Submitted CPD records, 1 December 2025 to 30 November 2026",
                "columns": [
                    {"label": label, "numeric": label == "Hours", "width": width}
                    for label, width in zip(columns, [14, 38, 16, 8, 12, 12], strict=True)
                ],
                "rows": [
                    [
                        f"{n % 28 + 1} March 2026",
                        f"Record {n}: reflecting on a complex case discussion",
                        "Reflective practice",
                        "1.5",
                        "4.1, 4.2",
                        "Yes" if n % 3 == 0 else "No",
                    ]
                    for n in range(rows)
                ],
                "footer": ["", "200 records", "", "300.0", "", "67 peer-reflected"],
            }
        ]
    return base


def render(data: dict) -> bytes:
    return render_certificate_pdf(snapshot=data, template_name=TEMPLATE, branding=BRANDING)


def measure(name: str, data: dict, runs: int, warmup: int) -> None:
    for _ in range(warmup):
        pdf = render(data)
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render(data)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    tracemalloc.start()
    render(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(
        f"{name:<26} runs={runs:<3} median={statistics.median(timings):7.1f} ms  p95={p95:7.1f} ms  "
        f"cpu median={statistics.median(cpu):7.1f} ms  "
        f"peak={peak / 2**20:6.1f} MiB  size={len(pdf) / 1024:6.1f} KiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-pdfa", action="store_true", help="plain PDF, to measure what PDF/A-3b costs")
    args = parser.parse_args()
    if args.no_pdfa:
        pdf_module.PDF_VARIANT = None
    print(f"PDF variant: {pdf_module.PDF_VARIANT or 'plain PDF'}")
    measure("one-page certificate", snapshot(0), args.runs, warmup=3)
    measure("statement of 200 records", snapshot(200), max(5, args.runs // 3), warmup=1)


if __name__ == "__main__":
    main()
