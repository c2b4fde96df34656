"""Programme staff in the Wagtail admin: the group, cohorts, enrolments and shared mentor logs."""

import pytest

from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from learning_records.programme.models import Cohort
from tests.learning_records.programme_factories import (
    AspirantFactory,
    EnrolmentFactory,
    MentorLogEntryFactory,
    ProgrammeDayFactory,
    make_programme,
)
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


PROGRAMME_PERMISSIONS = {
    "learning_records.add_cohort",
    "learning_records.add_enrolment",
    "learning_records.change_cohort",
    "learning_records.change_enrolment",
    "learning_records.delete_cohort",
    "learning_records.view_cohort",
    "learning_records.view_enrolment",
    "learning_records.view_mentorlogentry",
    "learning_records.view_programmeday",
    "wagtailadmin.access_admin",
}


def test_the_group_has_the_programme_permissions_and_none_over_cpd_content():
    """Programme staff also hold the CPD and certificate report permissions granted by other
    data migrations, but never a model permission over members' CPD records or evidence."""
    group = Group.objects.get(name="Programme staff")
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert granted >= PROGRAMME_PERMISSIONS
    assert not {p for p in granted if p.endswith(("_cpdrecord", "_evidencefile"))}


def test_staff_see_the_programme_menu(staff, client_for):
    body = client_for(staff).get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Programme", "Cohorts", "Enrolments", "Cohort overview", "Mentor log (shared)"):
        assert label in body


def test_a_member_cannot_reach_the_programme_admin(client_for):
    client = client_for(UserFactory())
    for name in ("programme_cohorts:index", "programme_enrolments:index", "programme_overview:index"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_staff_set_up_a_cohort(staff, client_for):
    programme = make_programme()
    response = client_for(staff).post(
        reverse("programme_cohorts:add"),
        {
            "programme": programme.pk,
            "name": "Cohort 4",
            "start": "2026-01-05",
            "preparatory_end": "2026-12-18",
            "staff_contacts": [staff.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    cohort = Cohort.objects.get(name="Cohort 4")
    assert list(cohort.staff_contacts.all()) == [staff]


def test_a_cohort_must_end_its_preparatory_phase_after_it_starts(staff, client_for):
    programme = make_programme()
    response = client_for(staff).post(
        reverse("programme_cohorts:add"),
        {
            "programme": programme.pk,
            "name": "Backwards",
            "start": "2026-12-18",
            "preparatory_end": "2026-01-05",
        },
    )
    assert "The preparatory phase must end after the cohort starts." in response.content.decode()


def test_the_enrolment_listing_filters_and_exports(staff, client_for, enrolment):
    enrolment.aspirant.last_name = "Okafor-Active"
    enrolment.aspirant.save()
    other = EnrolmentFactory(
        status="withdrawn",
        ended_on=enrolment.cohort.start,
        aspirant=AspirantFactory(last_name="Nkemelu-Withdrawn"),
    )
    client = client_for(staff)
    body = client.get(reverse("programme_enrolments:index"), {"status": "active"}).content.decode()
    assert enrolment.aspirant.last_name in body
    assert other.aspirant.last_name not in body
    response = client.get(reverse("programme_enrolments:index"), {"export": "csv"})
    content = (
        b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    )
    assert enrolment.aspirant.email in content


def test_staff_see_mentor_log_entries_only_where_the_entry_allows(staff, client_for, enrolment):
    shared = MentorLogEntryFactory(enrolment=enrolment, focus="Shared with staff", visibility="staff")
    private = MentorLogEntryFactory(enrolment=enrolment, focus="Between the two of us", visibility="pair")
    for user in (staff, UserFactory(is_superuser=True, is_staff=True)):
        client = client_for(user)
        body = client.get(reverse("programme_mentor_log:index")).content.decode()
        assert "Shared with staff" in body
        assert "Between the two of us" not in body
        assert client.get(reverse("programme_mentor_log:inspect", args=[shared.pk])).status_code == 200
        assert client.get(reverse("programme_mentor_log:inspect", args=[private.pk])).status_code == 404


def test_days_and_mentor_logs_are_read_only_in_the_admin(client_for, enrolment):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    ProgrammeDayFactory(enrolment=enrolment)
    body = client_for(superuser).get(reverse("programme_days:index")).content.decode()
    assert enrolment.aspirant.display_name in body
    for name in ("programme_days:add", "programme_mentor_log:add"):
        with pytest.raises(NoReverseMatch):
            reverse(name)
