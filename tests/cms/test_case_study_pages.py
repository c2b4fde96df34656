"""Case studies follow the DfE template: partnership, lead, work areas, fact box, sections."""

import pytest

from tests.cms import factories as f
from tests.html import assert_headings_in_order, parse, text
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(case_study_index):
    return f.CaseStudyPageFactory(
        parent=case_study_index,
        title="Academics in practice",
        partnership="Praxis Teaching Partnership",
        lead_organisation=OrganisationFactory(name="Northtown University"),
        work_areas="Academics in practice; continuing professional development",
        summary="Academics spent days in frontline teams.",
        fact_box=[
            ("fact_box", {"heading": "Key facts", "facts": [{"figure": "24", "label": "shadowing days"}]})
        ],
        quotes=[
            ("quote", {"quote": "It changed my teaching.", "attribution": "Senior lecturer", "role": ""})
        ],
        objectives="<p>Bring research closer to practice.</p>",
        body=[("paragraph", "<p>Lunch with academics every month.</p>")],
        outcomes="<p>Modules now use live cases.</p>",
        future_developments="<p>Extend to adult services.</p>",
    )


def test_case_study_has_every_dfe_template_section(client, case_study):
    soup = parse(client.get(case_study.url))
    main = soup.find("main")
    body = text(main)
    for expected in (
        "Academics in practice",
        "Praxis Teaching Partnership",
        "Northtown University",
        "Academics in practice; continuing professional development",
        "Academics spent days in frontline teams.",
        "24 shadowing days",
        "It changed my teaching.",
        "Bring research closer to practice.",
        "Lunch with academics every month.",
        "Modules now use live cases.",
        "Extend to adult services.",
    ):
        assert expected in body
    assert [text(h) for h in main("h2") if "visually-hidden" not in h.get("class", [])] == [
        "Objectives",
        "What the partnership did",
        "Outcomes",
        "In their words",
        "Future developments",
        "Key facts",
    ]
    assert_headings_in_order(soup)


def test_case_study_index_lists_and_paginates(client, case_study_index):
    for number in range(13):
        f.CaseStudyPageFactory(parent=case_study_index, title=f"Case study {number:02d}")
    first = parse(client.get(case_study_index.url))
    assert len(first.select("main .card__title")) == 12
    assert text(first.select_one(".results-count")) == "13 case studies"
    second = parse(client.get(case_study_index.url, {"page": 2}))
    assert [text(h) for h in second.select("main .card__title")] == ["Case study 12"]


def test_empty_case_study_index(client, case_study_index):
    assert "No case studies yet" in text(parse(client.get(case_study_index.url)).find("main"))
