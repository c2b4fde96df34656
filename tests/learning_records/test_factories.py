from learning_records.cpd.models import CPDRecord
from tests.learning_records.factories import CPDRecordFactory


def test_record_factory_makes_a_complete_submitted_record(db):
    record = CPDRecordFactory(with_peer=True)
    assert record.status == CPDRecord.Status.SUBMITTED
    assert record.registration_year == 2026
    assert record.has_peer_reflection


def test_record_factory_draft_trait(db):
    record = CPDRecordFactory(draft=True)
    assert record.status == CPDRecord.Status.DRAFT
    assert not record.has_peer_reflection
