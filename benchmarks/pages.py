"""How fast published pages are served on a site of a few thousand pages.

    .venv/bin/python benchmarks/pages.py                    # everything (needs the page templates)
    .venv/bin/python benchmarks/pages.py --only home,search # just some pages
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/pages.py

Builds the demo site plus generated courses, events and research outputs (2,000 by default)
in a throwaway database, then prints, for each page, the median and 95th-percentile time to
serve it in process (anonymous visitor, warm caches) and the number of database queries.
"""

import argparse
import datetime
import io
import random
import sys
import time
from decimal import Decimal

from _harness import Progress, analyse_database, print_table, setup_django, throwaway_database, time_requests

TOPICS = [
    "safeguarding", "domestic abuse", "older people", "systemic practice", "supervision",
    "practice leadership", "mental health", "adolescents", "carers", "practice education",
    "court skills", "disability", "early help", "fostering", "dementia", "exploitation",
    "reflective practice", "personalisation", "housing", "substance use",
]  # fmt: skip
COURSE_FORMS = ["Introduction to", "Advanced", "Working with", "Leading", "Research methods in"]
EVENT_FORMS = ["Seminar:", "Workshop:", "Lunch with academics:", "Practice educator forum:", "Conference:"]
RESEARCH_FORMS = ["Evaluating", "What works in", "A review of", "Practitioners' views of", "Briefing:"]
# Share of the generated pages per index: events outnumber everything, as on a real site.
SHARES = {"courses": 0.15, "events": 0.55, "research": 0.30}
PAGE_NAMES = ["home", "course", "events", "search"]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000, help="generated pages on top of the demo site")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests before timing")
    parser.add_argument(
        "--only", default="home,course,events,search", help="comma-separated: home, course, events, search"
    )
    args = parser.parse_args(argv)
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(args.only) - set(PAGE_NAMES)
    if unknown:
        parser.error(f"unknown page {', '.join(sorted(unknown))}; choose from {', '.join(PAGE_NAMES)}")
    return args


def targets() -> dict:
    """name: (label, template it needs, function returning the URL and query)."""
    from cms.models import CoursePage, EventIndexPage
    from home.models import HomePage

    return {
        "home": ("Home page", HomePage.template, lambda: ("/", None)),
        "course": (
            "Course page",
            CoursePage.template,
            lambda: (CoursePage.objects.get(slug="systemic-practice").url, None),
        ),
        "events": ("Event index", EventIndexPage.template, lambda: (EventIndexPage.objects.get().url, None)),
        "search": (
            "Search for 'safeguarding'",
            "search/search.html",
            lambda: ("/search/", {"q": "safeguarding"}),
        ),
    }


def missing_templates(names: list[str]) -> list[str]:
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    missing = []
    for name in names:
        label, template, _url = targets()[name]
        try:
            get_template(template)
        except TemplateDoesNotExist:
            missing.append(f"{label} ({name}) needs the template {template}, which does not exist yet.")
    return missing


def build_site(count: int) -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    started = time.perf_counter()
    print("Loading the demo site…", flush=True)
    call_command("load_demo_content", force=True, stdout=io.StringIO())
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)

    # Index the generated pages in one pass at the end rather than one page at a time.
    backends = {
        name: {**config, "AUTO_UPDATE": False} for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        generate_pages(count)
    started = time.perf_counter()
    print("Updating the search index…", flush=True)
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)


def generate_pages(count: int) -> None:
    from cms import models as cms

    rng = random.Random(2026)
    sizes = {name: round(count * share) for name, share in SHARES.items()}
    print(f"Generating {sum(sizes.values()):,} pages…", flush=True)
    add_children(
        cms.CourseIndexPage.objects.get(), lambda n: course_page(n, rng), sizes["courses"], "courses"
    )
    add_children(cms.EventIndexPage.objects.get(), lambda n: event_page(n, rng), sizes["events"], "events")
    add_children(
        cms.ResearchIndexPage.objects.get(), lambda n: research_page(n, rng), sizes["research"], "research"
    )


def add_children(parent, build, count: int, label: str) -> None:
    """Append `count` live pages made by `build(n)` under `parent`, in one transaction.

    Paths are worked out once here instead of treebeard asking the database for the last child
    before every insert, and pages are published without revisions, which serving never reads.
    """
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from wagtail.models import Page

    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    progress = Progress(label, count)
    with transaction.atomic():
        for n in range(count):
            page = build(n)
            step += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth, page.numchild, page.locale_id = parent.depth + 1, 0, parent.locale_id
            page.draft_title, page.live, page.has_unpublished_changes = page.title, True, False
            page.first_published_at = page.last_published_at = now
            page._cached_parent_obj = parent  # What treebeard's add_child does, saving a query.
            page.save(clean=False)
            progress.step()
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)


