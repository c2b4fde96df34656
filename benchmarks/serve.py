"""Pages served over HTTP by gunicorn under the production settings, next to a bare Django view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/praxis .venv/bin/python benchmarks/serve.py
    .venv/bin/python benchmarks/serve.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench

Builds the demo site plus generated pages (benchmarks/pages.py) in a PostgreSQL database made
for the run (`<name>_bench_serve` beside DATABASE_URL's, or --database-url; dropped afterwards
unless --keep), then starts three gunicorn servers with ONE sync worker each:

- "uncached": config.settings.production with the page cache switched off (PRAXIS_PAGE_CACHE=0),
  so every request builds its page; the other caches (site root paths, settings, renditions,
  routes and the shared fragments of cms/cache.py) are warm as in any running deployment, as
  they are for a signed-in member, whom the page cache never serves.
- "cached": the same with the page cache on, as production runs by default.
- "bare": benchmarks/bare_wsgi.py, a Django view with no middleware or database: the ceiling.

Production runs with throwaway secrets, no REDIS_URL (local-memory cache: one process) and
SECURE_SSL_REDIRECT off, since the client speaks plain HTTP. One client then asks for each URL
of each server in turn (round-robin, one request at a time), so every server sees the same
machine load, and prints requests per second (one client, sequential), median and 95th
percentile latency, and each figure as a share of the bare view's requests per second.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from _harness import ROOT, percentile, print_table

PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
TARGETS = {"uncached": 0.05, "cached": 0.3}  # the goals, as shares of the bare view
PORTS = {"uncached": 8101, "cached": 8102, "bare": 8103}


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("SERVE_DATABASE_URL", ""))
    parser.add_argument("--pages", type=int, default=2000, help="generated pages on top of the demo site")
    parser.add_argument("--rounds", type=int, default=200, help="requests per URL and server")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per URL and server")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.database_url = args.database_url or database_beside(
        os.environ.get("DATABASE_URL", ""), "_bench_serve"
    )
    return args


def database_beside(url: str, suffix: str) -> str:
    """A PostgreSQL database named like `url`'s with `suffix` added, or "" when `url` is not one."""
    if not url.startswith("postgres"):
        return ""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path + suffix))


def recreate_database(url: str, *, drop_only: bool = False) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def build(args) -> None:
    """In a child process, under the benchmark settings: migrate, build, analyse, list URLs."""
    from _harness import analyse_database, setup_django

    setup_django()
    from pages import build_site

    from django.core.management import call_command

    from cms.models import CoursePage, EventIndexPage

    call_command("migrate", verbosity=0)
    build_site(args.pages)
    analyse_database()
    urls = {
        "Home": "/",
        "Event index": EventIndexPage.objects.get().url,
        "Course page": CoursePage.objects.get(slug="systemic-practice").url,
        "Search": "/search/?q=safeguarding",
    }
    print("URLS " + json.dumps(urls), flush=True)


def signing_key() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return pem.decode()


def production_env(database_url: str, folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="serve-benchmark-throwaway-secret-key-not-for-production",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        DATABASE_URL=database_url,
        PRAXIS_SIGNING_KEY=signing_key(),
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        PRIVATE_MEDIA_ROOT=str(folder / "private"),
        LOG_LEVEL="WARNING",
    )
    return env


def start_servers(env: dict) -> dict:
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []
    common = ["--workers", "1", "--worker-class", "sync", "--log-level", "warning"]
    servers = {}
    for name, page_cache in (("uncached", "0"), ("cached", "1")):
        servers[name] = subprocess.Popen(  # noqa: S603
            [*pin, GUNICORN, "config.wsgi:application", "--bind", f"127.0.0.1:{PORTS[name]}", *common],
            cwd=ROOT,
            env={**env, "PRAXIS_PAGE_CACHE": page_cache},
        )
    servers["bare"] = subprocess.Popen(  # noqa: S603
        [*pin, GUNICORN, "bare_wsgi:application", "--bind", f"127.0.0.1:{PORTS['bare']}", *common],
        cwd=ROOT / "benchmarks",
        env=env,
    )
    return servers


def get(port: int, url: str) -> tuple[float, http.client.HTTPResponse, bytes]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", url, headers={"Host": "localhost"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return (time.perf_counter() - started) * 1000, response, body


def wait_until_up(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            get(port, "/")
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn on port {port} did not start")


def measure(urls: dict, rounds: int, warmup: int) -> dict:
    plan = [(label, url, name) for label, url in urls.items() for name in ("uncached", "cached")]
    plan.append(("Bare Django view", "/", "bare"))
    for _label, url, name in plan:
        for _ in range(warmup):
            _ms, response, _body = get(PORTS[name], url)
            if response.status != 200:
                raise RuntimeError(f"{name} {url} answered {response.status}")
        if name == "cached" and "public" not in (response.getheader("Cache-Control") or ""):
            raise RuntimeError(f"{url} is not cacheable: {response.getheader('Cache-Control')}")
    samples = {(label, name): [] for label, _url, name in plan}
    print(f"Timing {rounds} rounds of {len(plan)} requests, round-robin…", flush=True)
    for _ in range(rounds):
        for label, url, name in plan:
            ms, response, _body = get(PORTS[name], url)
            if response.status != 200:
                raise RuntimeError(f"{name} {url} answered {response.status}")
            samples[(label, name)].append(ms)
    return samples


def report(samples: dict, rounds: int) -> None:
    bare = 1000 / statistics.mean(samples[("Bare Django view", "bare")])
    rows = []
    for (label, name), values in samples.items():
        per_second = 1000 / statistics.mean(values)
        share = per_second / bare
        goal = TARGETS.get(name)
        verdict = "" if goal is None else ("meets" if share >= goal else "MISSES") + f" {goal:g}"
        rows.append(
            [
                label,
                name,
                per_second,
                statistics.median(values),
                percentile(values, 95),
                f"{share:.3f}",
                verdict,
            ]
        )
    print_table(
        ["Page", "Server", "req/s", "p50 ms", "p95 ms", "share of bare", "goal"],
        rows,
        title=f"gunicorn, 1 sync worker each, config.settings.production on PostgreSQL; {rounds} rounds",
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.build_only:
        build(args)
        return 0
    if not args.database_url.startswith("postgres"):
        print("serve.py needs PostgreSQL: set DATABASE_URL (or pass --database-url). Skipped.")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="praxis-serve-"))
    env = production_env(args.database_url, folder)
    servers = {}
    try:
        print(f"Building the site in {urlsplit(args.database_url).path.lstrip('/')}…", flush=True)
        recreate_database(args.database_url)
        bench_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
        built = subprocess.run(  # noqa: S603
            [PYTHON, __file__, "--build-only", "--pages", str(args.pages)],
            env=bench_env, cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        urls = json.loads(next(line for line in built.stdout.splitlines() if line.startswith("URLS "))[5:])
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True
        )
        servers = start_servers(env)
        for port in PORTS.values():
            wait_until_up(port)
        print(f"Servers up: {', '.join(f'{name} :{port}' for name, port in PORTS.items())}", flush=True)
        report(measure(urls, args.rounds, args.warmup), args.rounds)
    finally:
        for process in servers.values():
            process.send_signal(signal.SIGTERM)
        for process in servers.values():
            process.wait(timeout=30)
        if not args.keep:
            recreate_database(args.database_url, drop_only=True)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
