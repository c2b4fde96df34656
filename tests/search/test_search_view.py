"""Site search: words in summaries and StreamField bodies, filters, pages, promotions."""

import pytest

from django.contrib.auth.models import Group

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.cms import factories as f
from tests.html import parse, text

pytestmark = pytest.mark.django_db


def results(soup) -> list[tuple[str, str]]:
    """(type, title) of each result, in order."""
    return [
        (text(item.select_one(".search-result__type")), text(item.find("h3")))
        for item in soup.select("main .search-result")
    ]


@pytest.fixture
def pages(home):
    courses = f.CourseIndexPageFactory(parent=home)
    events = f.EventIndexPageFactory(parent=home)
    research = f.ResearchIndexPageFactory(parent=home)
    course = f.CoursePageFactory(
        parent=courses,
        title="Systemic practice",
        summary="Family therapy techniques for frontline practitioners.",
        listing_summary="",
    )
    course.tags.add("family work")
    course.save()
    event = f.EventPageFactory(
        parent=events,
        title="Transitional Safeguarding",
        summary="Keeping young adults safe as they leave care.",
        body=[("paragraph", "<p>We will discuss the genogram and the family tree.</p>")],
    )
    event.tags.add("family work")
    event.save()
    output = f.ResearchOutputPageFactory(
        parent=research,
        title="Solihull Approach evaluation",
        abstract="An evaluation of family parenting groups.",
    )
    about = f.StandardPageFactory(
        parent=home,
        title="About us",
        body=[("paragraph", "<p>The partnership was formed by six councils and a university.</p>")],
    )
    return {"course": course, "event": event, "output": output, "about": about}


def search(client, **params):
    return parse(client.get("/search/", params))


def test_finds_a_page_by_words_in_its_summary(client, pages):
    soup = search(client, q="therapy techniques")
    assert results(soup) == [("Course", "Systemic practice")]
    assert text(soup.select_one(".search-result .listing-summary")).startswith("Family therapy techniques")


def test_finds_a_page_by_words_in_its_streamfield_body(client, pages):
    assert results(search(client, q="councils")) == [("Page", "About us")]
    assert results(search(client, q="genogram")) == [("Event", "Transitional Safeguarding")]


def test_query_is_echoed_in_heading_search_boxes_and_title(client, pages):
    soup = search(client, q="Solihull")
    assert text(soup.find("h1")) == "Search results for “Solihull”"
    assert soup.find(id="site-search-q")["value"] == "Solihull"
    assert soup.select_one("main input[name=q]")["value"] == "Solihull"
    assert soup.title.string.startswith("Search results for “Solihull”")
    assert text(soup.select_one(".results-count")) == "1 result"


def test_filter_by_type(client, pages):
    every = results(search(client, q="family"))
    assert set(every) == {
        ("Course", "Systemic practice"),
        ("Event", "Transitional Safeguarding"),
        ("Research", "Solihull Approach evaluation"),
    }
    assert results(search(client, q="family", type="event")) == [("Event", "Transitional Safeguarding")]
    assert results(search(client, q="family", type="programme")) == []


def test_filter_by_topic(client, pages):
    tagged = results(search(client, q="family", tag="family-work"))
    assert set(tagged) == {("Course", "Systemic practice"), ("Event", "Transitional Safeguarding")}
    assert results(search(client, q="family", tag="family-work", type="course")) == [
        ("Course", "Systemic practice")
    ]
    assert results(search(client, q="evaluation", tag="family-work")) == []
    options = [o["value"] for o in search(client).find("select", attrs={"name": "tag"})("option")]
    assert options == ["", "family-work"]


def test_drafts_and_private_pages_are_not_found(client, home, pages):
    f.StandardPageFactory(parent=home, title="Draft councils page", live=False)
    private = f.StandardPageFactory(parent=home, title="Staff councils page")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type="groups")
    restriction.groups.set([Group.objects.get(name="Editors")])
    assert results(search(client, q="councils")) == [("Page", "About us")]


def test_results_are_paginated_and_keep_the_query(client, home):
    for number in range(12):
        f.StandardPageFactory(
            parent=home, title=f"Court skills {number:02d}", intro="Court skills for social workers."
        )
    first = search(client, q="court")
    assert len(results(first)) == 10
    assert text(first.select_one(".results-count")) == "12 results"
    next_link = first.find("a", rel="next")["href"]
    assert "q=court" in next_link
    second = parse(client.get("/search/" + next_link))
    assert len(results(second)) == 2
    assert second.select_one("main ol.item-list")["start"] == "11"


def test_nothing_found_has_suggestions(client, pages):
    soup = search(client, q="zebra", type="course")
    empty = soup.select_one(".empty-state")
    assert "Nothing matched “zebra” with these filters" in text(empty)
    assert "check the spelling" in text(empty)
    assert empty.find("a", href="/search/?q=zebra")
    assert text(soup.select_one(".results-count")) == "No results match these filters"


def test_no_query_shows_the_form_only(client, pages):
    soup = search(client)
    assert text(soup.find("h1")) == "Search the site"
    assert not soup.select(".search-result")
    assert not Query.objects.exists()


def test_promoted_results_appear_above_results_and_hits_are_counted(client, pages):
    query = Query.get("safeguarding")
    SearchPromotion.objects.create(query=query, page=pages["output"], description="Our latest evaluation.")
    SearchPromotion.objects.create(
        query=query, external_link_url="https://example.org/guide", external_link_text="National guidance"
    )
    soup = search(client, q="Safeguarding")
    promoted = soup.select_one(".promoted")
    assert [text(h) for h in promoted("h3")] == ["Solihull Approach evaluation", "National guidance"]
    assert "Our latest evaluation." in text(promoted)
    assert promoted.find_next(class_="search-result")
    assert results(soup) == [("Event", "Transitional Safeguarding")]
    search(client, q="safeguarding", page=2)
    assert Query.get("safeguarding").hits == 1
