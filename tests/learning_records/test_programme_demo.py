"""The programme's demo loader builds a realistic record and is idempotent."""

import io

import pytest

from django.contrib.auth.models import Group

from learning_records.programme import demo
from learning_records.programme.models import Enrolment, MentorLogEntry, ProgrammeDay, ServiceProjectVersion
from tests.learning_records.programme_factories import AspirantFactory, MentorFactory, make_programme
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people(db):
    return {
        "aspirant": AspirantFactory(email="aspirant@praxis.example", first_name="Sam", last_name="Okafor"),
        "mentor": MentorFactory(email="mentor@praxis.example", first_name="Jo", last_name="Whitfield"),
        "staff": UserFactory(email="staff@praxis.example"),
    }


def run() -> str:
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


def test_it_skips_with_a_message_when_the_programme_page_is_missing(demo_people):
    assert "skipping" in run()
    assert not Enrolment.objects.exists()


def test_it_skips_when_the_demo_people_are_missing():
    make_programme(slug=demo.PROGRAMME_SLUG, title="Practice Leader Development Programme")
    assert "missing" in run()


def test_it_builds_the_demo_record_once(demo_people):
    make_programme(slug=demo.PROGRAMME_SLUG, title="Practice Leader Development Programme")
    output = run()
    assert "/agree/" in output
    enrolment = Enrolment.objects.get()
    assert enrolment.aspirant == demo_people["aspirant"]
    assert enrolment.mentor == demo_people["mentor"]
    statuses = set(enrolment.days.values_list("status", flat=True))
    assert statuses == {"logged", "confirmed", "queried"}
    assert enrolment.mentor_log.filter(visibility="staff").exists()
    assert enrolment.mentor_log.filter(visibility="pair").exists()
    version = enrolment.service_project.current_version
    assert version.status == "awaiting"
    assert sorted(version.agreements.values_list("party", flat=True)) == ["aspirant", "mentor"]
    assert demo_people["staff"].groups.filter(name="Programme staff").exists()
    assert demo_people["staff"] in enrolment.cohort.staff_contacts.all()

    counts = (
        ProgrammeDay.objects.count(),
        MentorLogEntry.objects.count(),
        ServiceProjectVersion.objects.count(),
    )
    run()
    assert (
        ProgrammeDay.objects.count(),
        MentorLogEntry.objects.count(),
        ServiceProjectVersion.objects.count(),
    ) == counts
    assert Enrolment.objects.count() == 1
    assert Group.objects.filter(name="Programme staff").count() == 1
