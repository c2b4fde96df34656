"""Certificates: kinds (what each certifies and when), the PDF, Open Badges and signing keys.

The issuing service is `learning_records.services.certificates`; the models are in
`learning_records.models.certificates`.
"""

from importlib import import_module

from .kinds import (  # noqa: F401
    Alignment,
    CertificateContent,
    CertificateKind,
    Column,
    Fact,
    Table,
    get_kind,
    kind_name,
    register_kind,
    registered_kinds,
    unregister_kind,
)

# Modules whose import registers a kind (each ends with `register_kind(...)`). The CPD statement
# and programme completion kinds go here once their models exist.
KIND_MODULES: list[str] = []


def load_kinds() -> None:
    for module in KIND_MODULES:
        import_module(module)
