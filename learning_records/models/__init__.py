from learning_records.cpd.models import CPDActivityType, CPDRecord, EvidenceFile, PeerRole  # noqa: F401

from .certificates import Certificate, CertificateSerialCounter  # noqa: F401
from .programme import *  # noqa: F403  (Cohort, Enrolment, ProgrammeDay, MentorLogEntry, ServiceProject…)
