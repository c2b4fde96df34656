"""Bookings over HTTP under the production settings on PostgreSQL: how many booking requests a
second the site answers when members book at once, and that none is overbooked.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis .venv/bin/python benchmarks/bookings.py
    .venv/bin/python benchmarks/bookings.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench

Builds a database for the run (`<name>_bench_bookings` beside DATABASE_URL's, or --database-url;
dropped afterwards unless --keep) holding one seminar with --places places and --members
practitioners, each with a signed-in session. Starts gunicorn (deploy/gunicorn.conf.py,
--workers sync workers) under config.settings.production, as benchmarks/serve.py does. Each
member first opens the seminar's booking page (untimed: it gives the form's CSRF token); then
--concurrency threads, each with its own members' sessions, POST to the booking URL at once,
and the script prints booking requests per second, latency, and the bookings in the database:
exactly --places confirmed and the rest waiting, or it fails.

Each part is a *section*: a function that gets the running Stack and returns the rows of its
table. Add a section (the register page for a 60-person cohort, for example) by writing its
build step in `build()` (under its own key in the JSON it prints) and its function in SECTIONS.
"""

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from _harness import ROOT, percentile, print_table
from serve import GUNICORN, PYTHON, database_beside, production_env, recreate_database, wait_until_up

PORT = 8111
HOST = "localhost"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("BOOKINGS_DATABASE_URL", ""))
    parser.add_argument("--members", type=int, default=400, help="members who each book once")
    parser.add_argument("--places", type=int, default=25, help="places on the seminar")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads booking at once")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    # Beside DATABASE_URL's database, as serve.py's is.
    args.database_url = args.database_url or database_beside(
        os.environ.get("DATABASE_URL", ""), "_bench_bookings"
    )
    return args


# Building (in a child process, under the production settings the server runs) -----------------


