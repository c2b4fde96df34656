"""Demo records for the demo members (see members/demo.py for who they are)."""

import importlib
import importlib.util

ORDER = 30
PARTS = ["cpd", "programme", "certificates"]


def load(*, stdout):
    for part in PARTS:
        name = f"{__name__}.{part}"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).load(stdout=stdout)
