"""Deleting an account: an aspirant's programme record goes with them; a mentor's going leaves
the aspirant's record whole, with the mentor's name kept until staff assign a new mentor."""

from decimal import Decimal

import pytest

from django.urls import reverse

from learning_records.cpd.models import CPDRecord
from learning_records.programme import services
from learning_records.programme.models import (
    Enrolment,
    MentorLogEntry,
    ProgrammeDay,
    ServiceProject,
    ServiceProjectAgreement,
    ServiceProjectVersion,
)
from learning_records.programme.services.cpd_drafts import draft_cpd_from_mentoring
from members.models import User
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.programme_factories import (
    EnrolmentFactory,
    MentorFactory,
    MentorLogEntryFactory,
    ProgrammeDayFactory,
    days_ago,
)
from tests.learning_records.test_programme_project_service import agree_all, plan
from tests.members.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    """An enrolment with days, a mentor log, an agreed plan, and each person's CPD draft of a contact."""
    enrolment = EnrolmentFactory(
        aspirant__first_name="Sam",
        aspirant__last_name="Okafor",
        mentor__first_name="Jo",
        mentor__last_name="Mentor",
    )
    ProgrammeDayFactory.create_batch(3, enrolment=enrolment, status=ProgrammeDay.Status.CONFIRMED)
    entry = MentorLogEntryFactory(enrolment=enrolment)
    agree_all(enrolment, plan(enrolment)[0])
    draft_cpd_from_mentoring(entry=entry, member=enrolment.mentor)
    draft_cpd_from_mentoring(entry=entry, member=enrolment.aspirant)
    return enrolment


@pytest.fixture
def others(pair):
    """Another pair with the same mentor, an unrelated pair, and a bystander's CPD record."""
    same_mentor = EnrolmentFactory(mentor=pair.mentor)
    ProgrammeDayFactory(enrolment=same_mentor)
    MentorLogEntryFactory(enrolment=same_mentor)
    unrelated = EnrolmentFactory()
    ProgrammeDayFactory(enrolment=unrelated)
    MentorLogEntryFactory(enrolment=unrelated)
    CPDRecordFactory()
    return same_mentor, unrelated


def delete_account(client_for, user):
    response = client_for(user).post(
        reverse("members:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not User.objects.filter(pk=user.pk).exists()


def counts(enrolments):
    return {
        "days": ProgrammeDay.objects.filter(enrolment__in=enrolments).count(),
        "log": MentorLogEntry.objects.filter(enrolment__in=enrolments).count(),
    }


def test_the_delete_page_warns_an_aspirant_and_a_mentor(pair, client_for):
    aspirant_page = client_for(pair.aspirant).get(reverse("members:delete_account")).content.decode()
    assert "record will be deleted: your logged days, the mentor log" in aspirant_page
    assert pair.cohort.programme.title in aspirant_page
    mentor_page = client_for(pair.mentor).get(reverse("members:delete_account")).content.decode()
    assert "You mentor 1 aspiring practice leader." in mentor_page
    assert "former mentor" in mentor_page
    bystander_page = client_for(UserFactory()).get(reverse("members:delete_account")).content.decode()
    assert "aspiring practice leader" not in bystander_page and "logged days" not in bystander_page


def test_an_aspirants_programme_record_goes_with_their_account(pair, others, client_for):
    same_mentor, unrelated = others
    before = counts([same_mentor, unrelated])
    mentor = pair.mentor
    delete_account(client_for, pair.aspirant)
    assert not Enrolment.objects.filter(pk=pair.pk).exists()
    assert not ProgrammeDay.objects.filter(enrolment_id=pair.pk).exists()
    assert not MentorLogEntry.objects.filter(enrolment_id=pair.pk).exists()
    assert not ServiceProject.objects.filter(enrolment_id=pair.pk).exists()
    assert not ServiceProjectVersion.objects.filter(project__enrolment_id=pair.pk).exists()
    # Nothing of anyone else: the mentor keeps their account, their CPD draft (now unlinked) and
    # their other aspirant; the unrelated pair and the bystander's record are untouched.
    assert User.objects.filter(pk=mentor.pk).exists()
    mentors_draft = CPDRecord.objects.get(member=mentor)
    assert mentors_draft.mentor_log_entry is None
    assert counts([same_mentor, unrelated]) == before
    assert Enrolment.objects.filter(pk__in=[same_mentor.pk, unrelated.pk]).count() == 2
    assert CPDRecord.objects.count() == 2  # the mentor's draft and the bystander's record


def test_a_mentors_going_keeps_the_aspirants_record_with_their_name(pair, others, client_for):
    same_mentor, unrelated = others
    before = counts([pair, same_mentor, unrelated])
    version = ServiceProjectVersion.objects.get(project__enrolment=pair)
    delete_account(client_for, pair.mentor)
    pair.refresh_from_db()
    assert pair.mentor is None
    assert pair.mentor_name == "Jo Mentor"
    assert pair.mentor_label() == "Former mentor: Jo Mentor"
    assert counts([pair, same_mentor, unrelated]) == before
    assert ProgrammeDay.objects.filter(enrolment=pair, status=ProgrammeDay.Status.CONFIRMED).count() == 3
    # The plan stays agreed, and the mentor's agreement keeps the name they agreed under.
    version.refresh_from_db()
    assert version.status == ServiceProjectVersion.Status.AGREED
    mentor_agreement = version.agreements.get(party=ServiceProjectAgreement.Party.MENTOR)
    assert (mentor_agreement.name, mentor_agreement.user) == ("Jo Mentor", None)
    assert CPDRecord.objects.filter(member=pair.aspirant).count() == 1
    assert Enrolment.objects.get(pk=same_mentor.pk).mentor_label() != ""


@pytest.mark.parametrize(
    "url_name",
    ["programme:dashboard", "programme:mentor_log", "programme:project_edit", "programme:my_programme"],
)
def test_the_aspirants_pages_show_the_former_mentor(pair, client_for, url_name):
    mentor = pair.mentor
    mentor.delete()
    response = client_for(pair.aspirant).get(
        reverse(url_name, args=[] if url_name.endswith("my_programme") else [pair.pk]), follow=True
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Former mentor: Jo Mentor" in body or "former mentor: jo mentor" in body


def test_the_aspirant_can_still_log_a_day_without_a_mentor(
    pair, client_for, django_capture_on_commit_callbacks
):
    pair.mentor.delete()
    pair.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        day = services.log_day(enrolment=pair, activity_type="seminar", date=days_ago(3), days=Decimal("1"))
    assert day.status == ProgrammeDay.Status.LOGGED  # waiting for the new mentor; no email to no one


def test_staff_see_the_former_mentor_and_assign_a_new_one(pair, staff, client_for):
    pair.mentor.delete()
    client = client_for(staff)
    index = client.get(reverse("programme_enrolments:index")).content.decode()
    assert "Former mentor: Jo Mentor" in index
    overview = client.get(reverse("programme_overview:cohort", args=[pair.cohort.pk]))
    assert "Former mentor: Jo Mentor" in overview.content.decode()
    new_mentor = MentorFactory(first_name="Ana", last_name="Lopes")
    edit_url = reverse("programme_enrolments:edit", args=[pair.pk])
    form = client.get(edit_url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["mentor"] = new_mentor.pk
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    pair.refresh_from_db()
    assert pair.mentor == new_mentor
    assert pair.mentor_name == "Ana Lopes"
    assert pair.mentor_organisation == new_mentor.organisation