def build(args) -> None:
    """Migrate, then make what each section needs; print it as one JSON line for the parent."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print("BUILT " + json.dumps({"bookings": build_bookings(args)}), flush=True)


def build_bookings(args) -> dict:
    import datetime
    from decimal import Decimal
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.urls import reverse

    from cms.models import EventIndexPage, EventPage
    from home.models import HomePage

    home = HomePage.objects.get(depth=2)
    index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    start = datetime.datetime.combine(
        datetime.date.today() + datetime.timedelta(days=30),
        datetime.time(9, 30),
        tzinfo=ZoneInfo("Europe/London"),
    )
    event = index.add_child(
        instance=EventPage(
            title="Transitional Safeguarding",
            slug="transitional-safeguarding",
            kind=EventPage.Kind.SEMINAR,
            summary="Morning input from a speaker, afternoon work on real dilemmas.",
            start=start,
            end=start + datetime.timedelta(hours=6),
            venue="Lecture Theatre 2, Riverside University",
            audiences=["practitioners"],
            cpd_hours=Decimal("6"),
            members_book_here=True,
            capacity=args.places,
        )
    )
    password = make_password("bench-password")  # one hash for all: hashing is not what is measured
    user_model = get_user_model()
    members = user_model.objects.bulk_create(
        user_model(
            email=f"booker{n}@example.org",
            first_name="Booker",
            last_name=str(n),
            role="practitioner",
            password=password,
        )
        for n in range(args.members)
    )
    backend = "django.contrib.auth.backends.ModelBackend"
    assert backend in settings.AUTHENTICATION_BACKENDS
    cookies = []
    for member in members:
        session = SessionStore()
        session.update(
            {
                SESSION_KEY: str(member.pk),
                BACKEND_SESSION_KEY: backend,
                HASH_SESSION_KEY: member.get_session_auth_hash(),
            }
        )
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"url": reverse("bookings:book_event", args=[event.pk]), "event": event.pk, "cookies": cookies}


# Talking to the server ----------------------------------------------------------------------


def request(method: str, path: str, cookie: str, body: bytes = b"") -> tuple[float, int, dict, bytes]:
    headers = {"Host": HOST, "Cookie": cookie}
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read()
    connection.close()
    cookies = dict(
        value.split(";", 1)[0].split("=", 1)
        for name, value in response.getheaders()
        if name.lower() == "set-cookie"
    )
    return (time.perf_counter() - started) * 1000, response.status, cookies, content


@dataclass
class Stack:
    """The running server and what the build made for each section."""

    database_url: str
    built: dict
    args: argparse.Namespace
    notes: list[str] = field(default_factory=list)


# Sections -----------------------------------------------------------------------------------


def booking_section(stack: Stack) -> tuple[list[str], list[list], str]:
    """Every member books the seminar once, --concurrency at a time."""
    import psycopg

    built = stack.built["bookings"]
    url, sessions = built["url"], built["cookies"]
    forms = []
    for session in sessions:  # untimed: the booking page gives each member a CSRF token
        _ms, status, cookies, content = request("GET", url, session)
        if status != 200:
            raise RuntimeError(f"GET {url} answered {status}: is the member signed in?")
        token = CSRF_INPUT.search(content).group(1).decode()
        cookie = "; ".join([session, *(f"{k}={v}" for k, v in cookies.items())])
        forms.append((cookie, urlencode({"csrfmiddlewaretoken": token}).encode()))

    samples: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    concurrency = stack.args.concurrency
    start = threading.Barrier(concurrency)

    def book_for(share):
        start.wait(timeout=60)
        for cookie, body in share:
            ms, status, _cookies, _content = request("POST", url, cookie, body)
            with lock:
                samples.append(ms)
                statuses.append(status)

    threads = [threading.Thread(target=book_for, args=(forms[n::concurrency],)) for n in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    if set(statuses) != {302}:
        raise RuntimeError(f"Booking answered {sorted(set(statuses))}, not only 302 (booked, to My bookings)")
    with psycopg.connect(stack.database_url) as connection:
        counts = dict(
            connection.execute(
                "SELECT status, count(*) FROM learning_records_booking WHERE event_id = %s GROUP BY status",
                [built["event"]],
            ).fetchall()
        )
    places, members = stack.args.places, len(sessions)
    confirmed, waiting = counts.get("confirmed", 0), counts.get("waiting", 0)
    overbooked = confirmed != places or waiting != members - places or sum(counts.values()) != members
    stack.notes.append(
        f"Bookings in the database: {confirmed} confirmed of {places} places, {waiting} waiting, "
        f"{members} members: {'OVERBOOKED OR LOST' if overbooked else 'no overbooking'}"
    )
    if overbooked:
        raise AssertionError(stack.notes[-1] + f" {counts}")
    headers = ["Requests", "Concurrency", "req/s", "p50 ms", "p95 ms", "max ms", "confirmed", "waiting"]
    row = [
        len(samples),
        concurrency,
        len(samples) / elapsed,
        statistics.median(samples),
        percentile(samples, 95),
        max(samples),
        confirmed,
        waiting,
    ]
    title = (
        f"POST book (one seminar, {places} places, {members} members), gunicorn {stack.args.workers} sync "
        f"workers, config.settings.production on PostgreSQL"
    )
    return headers, [row], title


# Each: (name, function(stack) -> (headers, rows, title)). The register section goes here.
SECTIONS = [("bookings", booking_section)]


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.build_only:
        build(args)
        return 0
    if not args.database_url.startswith("postgres"):
        print("bookings.py needs PostgreSQL: set DATABASE_URL (or pass --database-url). Skipped.")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="praxis-bookings-"))
    env = {**production_env(args.database_url, folder), "PRAXIS_ACCESS_LOG": "/dev/null"}
    server = None
    try:
        print(f"Building {urlsplit(args.database_url).path.lstrip('/')}: {args.members} members…", flush=True)
        recreate_database(args.database_url)
        built = subprocess.run(  # noqa: S603
            [PYTHON, __file__, "--build-only", "--members", str(args.members), "--places", str(args.places)],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        line = next(line for line in built.stdout.splitlines() if line.startswith("BUILT "))
        stack = Stack(args.database_url, json.loads(line[6:]), args)
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True
        )
        server = subprocess.Popen(  # noqa: S603
            [GUNICORN, "-c", "deploy/gunicorn.conf.py", "config.wsgi:application"],
            cwd=ROOT,
            env={**env, "PRAXIS_BIND": f"127.0.0.1:{PORT}", "WEB_CONCURRENCY": str(args.workers)},
        )
        wait_until_up(PORT)
        for name, section in SECTIONS:
            print(f"Running the {name} section…", flush=True)
            headers, rows, title = section(stack)
            print_table(headers, rows, title=title)
        for note in stack.notes:
            print(note)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        if not args.keep:
            recreate_database(args.database_url, drop_only=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