def _text(topic: str) -> str:
    return (
        f"A look at {topic} in everyday social work practice: what the research says, what "
        f"practitioners in the partnership have tried, and what to do differently on Monday."
    )


def course_page(n: int, rng: random.Random):
    from cms.models import CourseCohort, CoursePage

    topic = rng.choice(TOPICS)
    title = f"{rng.choice(COURSE_FORMS)} {topic} ({n + 1})"
    page = CoursePage(
        title=title,
        slug=f"bench-course-{n + 1}",
        summary=_text(topic),
        listing_summary=_text(topic)[:120],
        audiences=["practitioners", "frontline_managers"],
        cpd_hours=Decimal(rng.choice([6, 35, 70, 105])),
        classroom_days=15,
        embedded_service_days=rng.choice([0, 3, 5]),
        max_days_missed=2,
    )
    start = datetime.date.today() + datetime.timedelta(days=rng.randint(20, 400))
    page.cohorts = [
        CourseCohort(name=f"Cohort {i + 1}", start_date=start + datetime.timedelta(weeks=30 * i),
                     end_date=start + datetime.timedelta(weeks=30 * i + 26))
        for i in range(2)
    ]  # fmt: skip
    page.tags.set(rng.sample(TOPICS, 3))
    return page


def event_page(n: int, rng: random.Random):
    from zoneinfo import ZoneInfo

    from cms.models import EventPage, EventSpeaker

    topic = rng.choice(TOPICS)
    day = datetime.date.today() + datetime.timedelta(days=rng.randint(-730, 365))
    start = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=ZoneInfo("Europe/London"))
    page = EventPage(
        title=f"{rng.choice(EVENT_FORMS)} {topic} ({n + 1})",
        slug=f"bench-event-{n + 1}",
        kind=rng.choice(EventPage.Kind.values),
        summary=_text(topic),
        listing_summary=_text(topic)[:120],
        start=start,
        end=start + datetime.timedelta(hours=6, minutes=30),
        venue="Lecture Theatre 2, Riverside University",
        audiences=["practitioners"],
        cpd_hours=Decimal("5.5"),
    )
    page.speakers = [EventSpeaker(name=f"Speaker {n + 1}", role="Senior lecturer")]
    page.tags.set(rng.sample(TOPICS, 2))
    return page


def research_page(n: int, rng: random.Random):
    from cms.models import ResearchAuthor, ResearchOutputPage

    topic = rng.choice(TOPICS)
    page = ResearchOutputPage(
        title=f"{rng.choice(RESEARCH_FORMS)} {topic} ({n + 1})",
        slug=f"bench-research-{n + 1}",
        output_type=rng.choice(ResearchOutputPage.OutputType.values),
        publication_date=datetime.date.today() - datetime.timedelta(days=rng.randint(1, 1800)),
        publisher="Praxis Teaching Partnership",
        doi=f"10.5555/bench.{n + 1}",
        abstract=_text(topic),
        listing_summary=_text(topic)[:120],
    )
    page.authors = [ResearchAuthor(given_names="Alex", family_name=f"Author{n + i}") for i in range(2)]
    page.tags.set(rng.sample(TOPICS, 3))
    return page


def measure(args) -> list[list]:
    from django.test import Client

    from wagtail.models import Page

    print(f"Timing {args.requests} requests per page after {args.warmup} warm-up requests…", flush=True)
    print(f"  {Page.objects.live().count():,} live pages", flush=True)
    client = Client()
    rows = []
    for name in args.only:
        label, _template, locate = targets()[name]
        url, query = locate()
        timing = time_requests(client, url, requests=args.requests, warmup=args.warmup, data=query)
        shown = url + (f"?q={query['q']}" if query else "")
        rows.append([label, shown, timing.median_ms, timing.p95_ms, timing.queries])
    return rows


def main(argv=None) -> int:
    args = parse_args(argv)
    setup_django()
    missing = missing_templates(args.only)
    if missing:
        print("pages.py cannot measure every page you asked for:", file=sys.stderr)
        for problem in missing:
            print(f"  - {problem}", file=sys.stderr)
        print("Measure the others with --only (for example --only home,search).", file=sys.stderr)
        return 2
    with throwaway_database("pages") as database:
        build_site(args.pages)
        analyse_database()
        rows = measure(args)
    print_table(
        ["Page", "URL", "Median ms", "p95 ms", "Queries"],
        rows,
        title=f"Pages served in process ({database}, {args.requests} requests each)",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
