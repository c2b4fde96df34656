import io

import pytest

from django.utils import timezone

from learning_records.cpd import demo, rules
from learning_records.cpd.models import CPDRecord, EvidenceFile
from learning_records.cpd.selectors import year_summary
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_gives_the_practitioner_a_believable_record_and_is_idempotent():
    member = UserFactory(email=demo.EMAIL)
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    assert CPDRecord.objects.filter(member=member).count() == 4
    assert EvidenceFile.objects.filter(record__member=member).count() == 1
    this_year = rules.registration_year_of(timezone.localdate())
    assert year_summary(member=member, year=this_year - 1).is_complete
    current = year_summary(member=member, year=this_year)
    assert (current.counting_records, current.drafts) == (1, 1)


def test_demo_skips_without_the_member():
    out = io.StringIO()
    demo.load(stdout=out)
    assert "skipped" in out.getvalue()
    assert not CPDRecord.objects.exists()
