"""learning_records' part of "download all my data" (see members.member_data): one module per area."""

import importlib

ORDER = 30
PARTS = [
    "learning_records.cpd.member_data",
    f"{__name__}.programme",
    f"{__name__}.certificates",
]


def add_to_archive(*, member, archive) -> None:
    for name in PARTS:
        importlib.import_module(name).add_to_archive(member=member, archive=archive)
