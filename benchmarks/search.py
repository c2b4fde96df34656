"""Site search on a site of 10,000 pages, on PostgreSQL: server time and queries per search.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis .venv/bin/python benchmarks/search.py
    DATABASE_URL=... .venv/bin/python benchmarks/search.py --pages 2000 --rounds 1 --explain

Builds the demo site plus generated courses, events and research outputs (benchmarks/pages.py's
build_site, indexed in one pass) and ten events about genograms, in a throwaway PostgreSQL
database (`<name>_bench_search` beside DATABASE_URL's), analyses it, then times the search view
through the test client for a mix of searches: a selective word (about ten pages), a common one
(every generated page), two words, a word nothing matches, and page 2 of the common word's
results. Each round times every search in turn; the table gives, per search, the median over
the rounds of each round's p50 and p95, the queries one request makes and how many pages match.
`--explain` prints EXPLAIN ANALYZE of each search's queries on the search index. Production
searches with PostgreSQL, so without it this script says so and stops.
"""

import argparse
import random
import statistics
import sys

from _harness import analyse_database, print_table, setup_django, throwaway_database, time_requests

SELECTIVE_PAGES = 10
SELECTIVE_TITLE = "Genograms in family work"
SEARCHES = [
    ("Selective word", {"q": "genogram"}),
    ("Common word", {"q": "practitioners"}),
    ("Two words", {"q": "reflective practice"}),
    ("No results", {"q": "zebra"}),
    ("Common word, page 2", {"q": "practitioners", "page": "2"}),
]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=10_000, help="generated pages on top of the demo site")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per search in each round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every search, for medians")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests before each timing")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of the search queries")
    return parser.parse_args(argv)


def build(count: int) -> None:
    from pages import add_children, build_site

    from cms.models import EventIndexPage, EventPage

    build_site(count)
    rng = random.Random(10)
    add_children(EventIndexPage.objects.get(), lambda n: selective_page(n, rng), SELECTIVE_PAGES, "genograms")
    index_as_published(EventPage.objects.filter(title__startswith=SELECTIVE_TITLE))


def index_as_published(pages) -> None:
    """Index `pages` one at a time, as the task queue's worker does after each publish: ten
    entries, not a rebuild. The benchmark settings queue tasks for a worker, as production does,
    and none runs here, so without this the selective word matched only the demo site's page."""
    from wagtail.search import index

    for page in pages:
        index.insert_or_update_object(page)


def selective_page(n: int, rng: random.Random):
    """A generated event (benchmarks/pages.py) about genograms, a word on no other generated page."""
    from pages import event_page

    page = event_page(1_000_000 + n, rng)
    page.title = f"{SELECTIVE_TITLE} ({n + 1})"
    return page


def matches(params: dict) -> int:
    from wagtail.models import Page

    return Page.objects.live().public().search(params["q"]).count()


def measure(args) -> list[list]:
    from django.test import Client

    client = Client()
    rounds = {label: [] for label, _params in SEARCHES}
    for number in range(args.rounds):
        print(f"Round {number + 1} of {args.rounds}…", flush=True)
        for label, params in SEARCHES:
            rounds[label].append(
                time_requests(client, "/search/", requests=args.requests, warmup=args.warmup, data=params)
            )
    return [
        [
            label,
            "&".join(f"{key}={value}" for key, value in params.items()),
            matches(params),
            statistics.median(timing.median_ms for timing in rounds[label]),
            statistics.median(timing.p95_ms for timing in rounds[label]),
            max(timing.queries for timing in rounds[label]),
        ]
        for label, params in SEARCHES
    ]


def explain(client_params: dict) -> None:
    """EXPLAIN ANALYZE every query one search makes on the search index, as it ran."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        Client().get("/search/", client_params)
    for query in captured.captured_queries:
        if "wagtailsearch_indexentry" not in query["sql"]:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            plan = "\n".join(f"    {row[0]}" for row in cursor.fetchall())
        print(f"\n  {query['sql'][:160]}…\n{plan}", flush=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        print(
            "search.py measures PostgreSQL's full-text search, which production uses: "
            "set DATABASE_URL to a PostgreSQL database. Skipped."
        )
        return 0
    with throwaway_database("search") as database:
        build(args.pages)
        analyse_database()
        from wagtail.models import Page

        live = Page.objects.live().count()
        print(f"Timing {args.rounds} rounds of {args.requests} requests per search on {live:,} live pages…")
        rows = measure(args)
        if args.explain:
            for label, params in SEARCHES:
                print(f"\nEXPLAIN ANALYZE: {label} ({params})")
                explain(params)
    print_table(
        ["Search", "Query", "Matches", "p50 ms", "p95 ms", "Queries"],
        rows,
        title=(
            f"Search served in process ({database}, {live:,} live pages; medians of {args.rounds} rounds "
            f"of {args.requests} requests)"
        ),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
