"""Demo records for the demo members (see members/demo.py for who they are)."""

import importlib

ORDER = 30
PARTS = [
    "learning_records.cpd.demo",
    f"{__name__}.programme",
    f"{__name__}.certificates",
]


def load(*, stdout):
    for name in PARTS:
        importlib.import_module(name).load(stdout=stdout)
