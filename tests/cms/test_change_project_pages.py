"""Change projects: the stage step list, partners, products, expressions of interest, the
seven-agency limit, and the project list filtered by stage."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ChangeProjectPage
from tests.cms import factories as f
from tests.cms import related_factories as rf
from tests.html import assert_headings_in_order, parse, text
from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
LIMIT_MESSAGE = "A change project can have at most 7 partner agencies; 8 are chosen. Remove 1 to save."


@pytest.fixture
def project(change_project_index, home):
    interest_form = f.FormPageFactory(parent=home, title="Expression of interest")
    project = f.ChangeProjectPageFactory(
        parent=change_project_index,
        title="Using Evidence in Court",
        topic="How social workers present research evidence in family court",
        summary="A project with seven agencies.",
        stage=ChangeProjectPage.Stage.PILOTING,
        start_date=datetime.date(2026, 1, 5),
        expected_end_date=datetime.date(2027, 9, 30),
        how_to_express_interest="<p>Tell us which team would pilot the tools.</p>",
        interest_page=interest_form,
    )
    project.partner_agencies.set(
        [OrganisationFactory(name="Northshire Council"), OrganisationFactory(name="Eastborough Council")]
    )
    project.save()
    rf.ChangeProjectProductFactory(project=project, title="Court skills handbook")
    return project


def test_change_project_page_shows_its_stage_in_words_and_as_steps(client, project):
    soup = parse(client.get(project.url))
    main = soup.find("main")
    assert "This project is at the piloting stage (stage 4 of 7)." in text(main)
    steps = main.select("ol.step-list li")
    assert [" ".join(li.find(string=True).split()) for li in steps] == [
        "Consultation",
        "Scoping seminar",
        "Drafting products",
        "Piloting",
        "Evaluation",
        "Refinement",
        "Published",
    ]
    states = [text(li.select_one(".step__state")) for li in steps]
    assert states == ["Done", "Done", "Done", "Current stage", "To come", "To come", "To come"]
    assert [li.get("aria-current") for li in steps].count("step") == 1
    assert steps[3]["aria-current"] == "step"
    assert_headings_in_order(soup)


def test_change_project_page_shows_partners_products_and_how_to_take_part(client, project):
    main = parse(client.get(project.url)).find("main")
    body = text(main)
    assert text(main.find("h1")) == "Using Evidence in Court"
    assert "How social workers present research evidence in family court" in body
    assert "Eastborough Council" in body and "Northshire Council" in body
    product = main.select_one(".product-list li")
    assert "Court skills handbook" in text(product) and "(PDF," in text(product)
    assert "Tell us which team would pilot the tools." in body
    link = next(a for a in main("a") if text(a).startswith("Express an interest"))
    assert link["href"] == project.interest_page.url
    assert main.find("time", datetime="2027-09-30")


def test_project_without_partners_or_products_says_so(client, change_project_index):
    project = f.ChangeProjectPageFactory(parent=change_project_index)
    body = text(parse(client.get(project.url)).find("main"))
    assert "Partner agencies have not been chosen yet." in body
    assert "will be published here when they are ready" in body
    assert "The call for expressions of interest is closed." in body


def test_model_refuses_an_eighth_partner_agency(change_project_index):
    project = f.ChangeProjectPageFactory(parent=change_project_index)
    project.partner_agencies.set([OrganisationFactory() for _ in range(8)])
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert error.value.message_dict["partner_agencies"] == [LIMIT_MESSAGE]
    project.partner_agencies.set(list(project.partner_agencies.all())[:7])
    project.full_clean()


def edit_form_data(project, agencies):
    data = nested_form_data(
        {
            "title": project.title,
            "slug": project.slug,
            "topic": project.topic,
            "summary": project.summary,
            "stage": project.stage,
            "start_date": "2026-01-05",
            "expected_end_date": "",
            "products": inline_formset([]),
            "how_to_express_interest": rich_text(""),
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data["partner_agencies"] = [agency.pk for agency in agencies]
    return data


@pytest.fixture
def editor(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_admin_edit_view_shows_the_limit_on_the_field(client, editor, change_project_index):
    project = f.ChangeProjectPageFactory(parent=change_project_index)
    agencies = [OrganisationFactory() for _ in range(8)]
    url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    response = client.post(url, edit_form_data(project, agencies))
    assert response.status_code == 200
    assert response.context["form"].errors["partner_agencies"] == [LIMIT_MESSAGE]
    field = parse(response).find(attrs={"data-field-wrapper": True, "data-contentpath": "partner_agencies"})
    field = field or parse(response).find(id="panel-child-content-partner_agencies-section")
    assert LIMIT_MESSAGE in text(field)
    project.refresh_from_db()
    assert project.partner_agencies.count() == 0
    assert not project.has_unpublished_changes


def test_admin_edit_view_saves_seven_partner_agencies(client, editor, change_project_index):
    project = f.ChangeProjectPageFactory(parent=change_project_index)
    agencies = [OrganisationFactory() for _ in range(7)]
    url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    response = client.post(url, edit_form_data(project, agencies))
    assert response.status_code == 302, response.context["form"].errors
    project.refresh_from_db()
    draft = project.get_latest_revision_as_object()
    assert draft.partner_agencies.count() == 7


@pytest.fixture
def projects(change_project_index):
    return [
        f.ChangeProjectPageFactory(parent=change_project_index, title="Court", stage="piloting"),
        f.ChangeProjectPageFactory(parent=change_project_index, title="Leadership", stage="published"),
        f.ChangeProjectPageFactory(parent=change_project_index, title="Front line", stage="piloting"),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Court", "Leadership", "Front line"}),
        ({"stage": "piloting"}, {"Court", "Front line"}),
        ({"stage": "evaluation"}, set()),
    ],
)
def test_project_list_filters_by_stage(client, change_project_index, projects, query, expected):
    soup = parse(client.get(change_project_index.url, query))
    assert {text(h) for h in soup.select("main .card__title")} == expected
    if query:
        assert soup.find("a", string="Clear filters")
    if not expected:
        assert text(soup.find(id="results-count")) == "No change projects match these filters"


def test_project_cards_name_the_stage(client, change_project_index, projects):
    soup = parse(client.get(change_project_index.url))
    assert "Published" in [text(p) for p in soup.select("main .card__meta")]
