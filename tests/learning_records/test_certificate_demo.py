"""The certificates demo: issued through the real service, once."""

import io

import pytest

from learning_records.certificates import demo
from learning_records.certificates.models import Certificate
from learning_records.cpd import demo as cpd_demo
from tests.learning_records.completion_fixtures import complete
from tests.learning_records.programme_factories import AspirantFactory, EnrolmentFactory
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


def test_skips_without_the_demo_members():
    assert "skipped" in run()
    assert not Certificate.objects.exists()


def test_issues_the_practitioners_past_year_and_a_complete_aspirants_certificate_once():
    practitioner = UserFactory(email=cpd_demo.EMAIL, first_name="Priya", last_name="Shah")
    cpd_demo.load(stdout=io.StringIO())
    enrolment = complete(EnrolmentFactory(aspirant=AspirantFactory(email="aspirant@praxis.example")))
    outsider = EnrolmentFactory(aspirant=AspirantFactory(email="someone@example.org"))
    complete(outsider)

    output = run()
    assert "issued CPD statement" in output
    statement = Certificate.objects.get(recipient=practitioner)
    assert statement.kind == "cpd_statement"
    assert len(statement.snapshot["tables"][0]["rows"]) == 2
    completion = Certificate.objects.get(recipient=enrolment.aspirant)
    assert completion.subject_key == f"enrolment:{enrolment.pk}"
    assert not Certificate.objects.filter(recipient=outsider.aspirant).exists()

    assert "already issued" in run()
    assert Certificate.objects.count() == 2


def test_an_incomplete_aspirant_gets_no_certificate():
    EnrolmentFactory(aspirant=AspirantFactory(email="aspirant@praxis.example"))
    assert "has not completed the programme yet" in run()
    assert not Certificate.objects.exists()
