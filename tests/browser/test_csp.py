"""The Content Security Policy blocks nothing the site itself needs, in a browser that obeys it."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_site_journey import site  # noqa: F401 (the public pages to visit)
from tests.members.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.enforce_csp]

# Runs before any page script: records every violation the browser reports, and stands in for
# the print dialog, which a headless browser would wait on.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push({
        directive: event.violatedDirective, blocked: event.blockedURI,
        source: event.sourceFile, line: event.lineNumber, sample: event.sample,
    });
});
window.__printed = false;
window.print = () => { window.__printed = true; };
"""


@pytest.fixture
def csp_page(page):
    page.add_init_script(COLLECT_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.console_messages = console
    return page


def visit(page, url: str) -> list:
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    return violations(page)


def violations(page) -> list:
    reported = page.evaluate("window.__cspViolations")
    console = [text for text in page.console_messages if "Content Security Policy" in text]
    return reported + console


def test_the_collector_sees_a_blocked_inline_script(csp_page, site):  # noqa: F811
    visit(csp_page, "/")
    csp_page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__ran = true"; document.body.append(s); }"""
    )
    # Promise-based waits: wait_for_function evaluates a string, which this policy forbids.
    csp_page.evaluate(
        """() => new Promise((resolve) => {
            if (window.__cspViolations.length) resolve();
            document.addEventListener("securitypolicyviolation", () => resolve(), {once: true});
        })"""
    )
    assert csp_page.evaluate("window.__ran") is None
    assert violations(csp_page)[0]["directive"].startswith("script-src")


def test_no_violation_on_the_public_pages(csp_page, site):  # noqa: F811
    pages = ["/", site["course"].url, site["event"].url, site["output"].url, "/search/?query=risk"]
    found = {url: visit(csp_page, url) for url in pages}
    assert found == dict.fromkeys(pages, [])


def test_no_violation_in_the_members_area_and_the_print_button_works(csp_page, login):
    login(UserFactory())
    found = {url: visit(csp_page, url) for url in ["/my/", "/my/records/new/"]}
    assert found == {"/my/": [], "/my/records/new/": []}

    csp_page.get_by_label("Title").fill("Notes from supervision")
    expect(csp_page.locator("[data-autosave-status]")).to_contain_text("saved")
    assert violations(csp_page) == [], "the draft autosaved without a violation"

    visit(csp_page, "/my/")
    csp_page.get_by_role("link", name="Printable form for").click()
    csp_page.get_by_role("button", name="Print").click()
    assert csp_page.evaluate("window.__printed") is True
    assert violations(csp_page) == []
