"""CPD records and evidence files for "download all my data" (see members.member_data)."""

import shutil
from pathlib import PurePosixPath

from django.utils.text import get_valid_filename

from learning_records.cpd.exports import record_data, records_for_export
from learning_records.cpd.models import CPDRecord
from members.member_data import write_json


def add_to_archive(*, member, archive) -> None:
    records = list(records_for_export(CPDRecord.objects.for_member(member).order_by("pk")))
    data = []
    for record in records:
        item = record_data(record)
        files = []
        for evidence in record.evidence_files.all():
            # Keep the member's own filename, made safe, and prefix the ids so names never collide.
            safe_name = get_valid_filename(PurePosixPath(evidence.original_name).name) or "evidence"
            path = f"cpd-evidence/{record.pk}-{evidence.pk}-{safe_name}"
            entry = {
                "file": path,
                "original_name": evidence.original_name,
                "description": evidence.description,
            }
            try:
                with evidence.file.open("rb") as source, archive.open(path, "w") as target:
                    shutil.copyfileobj(source, target)
            except OSError:
                entry["file"] = "(missing from storage: please tell us)"
            files.append(entry)
        item["evidence_files"] = files
        data.append(item)
    write_json(archive, "cpd-records.json", data)
