"""Certificates: kinds (what each certifies and when), the PDF, Open Badges and signing keys.

The issuing service is `learning_records.services.certificates`; the models are in
`learning_records.models.certificates`.
"""

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
