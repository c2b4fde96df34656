"""Programme pages: phases, and the requirement rows as tables a participant can read."""

from decimal import Decimal

import pytest

from cms.models import ActivityType, Phase
from tests.cms import factories as f
from tests.cms import related_factories as rf
from tests.html import assert_headings_in_order, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(programme_index):
    programme = f.ProgrammePageFactory(
        parent=programme_index,
        title="Practice Leader Development Programme",
        summary="For aspiring practice leaders.",
        who_can_apply="<p>Experienced social workers nominated by their authority.</p>",
        how_to_apply="<p>Speak to your principal social worker.</p>",
    )
    rf.ProgrammePhaseFactory(programme=programme, phase=Phase.PREPARATORY, duration="About 12 months")
    rf.ProgrammePhaseFactory(programme=programme, phase=Phase.IN_ROLE, duration="Your first year as a leader")
    rows = [
        (
            ActivityType.RESIDENTIAL,
            Phase.PREPARATORY,
            Decimal("2"),
            Decimal("2"),
            True,
            "Mentors join on day 2",
        ),
        (ActivityType.MENTOR_AUTHORITY_DAY, Phase.PREPARATORY, Decimal("0"), Decimal("5"), False, ""),
        (ActivityType.MENTOR_VISIT_DAY, Phase.PREPARATORY, Decimal("0"), Decimal("2"), True, ""),
        (ActivityType.SEMINAR, Phase.PREPARATORY, Decimal("8"), None, False, "About monthly"),
        (ActivityType.MENTORING, Phase.IN_ROLE, Decimal("4.5"), None, True, ""),
    ]
    for order, (activity, phase, minimum, maximum, mentor, notes) in enumerate(rows):
        f.ProgrammeRequirementFactory(
            programme=programme,
            activity_type=activity,
            phase=phase,
            min_days=minimum,
            max_days=maximum,
            mentor_attends=mentor,
            notes=notes,
            sort_order=order,
        )
    return programme


def table_rows(table):
    return [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.find("tbody").find_all("tr")]


def test_requirements_are_tables_by_phase(client, programme):
    soup = parse(client.get(programme.url))
    tables = soup.select("main table")
    assert [text(t.caption) for t in tables] == ["Preparatory phase", "In-role phase"]
    assert [text(th) for th in tables[0].select("thead th")] == [
        "Activity",
        "Minimum days",
        "Maximum days",
        "Mentor takes part",
        "Notes",
    ]
    assert table_rows(tables[0]) == [
        ["Residential", "2", "Up to 2", "Yes", "Mentors join on day 2"],
        ["Day in the mentor's authority", "Optional", "Up to 5", "No", ""],
        ["Mentor day in own authority", "Optional", "Up to 2", "Yes", ""],
        ["Seminar", "8", "No limit", "No", "About monthly"],
    ]
    assert table_rows(tables[1]) == [["Mentor input", "4.5", "No limit", "Yes", ""]]
    assert all(row.find("th", scope="row") for row in tables[0].select("tbody tr"))


def test_programme_page_shows_phases_and_how_to_apply(client, programme):
    soup = parse(client.get(programme.url))
    body = text(soup.find("main"))
    assert "For aspiring practice leaders." in body
    phases = soup.find(id="phases").find_parent("section")
    assert [text(h) for h in phases("h3")] == ["Preparatory phase", "In-role phase"]
    assert "About 12 months" in text(phases)
    assert "Experienced social workers nominated by their authority." in body
    assert "Speak to your principal social worker." in body
    assert_headings_in_order(soup)


def test_programme_index_lists_programmes_and_other_pages(client, programme_index, programme):
    f.StandardPageFactory(parent=programme_index, title="About the centre")
    soup = parse(client.get(programme_index.url))
    programmes = soup.find(id="programmes").find_parent("section")
    assert [text(h) for h in programmes.select(".card__title")] == ["Practice Leader Development Programme"]
    more = soup.find(id="more").find_parent("section")
    assert [text(h) for h in more.select(".card__title")] == ["About the centre"]


def test_empty_programme_index(client, programme_index):
    assert "No programmes are open just now" in text(parse(client.get(programme_index.url)).find("main"))
