"""Every model of the app, re-exported from its domain so Django finds them under one app label
(`learning_records`, the tables and migrations unchanged). Code imports from the domain's own
`models` module instead."""

from learning_records.bookings.models import Booking
from learning_records.certificates.models import Certificate, CertificateSerialCounter
from learning_records.cpd.models import CPDActivityType, CPDRecord, EvidenceFile, PeerRole
from learning_records.programme.models import (
    Cohort,
    Enrolment,
    MentorLogEntry,
    ProgrammeDay,
    ServiceProject,
    ServiceProjectAgreement,
    ServiceProjectMilestone,
    ServiceProjectVersion,
)

__all__ = [
    "Booking",
    "CPDActivityType",
    "CPDRecord",
    "Certificate",
    "CertificateSerialCounter",
    "Cohort",
    "Enrolment",
    "EvidenceFile",
    "MentorLogEntry",
    "PeerRole",
    "ProgrammeDay",
    "ServiceProject",
    "ServiceProjectAgreement",
    "ServiceProjectMilestone",
    "ServiceProjectVersion",
]
