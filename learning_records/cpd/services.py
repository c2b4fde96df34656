"""Writes for CPD records. Views call these; the rules live in cpd/rules.py and the read-outs
(year summaries, standards coverage) in cpd/selectors.py."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from learning_records.cpd import rules
from learning_records.cpd.evidence import check_evidence_upload
from learning_records.cpd.models import CPDRecord, EvidenceFile

# The fields a member edits, in the order of the Social Work England form.
RECORD_FIELDS = [
    "activity_type",
    "title",
    "description",
    "start_date",
    "end_date",
    "hours",
    "provider",
    "learning",
    "impact",
    "peer_role",
    "peer_date",
    "peer_learning",
]


@dataclass
class SaveOutcome:
    record: CPDRecord
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def submitted(self) -> bool:
        return self.record.is_submitted


def _check_owner(member, record: CPDRecord | None) -> None:
    if record is not None and record.pk and record.member_id != member.pk:
        raise PermissionDenied("This record belongs to another member.")


def _keep_confirmed(record: CPDRecord | None, values: dict) -> dict:
    """`values` with a provider-confirmed record's dates, hours and provider put back as they are:
    whatever a form or a hand-made POST sends, the member cannot change them."""
    if record is None or not record.pk or not record.provider_confirmed:
        return values
    return {**values, **{name: getattr(record, name) for name in rules.CONFIRMED_FIELDS}}


def _value_problems(values: dict) -> dict[str, str]:
    """Problems that stop any save, draft or not: a title, and dates and hours that make sense."""
    problems = {}
    if not (values.get("title") or "").strip():
        problems["title"] = "Give the record a title, so you can find it again."
    if message := rules.dates_problem(values.get("start_date"), values.get("end_date")):
        problems["end_date"] = message
    if message := rules.hours_problem(values.get("hours"), values.get("start_date"), values.get("end_date")):
        problems["hours"] = message
    return problems


def _write(*, member, record, values, statements, source_page, status) -> CPDRecord:
    record = record or CPDRecord(member=member)
    for name in RECORD_FIELDS:
        if name in values:
            setattr(record, name, values[name])
    if source_page is not None:
        record.source_page = source_page
    if status == CPDRecord.Status.SUBMITTED and not record.is_submitted:
        record.submitted_at = timezone.now()
    if status == CPDRecord.Status.DRAFT:
        record.submitted_at = None
    record.status = status
    record.save()
    if statements is not None:
        record.statements.set(statements)
    return record


@transaction.atomic
def save_draft(
    *,
    member,
    values: dict,
    statements: Iterable | None = None,
    record: CPDRecord | None = None,
    source_page=None,
) -> CPDRecord:
    """Save a record as a draft. Only a title is needed; dates and hours must still make sense."""
    _check_owner(member, record)
    values = _keep_confirmed(record, values)
    if problems := _value_problems(values):
        raise ValidationError(problems)
    return _write(
        member=member,
        record=record,
        values=values,
        statements=statements,
        source_page=source_page,
        status=CPDRecord.Status.DRAFT,
    )


@transaction.atomic
def submit_record(
    *,
    member,
    values: dict,
    statements: Iterable | None = None,
    record: CPDRecord | None = None,
    source_page=None,
    today: datetime.date | None = None,
) -> CPDRecord:
    """Save and submit a complete record, or raise ValidationError naming each missing field."""
    _check_owner(member, record)
    values = _keep_confirmed(record, values)
    today = today or timezone.localdate()
    problems = _value_problems(values) | rules.problems_for_submission(values, today)
    if problems:
        raise ValidationError(problems)
    return _write(
        member=member,
        record=record,
        values=values,
        statements=statements,
        source_page=source_page,
        status=CPDRecord.Status.SUBMITTED,
    )


@transaction.atomic
def update_record(
    *, member, record: CPDRecord, values: dict, statements: Iterable | None = None, today=None
) -> SaveOutcome:
    """Save edits. A submitted record stays submitted only if it is still complete; otherwise it
    is saved as a draft (nothing is lost) and the outcome lists what stops it being submitted."""
    _check_owner(member, record)
    values = _keep_confirmed(record, values)
    if not record.is_submitted:
        return SaveOutcome(save_draft(member=member, values=values, statements=statements, record=record))
    today = today or timezone.localdate()
    if problems := _value_problems(values):
        raise ValidationError(problems)
    problems = rules.problems_for_submission(values, today)
    status = CPDRecord.Status.DRAFT if problems else CPDRecord.Status.SUBMITTED
    record = _write(
        member=member, record=record, values=values, statements=statements, source_page=None, status=status
    )
    return SaveOutcome(record, problems)


@transaction.atomic
def delete_record(*, member, record: CPDRecord) -> None:
    """Delete a record and its evidence; stored files go when the transaction commits."""
    _check_owner(member, record)
    record.delete()


@transaction.atomic
def add_evidence(*, member, record: CPDRecord, upload, description: str = "") -> EvidenceFile:
    """Attach a file after checking its content, size and the per-record limit."""
    _check_owner(member, record)
    limit = settings.CPD_EVIDENCE_MAX_FILES_PER_RECORD
    if record.evidence_files.count() >= limit:
        raise ValidationError({"file": f"A record can have up to {limit} files. Delete one to add another."})
    try:
        kind = check_evidence_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    evidence = EvidenceFile(
        record=record,
        original_name=(upload.name or "evidence")[-255:],
        content_type=kind.content_type,
        size=upload.size,
        description=description.strip(),
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def delete_evidence(*, member, evidence: EvidenceFile) -> None:
    _check_owner(member, evidence.record)
    evidence.delete()
