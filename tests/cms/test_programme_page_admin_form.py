"""The programme page's requirement rows in the Wagtail admin edit form: one row per activity and
phase (rows marked for deletion aside), and a maximum no smaller than the minimum."""

from decimal import Decimal

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ActivityType, Phase, ProgrammeRequirement
from tests.cms import factories as f
from tests.html import parse, text
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

DUPLICATE = (
    "There are two requirement rows for 'Seminar' in the preparatory phase. "
    "Keep one row per activity and phase."
)


@pytest.fixture
def editor(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.fixture
def programme(programme_index):
    page = f.ProgrammePageFactory(parent=programme_index, title="Practice Leader Development Programme")
    f.ProgrammeRequirementFactory(
        programme=page,
        activity_type=ActivityType.SEMINAR,
        phase=Phase.PREPARATORY,
        min_days=Decimal("8"),
        max_days=None,
        sort_order=0,
    )
    return page


def row(activity, phase=Phase.PREPARATORY, min_days="1", max_days="", **extra):
    return {
        "activity_type": activity,
        "phase": phase,
        "min_days": min_days,
        "max_days": max_days,
        "mentor_attends": "",
        "notes": "",
        **extra,
    }


def edit_data(page, rows, initial=0):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "For aspiring practice leaders.",
            "phases": inline_formset([]),
            "requirements": inline_formset(rows, initial=initial),
            "who_can_apply": rich_text(""),
            "how_to_apply": rich_text(""),
            "apply_page": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def existing(page):
    (seminar,) = page.requirements.all()
    return row(ActivityType.SEMINAR, min_days="8", id=seminar.pk, ORDER="1")


def post(client, page, rows, initial=1):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page, rows, initial))


def latest(page):
    page.refresh_from_db()
    return page.get_latest_revision()


def saved_rows(page):
    draft = latest(page).as_object()
    return sorted((r.activity_type, r.phase) for r in draft.requirements.all())


def test_a_second_row_for_the_same_activity_and_phase_is_refused_and_marked(client, editor, programme):
    rows = [existing(programme), row(ActivityType.SEMINAR, min_days="2", ORDER="2")]
    response = post(client, programme, rows)
    assert response.status_code == 200
    form = response.context["form"]
    assert DUPLICATE in form.non_field_errors()
    assert form.formsets["requirements"].forms[1].errors["activity_type"] == [DUPLICATE]
    assert form.formsets["requirements"].forms[0].errors == {}
    assert DUPLICATE in text(parse(response))
    assert ProgrammeRequirement.objects.filter(programme=programme).count() == 1
    assert latest(programme) is None  # nothing saved


def test_the_same_activity_in_another_phase_is_fine(client, editor, programme):
    rows = [existing(programme), row(ActivityType.SEMINAR, phase=Phase.IN_ROLE, ORDER="2")]
    response = post(client, programme, rows)
    assert response.status_code == 302, response.context["form"].errors
    assert saved_rows(programme) == [("seminar", "in_role"), ("seminar", "preparatory")]


def test_a_row_marked_for_deletion_does_not_count_as_a_duplicate(client, editor, programme):
    rows = [{**existing(programme), "DELETE": "1"}, row(ActivityType.SEMINAR, min_days="6", ORDER="2")]
    response = post(client, programme, rows)
    assert response.status_code == 302, response.context["form"].errors
    draft = latest(programme).as_object()
    assert [(r.activity_type, r.min_days) for r in draft.requirements.all()] == [("seminar", Decimal("6"))]


def test_a_maximum_below_the_minimum_is_marked_on_its_row(client, editor, programme):
    rows = [
        existing(programme),
        row(ActivityType.MENTOR_AUTHORITY_DAY, min_days="3", max_days="2", ORDER="2"),
    ]
    response = post(client, programme, rows)
    assert response.status_code == 200
    child = response.context["form"].formsets["requirements"].forms[1]
    assert child.errors["max_days"] == ["The maximum cannot be less than the minimum."]
    assert "The maximum cannot be less than the minimum." in text(parse(response))
    assert latest(programme) is None


def test_equal_minimum_and_maximum_save(client, editor, programme):
    rows = [existing(programme), row(ActivityType.RESIDENTIAL, min_days="2", max_days="2", ORDER="2")]
    response = post(client, programme, rows)
    assert response.status_code == 302, response.context["form"].errors
    assert saved_rows(programme) == [("residential", "preparatory"), ("seminar", "preparatory")]
