"""A member's CPD records as rows (CSV) and plain data (JSON in "download all my data")."""

import csv
import io
from collections.abc import Iterable, Iterator

from learning_records.common.spreadsheets import safe_cell
from learning_records.cpd.models import CPDRecord

# Cells a spreadsheet would run as a formula (OWASP "CSV injection"); tab and CR too, because
# some spreadsheets strip them and then read the = that follows.

COLUMNS = [
    ("id", "Record number"),
    ("status", "Status"),
    ("registration_year", "Registration year"),
    ("activity_type", "Type of activity"),
    ("title", "Title"),
    ("description", "Short description and why it is relevant"),
    ("start_date", "Start date"),
    ("end_date", "End date"),
    ("hours", "Hours"),
    ("provider", "Provider"),
    ("provider_confirmed", "Confirmed by the provider"),
    ("learning", "What I learnt"),
    ("impact", "Impact on my practice and the people I work with"),
    ("peer_role", "Peer's role"),
    ("peer_date", "Date of peer discussion"),
    ("peer_learning", "What I learnt from the discussion"),
    ("statements", "Standards it evidences"),
    ("source_url", "Praxis page"),
    ("evidence_files", "Evidence files"),
    ("created_at", "Created"),
    ("updated_at", "Last changed"),
    ("submitted_at", "Submitted"),
]


def records_for_export(queryset):
    return queryset.select_related("source_page").prefetch_related("statements__framework", "evidence_files")


def record_data(record: CPDRecord, *, request=None) -> dict:
    """One record as plain values (labels rather than codes). Pass the request so page URLs are
    worked out from its cached site roots rather than looked up per record."""
    source_url = ""
    if record.source_page_id and record.source_page:
        source_url = record.source_page.get_full_url(request) or ""
    return {
        "id": record.pk,
        "status": record.get_status_display(),
        "registration_year": record.year_name,
        "activity_type": record.get_activity_type_display() if record.activity_type else "",
        "title": record.title,
        "description": record.description,
        "start_date": record.start_date,
        "end_date": record.end_date,
        "hours": record.hours,
        "provider": record.provider,
        "provider_confirmed": "Yes" if record.provider_confirmed else "No",
        "learning": record.learning,
        "impact": record.impact,
        "peer_role": record.get_peer_role_display() if record.peer_role else "",
        "peer_date": record.peer_date,
        "peer_learning": record.peer_learning,
        "statements": [
            f"{s.framework.short_name} {s.code}: {s.display_title}" for s in record.statements.all()
        ],
        "source_url": source_url,
        "evidence_files": [evidence.original_name for evidence in record.evidence_files.all()],
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "submitted_at": record.submitted_at,
    }


def csv_lines(records: Iterable[CPDRecord], *, request=None) -> Iterator[str]:
    """The CSV as text chunks: a UTF-8 byte-order mark (so Excel reads accents), a header, a row
    per record. Lists are joined with "; "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff"
    writer.writerow([heading for _key, heading in COLUMNS])
    yield flush()
    for record in records:
        data = record_data(record, request=request)
        row = []
        for key, _heading in COLUMNS:
            value = data[key]
            if isinstance(value, list):
                value = "; ".join(value)
            row.append(safe_cell(value))
        writer.writerow(row)
        yield flush()
