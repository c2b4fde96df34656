import pytest

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page_loads_and_is_accessible(page):
    page.goto("/")
    assert page.locator("main h1").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to main content"
    assert_accessible(page)
