"""Each programme factory builds a valid object."""

import pytest

from tests.learning_records import programme_factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory_class",
    [f.CohortFactory, f.EnrolmentFactory, f.ProgrammeDayFactory, f.MentorLogEntryFactory],
)
def test_factory_builds_a_valid_object(factory_class):
    obj = factory_class()
    obj.full_clean()
    assert obj.pk


def test_make_programme_has_the_requirement_rows():
    programme = f.make_programme()
    assert programme.requirements.count() == len(f.PLDP_REQUIREMENTS)
    assert programme.requirement_for("mentor_authority_day", "preparatory").max_days == 5
    assert programme.live


def test_enrolment_pairs_people_from_different_authorities():
    enrolment = f.EnrolmentFactory()
    assert enrolment.aspirant_organisation != enrolment.mentor_organisation
