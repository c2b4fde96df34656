from learning_records.cpd.models import CPDActivityType, CPDRecord, EvidenceFile, PeerRole  # noqa: F401
from learning_records.programme.models import *  # noqa: F403  (Cohort, Enrolment, ProgrammeDay, MentorLogEntry, ServiceProject…)

from .certificates import Certificate, CertificateSerialCounter  # noqa: F401
