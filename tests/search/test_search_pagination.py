"""The page links under a list (components/pagination.html) for a search with a thousand pages
of results: the first, the last and two either side of the current page, without looking at
every page number in between."""

from bs4 import BeautifulSoup

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.html import text


class EveryPageRefused(Paginator):
    """A paginator whose full list of page numbers may not be walked: a common word matched
    10,000 pages, and looping over their 1,000 numbers in the template took 50 to 70 ms."""

    @property
    def page_range(self):
        raise AssertionError("the pagination component walked every page number")


def links(number: int, pages: int) -> list[str]:
    page_obj = EveryPageRefused(range(pages * 10), 10).page(number)
    request = RequestFactory().get("/search/", {"q": "practitioners", "page": number})
    html = render_to_string("components/pagination.html", {"page_obj": page_obj}, request=request)
    return [text(item) for item in BeautifulSoup(html, "html.parser").select("nav.pagination li")]


def test_a_page_in_the_middle_of_many():
    assert links(500, 1000) == [
        "Previous page", "Page 1", "…", "Page 498", "Page 499", "500", "Page 501", "Page 502", "…",
        "Page 1000", "Next page",
    ]  # fmt: skip


def test_the_first_and_last_pages_of_many():
    assert links(1, 1000) == ["1", "Page 2", "Page 3", "…", "Page 1000", "Next page"]
    assert links(1000, 1000) == ["Previous page", "Page 1", "…", "Page 998", "Page 999", "1000"]


def test_a_few_pages_show_every_number():
    assert links(3, 5) == ["Previous page", "Page 1", "Page 2", "3", "Page 4", "Page 5", "Next page"]


def test_the_gap_beside_the_first_page_is_marked_once():
    assert links(5, 9) == [
        "Previous page", "Page 1", "…", "Page 3", "Page 4", "5", "Page 6", "Page 7", "…", "Page 9",
        "Next page",
    ]  # fmt: skip
