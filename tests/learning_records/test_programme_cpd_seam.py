"""CPD drafts from a mentoring contact: the prefilled values for each person.

`programme.services.cpd_drafts.draft_cpd_from_mentoring` makes a person's draft from these values when
they press "Record this as CPD" (tested in test_programme_cpd_from_mentoring.py). This test pins
what each draft gets, and what it must not get.
"""

from decimal import Decimal

import pytest

from learning_records.programme.services import mentoring_cpd_draft_values
from tests.learning_records.programme_factories import MentorLogEntryFactory

pytestmark = pytest.mark.django_db


def test_a_mentoring_contact_prefills_a_draft_for_the_mentor_and_one_for_the_aspirant():
    entry = MentorLogEntryFactory(duration_minutes=90, focus="Leading a case review", notes="PRIVATE NOTE")
    values = mentoring_cpd_draft_values(entry=entry)
    mentor, aspirant = values["mentor"], values["aspirant"]
    assert mentor["owner_id"] == entry.enrolment.mentor_id
    assert aspirant["owner_id"] == entry.enrolment.aspirant_id
    for draft in (mentor, aspirant):
        assert draft["status"] == "draft"
        assert draft["date"] == entry.date
        assert draft["hours"] == Decimal("1.5")
        assert "Leading a case review" in draft["title"]
        assert "1 hour 30 minutes" in draft["description"]
        assert draft["source_page_id"] == entry.enrolment.cohort.programme.pk
        # Each person writes their own reflection; the pair's private notes are not copied.
        assert draft["what_i_learnt"] == ""
        assert "PRIVATE NOTE" not in str(draft)
    assert aspirant["agreed_actions"] == entry.agreed_actions
    assert mentor["title"] != aspirant["title"]
