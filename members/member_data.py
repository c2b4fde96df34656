"""What "download all my data" contains, gathered from every app without members importing them.

Each app declares its `member_data` modules on its AppConfig (config/contributions.py); each has
`add_to_archive(*, member, archive: zipfile.ZipFile) -> None` (members' own part is below), so
dependencies still point one way.
"""

import json
import tempfile
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from config.contributions import contributions

# The archive is built in memory up to this size, then on disk; evidence files are capped per file
# and per record, so a member's archive stays a sensible size either way.
SPOOL_MAX_BYTES = 16 * 1024 * 1024


def write_json(archive: zipfile.ZipFile, name: str, data) -> None:
    archive.writestr(name, json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))


def add_to_archive(*, member, archive: zipfile.ZipFile) -> None:
    write_json(
        archive,
        "profile.json",
        {
            "email": member.email,
            "first_name": member.first_name,
            "last_name": member.last_name,
            "role": member.get_role_display() if member.role else "",
            "organisation": member.organisation.name if member.organisation_id else "",
            "job_title": member.job_title,
            "swe_registration_number": member.swe_registration_number,
            "date_joined": member.date_joined,
            "last_login": member.last_login,
        },
    )


def build_archive(*, member):
    """A ZIP of everything Praxis holds about a member, as a file object positioned at the start."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)  # noqa: SIM115 (returned open)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        write_json(
            archive,
            "README.json",
            {
                "exported_at": timezone.now(),
                "about": "Everything Praxis holds about you: your profile, your records and your files.",
            },
        )
        for part in contributions("member_data"):
            part.add_to_archive(member=member, archive=archive)
    spool.seek(0)
    return spool
