"""Reading rendered pages in tests."""

from bs4 import BeautifulSoup


def parse(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text(element) -> str:
    """An element's visible words, with runs of whitespace collapsed."""
    return " ".join(element.get_text(" ").split())


def main_text(response) -> str:
    return text(parse(response).find("main"))


def headings(soup) -> list[tuple[int, str]]:
    """(level, text) of every heading in <main>, in document order."""
    main = soup.find("main")
    return [(int(h.name[1]), text(h)) for h in main.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def assert_headings_in_order(soup):
    """One h1, first; no heading skips a level on the way down."""
    levels = [level for level, _ in headings(soup)]
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading level jumps from h{previous} to h{current}: {levels}"
