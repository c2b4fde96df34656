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

# Modules whose import registers a kind (each ends with `register_kind(...)`); imported by
# `LearningRecordsConfig.ready()` once the models are loaded.
KIND_MODULES: list[str] = [
    "learning_records.certificates.cpd_statement",
    "learning_records.certificates.programme_completion",
]


def load_kinds() -> None:
    for module in KIND_MODULES:
        import_module(module)
