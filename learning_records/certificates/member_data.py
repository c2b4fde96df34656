"""Certificates for "download all my data" (see members.member_data): a list, and each PDF as issued."""

import shutil

from learning_records.certificates.kinds import kind_name
from learning_records.certificates.models import Certificate
from members.member_data import write_json


def add_to_archive(*, member, archive) -> None:
    data = []
    for certificate in Certificate.objects.for_member(member).with_versions().order_by("issued_at", "pk"):
        path = f"certificates/{certificate.download_filename}"
        if not certificate.is_ready:
            path = "(being prepared: download it again in a few minutes)"
        else:
            try:
                with certificate.pdf.open("rb") as source, archive.open(path, "w") as target:
                    shutil.copyfileobj(source, target)
            except OSError:
                path = "(missing from storage: please tell us)"
        data.append(
            {
                "serial": certificate.serial,
                "kind": kind_name(certificate.kind),
                "title": certificate.title,
                "issued": certificate.issued_at,
                "status": certificate.state,
                "revocation_reason": certificate.revocation_reason,
                "verification_url": certificate.verification_url,
                "sha256": certificate.sha256,
                "file": path,
                "snapshot": certificate.snapshot,
            }
        )
    write_json(archive, "certificates.json", data)
