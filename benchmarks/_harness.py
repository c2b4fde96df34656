"""Shared helpers for the benchmark scripts in this folder (this file measures nothing itself).

    from _harness import analyse_database, setup_django, throwaway_database, time_requests, print_table

    setup_django()                      # settings and apps, before any model import
    with throwaway_database("pages"):   # a fresh, migrated database, dropped afterwards
        ...                             # build data
        analyse_database()              # planner statistics, as a running database has them
        timing = time_requests(Client(), "/")
        print_table(["Page", "Median ms"], [["Home", timing.median_ms]])

The database is PostgreSQL when DATABASE_URL is set (a `<name>_bench_<label>` database beside
yours, made and dropped with Django's test-database machinery) and otherwise a temporary
SQLite file. Settings are config.settings.bench: production's cache configuration (Redis with
REDIS_URL, else local memory, never the database), DEBUG off, cached templates, throwaway
secrets; the page cache is off so pages are built each time (PRAXIS_PAGE_CACHE=1 switches it
on). Each script prints the settings it ran under.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    """Make the project importable and configure Django with the benchmark settings."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    import django

    django.setup()
    print(describe_settings(), flush=True)
    print(describe_python(), flush=True)


def describe_python() -> str:
    """Which Python runs the benchmark. Builds differ: pyenv's default build (no profile-guided
    optimisation) ran the certificate benchmark about 15% slower than Debian's python3."""
    import platform

    return f"Python: {platform.python_version()} at {sys.executable}"


def describe_settings() -> str:
    """Which settings and cache backends a benchmark runs under, for its report."""
    from django.conf import settings

    backends = ", ".join(
        f"{alias}: {config['BACKEND'].rsplit('.', 1)[-1]}" for alias, config in settings.CACHES.items()
    )
    page_cache = "on" if settings.PRAXIS_PAGE_CACHE else "off"
    return f"Settings: {os.environ['DJANGO_SETTINGS_MODULE']} (caches {backends}; page cache {page_cache})"


@contextmanager
def throwaway_database(label: str, *, verbosity: int = 0):
    """A freshly migrated database for the duration of the block, then dropped.

    Yields a short description ("PostgreSQL praxis_bench_pages") for the report.
    """
    from django.conf import settings
    from django.db import connection

    settings_dict = connection.settings_dict
    folder = tempfile.mkdtemp(prefix="praxis-bench-")
    if connection.vendor == "sqlite":
        settings_dict["TEST"]["NAME"] = str(Path(folder) / f"{label}.sqlite3")
    else:
        settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}_bench_{label}"
    old_name = settings_dict["NAME"]
    started = time.perf_counter()
    print(f"Creating and migrating a throwaway {connection.display_name} database…", flush=True)
    name = connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
    print(f"  ready in {time.perf_counter() - started:.0f} s", flush=True)
    try:
        yield f"{connection.display_name} {Path(name).name}"
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=verbosity)
        shutil.rmtree(folder, ignore_errors=True)
        # The test settings put uploads in a temporary folder of their own; tidy it too.
        if Path(settings.MEDIA_ROOT).name.startswith("praxis-test-media-"):
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def analyse_database() -> None:
    """Gather the query planner's statistics, as a running database has them.

    Call it after building the data and before timing. A database loaded in bulk and read at
    once has none: PostgreSQL then guessed 64 live pages where there were 2,037 and joined the
    search index in a nested loop (122 ms for the search results, 11 ms once analysed). In
    production autovacuum analyses a table soon after a bulk change, so that is what to measure.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@dataclass(frozen=True)
class Timing:
    median_ms: float
    p95_ms: float
    queries: int  # per request (the most any target needed)
    requests: int


def time_requests(client, url: str, *, requests: int = 50, warmup: int = 5, data=None) -> Timing:
    """Time `requests` GETs of `url` through Django's test client, in process, after `warmup`."""
    return time_spread([(client, url)], requests=requests, warmup=warmup, data=data)


def time_spread(targets, *, requests: int = 50, warmup: int = 5, data=None) -> Timing:
    """Time `requests` GETs spread in turn over `targets`, (client, url) pairs: for example one
    logged-in client per member, each asking for its own page.

    Queries are counted on one extra request per target, apart from the timed ones (capturing
    them slows every query), and the most any target needed is reported. A streamed answer (a
    file download) is read to its end inside the timing. Any answer but 200 stops the benchmark.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get(client, url):
        response = client.get(url, data)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}, not 200.")
        if response.streaming:
            for _chunk in response.streaming_content:
                pass

    targets = list(targets)
    for n in range(warmup):
        get(*targets[n % len(targets)])
    queries = 0
    for client, url in targets:
        with CaptureQueriesContext(connection) as captured:
            get(client, url)
        # Read now: the next request's request_started signal empties the connection's query log.
        queries = max(queries, len(captured.captured_queries))
    samples = []
    for n in range(requests):
        client, url = targets[n % len(targets)]
        started = time.perf_counter()
        get(client, url)
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(
        median_ms=statistics.median(samples),
        p95_ms=percentile(samples, 95),
        queries=queries,
        requests=requests,
    )


def logged_in_client(user):
    """A test client logged in as `user` (no password check, no login throttling)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def pldp_programme_page():
    """The Practice Leader Development Programme's page, under a new programme index, with its
    preparatory requirement rows (residential 2, seminars 8+, mentor's authority 3 to 5, mentor
    days 1 to 2, Ofsted exercise up to 2, service project). Returns the page."""
    from decimal import Decimal

    from cms.models import ActivityType, Phase, ProgrammeIndexPage, ProgrammePage, ProgrammeRequirement
    from home.models import HomePage

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
            sort_order=n,
            activity_type=activity,
            phase=Phase.PREPARATORY,
            min_days=Decimal(low),
            max_days=None if high is None else Decimal(high),
        )
        for n, (activity, low, high) in enumerate(rows)
    )
    return programme


def percentile(samples: list[float], percent: float) -> float:
    """The nearest-rank percentile: the smallest sample at or above `percent`% of them."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * percent // 100))  # ceiling division
    return ordered[int(rank) - 1]


def print_table(headers: list[str], rows: list[list], *, title: str = "") -> None:
    """Print rows under headers in aligned columns; numbers right-aligned, one decimal place."""

    def cell(value) -> str:
        return f"{value:.1f}" if isinstance(value, float) else str(value)

    text = [[cell(value) for value in row] for row in rows]
    widths = [max(len(headers[i]), *(len(row[i]) for row in text)) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], int | float) for row in rows) for i in range(len(headers))]

    def line(values) -> str:
        return "  ".join(
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ).rstrip()

    if title:
        print(f"\n{title}")
    print(line(headers))
    print(line(["-" * width for width in widths]))
    for row in text:
        print(line(row))


class Progress:
    """Prints 'label: done/total' every `every` items, so long builds show they are alive."""

    def __init__(self, label: str, total: int, every: int = 250):
        self.label, self.total, self.every, self.done = label, total, every, 0
        self.started = time.perf_counter()

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.done % self.every < count or self.done == self.total:
            elapsed = time.perf_counter() - self.started
            print(f"  {self.label}: {self.done}/{self.total} ({elapsed:.0f} s)", flush=True)


if __name__ == "__main__":
    # `make bench` runs every script in this folder; this one is only shared code.
    print("Shared benchmark helpers; nothing to measure here.")
