"""learning_records' part of "download all my data" (see members.member_data): one module per area."""

import importlib
import importlib.util

ORDER = 30
PARTS = ["cpd", "programme", "certificates"]


def add_to_archive(*, member, archive) -> None:
    for part in PARTS:
        name = f"{__name__}.{part}"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).add_to_archive(member=member, archive=archive)
