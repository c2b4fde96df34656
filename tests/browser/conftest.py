"""Playwright in Debian's headless Chromium against pytest-django's live server.

Every test in tests/browser is marked `browser`. Without Chromium or axe-core the journeys skip
locally; CI sets PRAXIS_REQUIRE_BROWSER=1 so they fail instead of skipping.
"""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PRAXIS_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Chromium's background services try to reach Google; this machine's network refuses them.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# to arrange data are still synchronous, so Django's async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    missing = [str(path) for path in (CHROMIUM, AXE_JS) if not path.exists()]
    if missing:
        message = f"Browser tests need {', '.join(missing)} (run `make install`; apt install chromium)."
        if os.environ.get("PRAXIS_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    from django.db import connections

    # Once Playwright's event loop runs, Django hands out new connection objects, which lack
    # the database snapshot that serialized_rollback restores after each flush; without this,
    # every browser test after the first finds an empty database when other tests ran first.
    snapshots = {
        alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            if snapshot is not None:
                connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser, live_server):
    """A fresh browser tab whose relative URLs go to the live server.

    The tab ignores the Content Security Policy, because axe-core goes in with add_script_tag,
    which the policy rightly blocks; tests marked `enforce_csp` get a tab that obeys it.
    """
    enforce = request.node.get_closest_marker("enforce_csp") is not None
    context = browser.new_context(
        base_url=live_server.url, accept_downloads=True, locale="en-GB", bypass_csp=not enforce
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (WCAG 2.x A and AA rules) in the page; return violations of those impacts."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
        })"""
    )
    return [v for v in result["violations"] if v["impact"] in impacts]


def assert_accessible(page):
    violations = axe_violations(page)
    summary = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in violations
    ]
    assert not violations, f"axe-core found problems on {page.url}:\n{json.dumps(summary, indent=2)}"


@pytest.fixture
def login(page, live_server, settings):
    """Log a user in to the browser tab by giving it a real session cookie.

    Journeys that are about logging in go through the login form instead.
    """
    from django.test import Client

    def _login(user):
        client = Client()
        client.force_login(user)
        session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": live_server.url}]
        )
        return user

    return _login
