"""The people directory: filter by area of interest, organisation and what people offer."""

import pytest

from tests.cms import factories as f
from tests.html import assert_headings_in_order, parse, text
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    university = OrganisationFactory(name="Northtown University", kind="university")
    council = OrganisationFactory(name="Northshire Council")
    ada = f.PersonFactory(
        first_name="Ada",
        last_name="Okoro",
        honorific="Dr",
        organisation=university,
        offers=["shadowing", "lunch"],
    )
    ada.areas_of_interest.add("domestic abuse")
    ada.save()
    ben = f.PersonFactory(
        first_name="Ben", last_name="Hale", organisation=council, offers=["critical_friend"]
    )
    ben.areas_of_interest.add("older people")
    ben.save()
    f.PersonFactory(
        first_name="Cara", last_name="Ince", organisation=None, offers=[], email="cara@example.org"
    )
    return university, council


def names(soup):
    return [text(h) for h in soup.select("main .card__title")]


def test_directory_lists_everyone_by_surname(client, person_index, people):
    soup = parse(client.get(person_index.url))
    assert names(soup) == ["Ben Hale", "Cara Ince", "Dr Ada Okoro"]
    assert text(soup.find(id="results-count")) == "3 people"
    card = soup.select("main .card")[2]
    assert "Interests: domestic abuse" in text(card)
    assert "Offers: Shadowing days, Lunch with academics" in text(card)
    assert soup.find("a", href="mailto:cara@example.org")
    assert_headings_in_order(soup)


def test_organisation_choices_are_organisations_with_people(client, person_index, people):
    OrganisationFactory(name="Nobody works here")
    select = parse(client.get(person_index.url)).find("select", attrs={"name": "organisation"})
    assert [text(option) for option in select("option")] == [
        "All organisations",
        "Northshire Council",
        "Northtown University",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"tag": "domestic-abuse"}, ["Dr Ada Okoro"]),
        ({"offer": "critical_friend"}, ["Ben Hale"]),
        ({"offer": "lunch"}, ["Dr Ada Okoro"]),
        ({"offer": "research_seminars"}, []),
        ({"tag": "older-people", "offer": "shadowing"}, []),
    ],
)
def test_filters(client, person_index, people, query, expected):
    soup = parse(client.get(person_index.url, query))
    assert names(soup) == expected
    assert soup.find("a", string="Clear filters")
    if not expected:
        assert "Nothing matches these filters" in text(soup.select_one(".empty-state"))


def test_filter_by_organisation(client, person_index, people):
    university, _council = people
    soup = parse(client.get(person_index.url, {"organisation": university.pk}))
    assert names(soup) == ["Dr Ada Okoro"]
    assert text(soup.find(id="results-count")) == "1 person matches these filters"


def test_directory_is_paginated(client, person_index):
    for number in range(26):
        f.PersonFactory(first_name="Person", last_name=f"Number {number:02d}")
    first = parse(client.get(person_index.url))
    assert len(names(first)) == 24
    second = parse(client.get(person_index.url, {"page": "2"}))
    assert names(second) == ["Person Number 24", "Person Number 25"]


def test_empty_directory(client, person_index):
    assert "The directory is empty" in text(parse(client.get(person_index.url)).find("main"))
